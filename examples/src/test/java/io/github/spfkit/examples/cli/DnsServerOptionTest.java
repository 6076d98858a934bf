package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --dns HOST[:PORT]} against a server on a loopback port. */
final class DnsServerOptionTest {
  private LoopbackDnsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new LoopbackDnsServer(Map.of(
        "example.com", "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all",
        "_spf.example.net", "v=spf1 ip4:198.51.100.0/24 -all"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void checksThroughTheNamedServer() throws Exception {
    Cli.Run run = run("check", "--dns", server.address(), "--timeout", "5s", "--json",
        "--ip", "198.51.100.9", "--sender", "alice@example.com");

    assertThat(run.err()).isEmpty();
    assertThat(JSON.std.mapFrom(run.out()))
        .containsEntry("result", "pass")
        .containsEntry("mechanism", "include:_spf.example.net")
        .containsEntry("dnsTerms", 1);
    assertThat(server.questions()).isEqualTo(2);
  }

  @Test
  void batchAsksEachNameOnceThanksToTheCache() throws Exception {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      input.append("{\"id\":").append(i).append(",\"ip\":\"192.0.2.").append(i).append("\",\"sender\":\"a@example.com\"}\n");
    }

    Cli.Run run = Cli.runWithInput(input.toString(), "check", "--dns", server.address(), "--timeout", "5s", "--batch", "-");

    assertThat(run.out().split("\n")).hasSize(20).allSatisfy(line -> assertThat(line).contains("\"result\":\"pass\""));
    assertThat(server.questions()).isEqualTo(1);
  }

  @Test
  void lintsThroughTheNamedServer() throws Exception {
    Cli.Run run = run("lint", "--dns", server.address(), "example.com");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("example.com  (1 DNS-querying term)\n+-- v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all\n");
  }
}
