package io.github.spfkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as a user runs it: {@code java -jar target/spf.jar ...} in a new JVM. */
final class SpfJarIT {

  record Process(int status, String out, String err) {}

  private static Process java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("spf.jar", "target/spf.jar"));
    assertThat(jar).isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("spf-out", ".txt");
    Path err = Files.createTempFile("spf-err", ".txt");
    try {
      java.lang.Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("spf.jar finished").isTrue();
      return new Process(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n"),
          Files.readString(err, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void runsTheOfflineDemoDiagnosis() throws Exception {
    Process run = java("diagnose", "demo/bounce-5.7.23.eml", "--zone", "demo/demo.zone");

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(Cli.golden("diagnose-demo-en.txt"));
  }

  @Test
  void printsItsVersion() throws Exception {
    Process run = java("--version");

    assertThat(run.status()).isZero();
    assertThat(run.out()).matches("spf \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  @Test
  void reportsAMistakeOnOneLineWithoutAStackTrace() throws Exception {
    Process run = java("check", "--bogus");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("spf check: Unknown option: '--bogus' (see 'spf check --help')\n");
  }

  @Test
  void asksDnsServersWithoutLoggingNoise() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Process run = java("check", "--dns", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "100ms",
          "--ip", "192.0.2.1", "--sender", "alice@example.com");

      assertThat(run.status()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).startsWith("Result:       temperror\n");
    }
  }
}
