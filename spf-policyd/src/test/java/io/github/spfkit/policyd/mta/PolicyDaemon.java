package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executable jar ({@code target/spf-policyd.jar}, system property {@code spf.policyd.jar}) run
 * as a child process on a free loopback port, its log in the test's folder.
 */
final class PolicyDaemon implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private PolicyDaemon(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static Path jar() {
    String jar = System.getProperty("spf.policyd.jar", "target/spf-policyd.jar");
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      fail(path + " is missing: run these tests with mvn verify (after package)");
    }
    return path;
  }

  static PolicyDaemon start(Path dir, String name, String config, String... extra)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path conf = dir.resolve(name + ".conf");
    Files.writeString(conf, config, StandardCharsets.US_ASCII);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-jar", jar().toString(),
        "--listen", "127.0.0.1:" + port, "--config", conf.toString()));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    PolicyDaemon daemon = new PolicyDaemon(process, log, port);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!daemon.log().contains("listening on")) {
      if (!process.isAlive() || System.nanoTime() > end) {
        daemon.close();
        fail("spf-policyd did not start:\n" + daemon.log());
      }
      Thread.sleep(20);
    }
    return daemon;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
