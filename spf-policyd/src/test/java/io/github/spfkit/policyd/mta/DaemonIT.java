package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar as an operator runs it: start-up warnings, usage errors, SIGTERM. */
final class DaemonIT {

  @Test
  void warnsAtStartAboutEveryOptionItDoesNotUseNamingIt(@TempDir Path dir) throws Exception {
    try (PolicyDaemon daemon = PolicyDaemon.start(dir, "warn",
        "Bogus_Option = 1\nPer_User = /etc/peruser\nHELO_reject = fail\n",
        "--zone", "../examples/demo/demo.zone")) {
      assertThat(daemon.log())
          .contains("warning: " + dir.resolve("warn.conf") + ":1: unknown option \"Bogus_Option\"")
          .contains("Per_User \"/etc/peruser\" is not text,PATH")
          .contains("HELO_reject \"fail\" is not one of");
    }
  }

  @Test
  void exitsWithTwoAndAMessageOnBadUsage() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", PolicyDaemon.jar().toString(), "--listen", "nowhere")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).startsWith("spf-policyd: --listen takes HOST:PORT or unix:PATH, not nowhere")
        .contains("usage: java -jar spf-policyd.jar --listen");
  }

  @Test
  void answersTheRequestInFlightOnSigtermAndThenExits(@TempDir Path dir) throws Exception {
    // a DNS server that never answers: the decision runs into its deadline
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        PolicyDaemon daemon = PolicyDaemon.start(dir, "term", "TempError_Defer = True\n",
            "--dns", "127.0.0.1:" + silent.getLocalPort(), "--deadline", "2s");
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", daemon.port()));
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(String.join("\n", List.of(
          "request=smtpd_access_policy", "protocol_state=RCPT", "client_address=203.0.113.9",
          "helo_name=mail.example.com", "sender=alice@example.com", "recipient=bob@example.org",
          "instance=1.2", "", "")).getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(300);
      long start = System.nanoTime();
      daemon.process().destroy(); // SIGTERM
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("action=451 4.7.24 Message deferred due to: SPF"
          + " Temporary Error: ");
      assertThat(in.readLine()).isEmpty();
      assertThat(in.read()).isEqualTo(-1);
      assertThat(daemon.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(daemon.log()).contains("stopping; finishing requests in flight",
          "spf-policyd: stopped");
    }
  }
}
