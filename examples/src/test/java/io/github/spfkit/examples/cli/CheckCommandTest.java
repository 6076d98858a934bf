package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.golden;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CheckCommandTest {

  static Stream<Arguments> textOutputs() {
    return Stream.of(
        Arguments.of(
            "check-fail.txt",
            List.of("--ip", "203.0.113.5", "--sender", "alice@example.com", "--helo", "mail.example.com")),
        Arguments.of(
            "check-fail-trace.txt",
            List.of("--ip", "203.0.113.5", "--sender", "alice@example.com", "--trace")),
        Arguments.of(
            "check-pass-include-trace.txt",
            List.of("--ip", "198.51.100.20", "--sender", "alice@example.com", "--trace")),
        Arguments.of(
            "check-permerror-lookups-trace.txt",
            List.of("--ip", "198.51.100.7", "--sender", "bob@deep.example.com", "--trace")),
        Arguments.of(
            "check-permerror-syntax.txt",
            List.of("--ip", "192.0.2.1", "--sender", "x@broken.example.com")),
        Arguments.of(
            "check-helo.txt", List.of("--ip", "192.0.2.10", "--helo", "mail.example.com")),
        Arguments.of(
            "check-null-sender.txt",
            List.of("--ip", "203.0.113.5", "--sender", "", "--helo", "mail.example.com")),
        Arguments.of(
            "check-exp.txt", List.of("--ip", "203.0.113.5", "--sender", "x@explained.example.com")),
        Arguments.of(
            "check-redirect-trace.txt",
            List.of("--ip", "192.0.2.10", "--sender", "bob@moved.example.com", "--trace")),
        Arguments.of(
            "check-none.txt", List.of("--ip", "192.0.2.99", "--sender", "x@nospf.example.com")),
        Arguments.of(
            "check-what-if-trace.txt",
            List.of(
                "--ip", "203.0.113.25", "--sender", "alice@example.com", "--trace",
                "--record", "v=spf1 mx ip4:203.0.113.25 -all")));
  }

  private static String[] args(List<String> args) {
    List<String> all = new java.util.ArrayList<>(List.of("check", "--zone", zone()));
    all.addAll(args);
    return all.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textOutputs")
  void writesTheGoldenText(String golden, List<String> args) {
    Cli.Run run = run(args(args));

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden(golden));
  }

  @Test
  void writesTheContractFieldsAsJson() throws Exception {
    Cli.Run run = run("check", "--zone", zone(), "--json", "--ip", "203.0.113.5", "--sender", "alice@example.com");

    assertThat(run.status()).isZero();
    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json)
        .containsEntry("result", "fail")
        .containsEntry("mechanism", "-all")
        .containsEntry("domain", "example.com")
        .containsEntry("dnsTerms", 2)
        .containsEntry("voidLookups", 0)
        .containsEntry("explanation", "203.0.113.5 is not one of example.com's permitted senders")
        .containsEntry("authenticationResults", "spf=fail (matched -all in example.com) smtp.mailfrom=example.com")
        .doesNotContainKey("trace");
    assertThat((String) json.get("receivedSpf")).startsWith("Received-SPF: fail ").contains("client-ip=203.0.113.5;");
  }

  @Test
  void writesNullForAbsentExplanationAndMechanism() throws Exception {
    Cli.Run run = run("check", "--zone", zone(), "--json", "--ip", "192.0.2.99", "--sender", "x@nospf.example.com");

    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json).containsEntry("result", "none").containsEntry("explanation", null).containsEntry("mechanism", null);
    assertThat(json.get("problem")).isInstanceOf(Map.class);
  }

  @Test
  void addsTheTraceTreeToJsonWithTrace() throws Exception {
    Cli.Run run =
        run("check", "--zone", zone(), "--json", "--trace", "--ip", "198.51.100.20", "--sender", "alice@example.com");

    Map<String, Object> json = JSON.std.mapFrom(run.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> trace = (Map<String, Object>) json.get("trace");
    assertThat(trace).containsEntry("domain", "example.com").containsEntry("result", "pass").containsEntry("dnsTerms", 2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> terms = (List<Map<String, Object>>) trace.get("terms");
    assertThat(terms).extracting(t -> t.get("term")).containsExactly("mx", "ip4:192.0.2.0/26", "include:_spf.example.net");
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) terms.get(2).get("nested");
    assertThat(nested).containsEntry("domain", "_spf.example.net").containsEntry("via", "include");
  }

  @Test
  void whatIfRecordReplacesOnlyTheCheckedDomainsPolicy() throws Exception {
    Cli.Run published = run("check", "--zone", zone(), "--json", "--ip", "203.0.113.25", "--sender", "a@example.com");
    Cli.Run whatIf =
        run("check", "--zone", zone(), "--json", "--ip", "203.0.113.25", "--sender", "a@example.com",
            "--record", "v=spf1 include:_spf.example.net ip4:203.0.113.0/24 -all");

    assertThat(JSON.std.mapFrom(published.out())).containsEntry("result", "fail");
    Map<String, Object> json = JSON.std.mapFrom(whatIf.out());
    assertThat(json).containsEntry("result", "pass").containsEntry("mechanism", "ip4:203.0.113.0/24").containsEntry("dnsTerms", 1);
  }

  @Test
  void defaultExplanationExpandsMacros() throws Exception {
    Cli.Run run =
        run("check", "--zone", zone(), "--json", "--ip", "203.0.113.5", "--sender", "alice@example.com",
            "--default-explanation", "see https://%{d}/spf for %{i}");

    assertThat(JSON.std.mapFrom(run.out())).containsEntry("explanation", "see https://example.com/spf for 203.0.113.5");
  }

  @Test
  void namesTheReceiverInReceivedSpfWithReceiver() throws Exception {
    Cli.Run run = run("check", "--zone", zone(), "--json", "--receiver", "mx.example.org",
        "--ip", "203.0.113.5", "--sender", "alice@example.com");

    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json).containsEntry("receiver", "mx.example.org");
    assertThat((String) json.get("receivedSpf")).contains("receiver=mx.example.org;");
    assertThat(run("check", "--zone", zone(), "--receiver", "mx.example.org",
        "--ip", "203.0.113.5", "--sender", "alice@example.com").out())
        .contains("Received-SPF: fail (mx.example.org: ");
  }

  @Test
  void exitsZeroForEveryResult() {
    assertThat(run("check", "--zone", zone(), "--ip", "192.0.2.1", "--sender", "x@broken.example.com").status()).isZero();
    assertThat(run("check", "--zone", zone(), "--ip", "203.0.113.9", "--sender", "x@example.com").status()).isZero();
  }

  @Test
  void printsUsageWithHelp() {
    Cli.Run run = run("check", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: spf check").contains("--batch=FILE|-", "--zone=FILE", "--dns=HOST[:PORT]", "--timeout=DURATION");
  }
}
