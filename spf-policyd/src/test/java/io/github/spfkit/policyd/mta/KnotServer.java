package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A Knot DNS server ({@code knotd}) run as a child process for tests: authoritative for the zones
 * it is given, listening on a free port of 127.0.0.1, stopped by {@link #close()}.
 *
 * <p>Where {@code knotd} is not installed, {@link #assumeInstalled()} skips the calling tests with
 * a message, except with {@code CI=true} in the environment, where it fails them: CI installs Knot
 * and must run these tests.
 */
final class KnotServer implements AutoCloseable {

  /** How long Knot may take to start and load its zones. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private static final String TEMPLATE = "/knot/knot.conf.template";

  /**
   * One zone Knot is authoritative for.
   *
   * @param name the apex, {@code "."} for the root
   * @param text the master file, or text that deliberately fails to load
   * @param loads whether the text is a valid zone (a broken one makes Knot answer SERVFAIL)
   */
  record Zone(String name, String text, boolean loads) {
    static Zone of(String name, String text) {
      return new Zone(name, text, true);
    }

    /** A zone whose file fails to load: Knot answers SERVFAIL for every name under it. */
    static Zone broken(String name) {
      return new Zone(name, "this line is not a resource record (\n", false);
    }
  }

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread reaper;

  private KnotServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.reaper = new Thread(process::destroyForcibly, "knotd-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** The {@code knotd} binary, if installed: {@code $KNOTD} if set, else found on the PATH. */
  static Optional<Path> knotd() {
    String chosen = System.getenv("KNOTD");
    if (chosen != null && !chosen.isEmpty()) {
      return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
    }
    List<Path> candidates = new ArrayList<>();
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String dir : path.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator), -1)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "knotd"));
      }
    }
    candidates.add(Path.of("/usr/sbin/knotd"));
    candidates.add(Path.of("/usr/local/sbin/knotd"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Skips the calling test where Knot is absent, or fails it there when {@code CI=true}. */
  static void assumeInstalled() {
    if (knotd().isPresent()) {
      return;
    }
    String message =
        "knotd (Knot DNS) is not installed: the tests against a real DNS server cannot run."
            + " Install it with: apt-get install -y --no-install-recommends knot";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: failing instead of skipping)");
    }
    Assumptions.assumeTrue(false, message);
  }

  /**
   * Writes a configuration and the zone files under {@code dir}, starts {@code knotd} and waits
   * until every zone that loads answers its SOA.
   */
  static KnotServer start(Path dir, List<Zone> zones) throws IOException, InterruptedException {
    return start(dir, zones, 0);
  }

  /**
   * As {@link #start(Path, List)}, on a given port (0 for a free one): a restart of a stopped
   * server on its old port, so that clients configured with that port reach the new one.
   */
  static KnotServer start(Path dir, List<Zone> zones, int fixedPort)
      throws IOException, InterruptedException {
    assumeInstalled();
    Path knotd = knotd().orElseThrow();
    Path zoneDir = Files.createDirectories(dir.resolve("zones"));
    try (var old = Files.list(zoneDir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    List<Path> files = new ArrayList<>();
    for (int n = 0; n < zones.size(); n++) {
      Path file = zoneDir.resolve("zone" + n + ".zone");
      Files.writeString(file, zones.get(n).text(), StandardCharsets.ISO_8859_1);
      files.add(file);
    }
    for (int attempt = 1; ; attempt++) {
      int port = fixedPort != 0 ? fixedPort : freePort();
      Path run = Files.createDirectories(dir.resolve("run-" + System.nanoTime()));
      StringBuilder config = new StringBuilder(template(run, zoneDir, port));
      config.append("\nzone:\n");
      for (int n = 0; n < zones.size(); n++) {
        config.append("  - domain: \"").append(zones.get(n).name()).append("\"\n");
        config.append("    file: \"").append(files.get(n)).append("\"\n");
      }
      Path conf = dir.resolve("knot.conf");
      Files.writeString(conf, config);
      Path log = dir.resolve("knotd-" + System.nanoTime() + ".log");
      Process process =
          new ProcessBuilder(knotd.toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      KnotServer server = new KnotServer(process, log, port);
      try {
        server.awaitZones(zones);
        return server;
      } catch (PortTaken e) {
        server.close();
        if (attempt == 3 || fixedPort != 0) {
          fail("knotd found its port taken three times:\n" + server.log());
        }
      } catch (RuntimeException | Error | InterruptedException e) {
        server.close();
        throw e;
      }
    }
  }

  /** Another process took the free port between our check and Knot's bind: try another. */
  private static final class PortTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static String template(Path run, Path zones, int port) throws IOException {
    try (InputStream in = KnotServer.class.getResourceAsStream(TEMPLATE)) {
      Objects.requireNonNull(in, TEMPLATE + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@RUN@", run.toString())
          .replace("@ZONES@", zones.toString())
          .replace("@PORT@", Integer.toString(port));
    }
  }

  /** A port free on 127.0.0.1 for both UDP and TCP when asked. */
  private static int freePort() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 20; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      }
    }
    throw new IOException("no free port on 127.0.0.1 for both UDP and TCP");
  }

  /** Polls each zone's SOA with real queries until all answer, within {@link #START_TIMEOUT}. */
  private void awaitZones(List<Zone> zones) throws InterruptedException {
    SimpleResolver resolver = new SimpleResolver(address());
    resolver.setTimeout(Duration.ofMillis(200));
    List<Zone> waiting = new ArrayList<>(zones.stream().filter(Zone::loads).toList());
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        if (log().contains("address already in use")) {
          throw new PortTaken();
        }
        fail("knotd exited with " + process.exitValue() + ":\n" + log());
      }
      waiting.removeIf(zone -> answersSoa(resolver, zone.name()));
      if (waiting.isEmpty() && (zones.stream().anyMatch(Zone::loads) || answersAnything(resolver))) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        fail("knotd did not serve " + waiting + " within " + START_TIMEOUT + ":\n" + log());
      }
      Thread.sleep(20);
    }
  }

  private static boolean answersSoa(SimpleResolver resolver, String zone) {
    try {
      Name apex = Name.fromString(zone.endsWith(".") ? zone : zone + ".");
      Message response =
          resolver.send(Message.newQuery(Record.newRecord(apex, Type.SOA, DClass.IN)));
      return response.getRcode() == Rcode.NOERROR
          && response.getSection(Section.ANSWER).stream().anyMatch(r -> r.getType() == Type.SOA);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean answersAnything(SimpleResolver resolver) {
    try {
      resolver.send(
          Message.newQuery(Record.newRecord(Name.fromString("probe.invalid."), Type.A, DClass.IN)));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where Knot listens. */
  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** {@code 127.0.0.1:port}, as {@code --dns} takes it. */
  String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** The port Knot listens on. */
  int port() {
    return port;
  }

  /** What Knot logged so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops Knot: SIGTERM, then SIGKILL if it has not exited within 5 seconds. */
  @Override
  public void close() throws InterruptedException {
    try {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or will run: nothing to do
      }
    }
  }
}
