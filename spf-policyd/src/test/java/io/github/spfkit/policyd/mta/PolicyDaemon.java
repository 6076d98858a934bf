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
  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;

  private PolicyDaemon(List<String> command, Path log, int port) {
    this.command = command;
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
    PolicyDaemon daemon = new PolicyDaemon(command, log, port);
    daemon.launch();
    return daemon;
  }

  private void launch() throws IOException, InterruptedException {
    int before = count(log(), "listening on");
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (count(log(), "listening on") == before) {
      if (!process.isAlive() || System.nanoTime() > end) {
        close();
        fail("spf-policyd did not start:\n" + log());
      }
      Thread.sleep(20);
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** Starts the daemon again, same command line and port, after {@link #close()}. */
  void restart() throws IOException, InterruptedException {
    launch();
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
