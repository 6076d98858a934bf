package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A DNS server that never answers: a loopback UDP socket nobody reads. */
final class UnreachableDnsTest {
  private DatagramSocket silent;
  private String server;

  @BeforeEach
  void openASilentServer() throws Exception {
    silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server = "127.0.0.1:" + silent.getLocalPort();
  }

  @AfterEach
  void closeIt() {
    silent.close();
  }

  @Test
  void checkGivesTemperrorAndExitsZero() throws Exception {
    Cli.Run run = run("check", "--dns", server, "--timeout", "150ms", "--json",
        "--ip", "192.0.2.1", "--sender", "alice@example.com");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json).containsEntry("result", "temperror");
    @SuppressWarnings("unchecked")
    Map<String, Object> problem = (Map<String, Object>) json.get("problem");
    assertThat(problem).containsEntry("kind", "dns-error").containsEntry("domain", "example.com");
  }

  @Test
  void checkTextSaysWhatFailed() {
    Cli.Run run = run("check", "--dns", server, "--timeout", "150ms", "--ip", "192.0.2.1", "--helo", "mail.example.com");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Result:       temperror\n").contains("\nProblem:      ");
  }

  @Test
  void batchGivesTemperrorForEveryLine() throws Exception {
    String input = "{\"id\":1,\"ip\":\"192.0.2.1\",\"sender\":\"a@example.com\"}\n"
        + "{\"id\":2,\"ip\":\"192.0.2.2\",\"helo\":\"mail.example.com\"}\n";

    Cli.Run run = Cli.runWithInput(input, "check", "--dns", server, "--timeout", "150ms", "--batch", "-");

    assertThat(run.status()).isZero();
    for (String line : run.out().split("\n")) {
      assertThat(JSON.std.mapFrom(line)).containsEntry("result", "temperror");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void lintReportsTheDnsError() throws Exception {
    Cli.Run run = run("lint", "--dns", server, "--timeout", "150ms", "--json", "example.com");

    assertThat(run.status()).isZero();
    List<Map<String, Object>> findings = (List<Map<String, Object>>) JSON.std.mapFrom(run.out()).get("findings");
    assertThat(findings).extracting(f -> f.get("code")).contains("dns-error");
  }

  @Test
  void diagnoseStillReportsWhatTheBounceSays() throws Exception {
    Cli.Run run = run("diagnose", "--dns", server, "--timeout", "150ms", "--json", "demo/bounce-5.7.23.eml");

    assertThat(run.status()).isZero();
    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json).containsEntry("category", "spf-fail").containsEntry("ip", "203.0.113.25").containsEntry("proposedRecord", null);
  }

  @Test
  void diagnoseSaysThatThisMachinesDnsFailedNotTheSenders() {
    Cli.Run run = run("diagnose", "--dns", server, "--timeout", "150ms", "demo/bounce-5.7.23.eml");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("This machine got no DNS answer at all, so the SPF of example.com could not be\nchecked.\n")
        .contains("This machine could not ask DNS")
        .doesNotContain("DNS_ERROR")
        .doesNotContain("check that the name servers of example.com");
    assertThat(run.err())
        .contains("no DNS answer could be had from the DNS server " + server + " (--dns)")
        .contains("--dns HOST[:PORT]")
        .contains("--zone FILE");
  }
}
