package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.golden;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class LintCommandTest {

  static Stream<Arguments> textOutputs() {
    return Stream.of(
        Arguments.of("lint-example.txt", List.of("example.com")),
        Arguments.of("lint-deep.txt", List.of("deep.example.com")),
        Arguments.of("lint-voids.txt", List.of("voids.example.com")),
        Arguments.of("lint-broken.txt", List.of("broken.example.com")),
        Arguments.of("lint-nospf.txt", List.of("nospf.example.com")),
        Arguments.of(
            "lint-what-if.txt",
            List.of(
                "example.com",
                "--record",
                "v=spf1 mx ip4:192.0.2.0/26 include:_spf.example.net include:_spf.example.net +all")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textOutputs")
  void drawsTheTreeTheCountedTermsPerFamilyThenTheFindings(String golden, List<String> args) {
    List<String> all = new ArrayList<>(List.of("lint", "--zone", zone()));
    all.addAll(args);

    Cli.Run run = run(all.toArray(String[]::new));

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden(golden));
  }

  static Stream<Arguments> jsonOutputs() {
    return Stream.of(
        Arguments.of("lint-deep.json", "deep.example.com"),
        Arguments.of("lint-voids.json", "voids.example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonOutputs")
  void writesTheJsonOfItsGoldenFiles(String golden, String domain) {
    Cli.Run run = run("lint", "--zone", zone(), "--json", domain);

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden(golden));
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesTheContractFieldsAsJson() throws Exception {
    Cli.Run run = run("lint", "--zone", zone(), "--json", "deep.example.com");

    assertThat(run.status()).isZero();
    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json.keySet().iterator().next()).isEqualTo("schemaVersion");
    assertThat(json)
        .containsEntry("schemaVersion", 1)
        .containsEntry("domain", "deep.example.com")
        .containsEntry("dnsTerms", 12)
        // h1 to h4 have A records only: nine AAAA queries of IPv6 senders are void, none for IPv4
        .containsEntry("voidLookups", 0);
    List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
    assertThat(findings).extracting(f -> f.get("code")).startsWith("too-many-lookups", "void-limit-one-family");
    assertThat(findings.get(0)).satisfies(f -> assertThat(f)
        .containsOnlyKeys("code", "severity", "message", "position", "domain")
        .containsEntry("code", "too-many-lookups")
        .containsEntry("severity", "error")
        .containsEntry("position", null)
        .containsEntry("domain", "deep.example.com"));
    List<Map<String, Object>> terms = (List<Map<String, Object>>) json.get("terms");
    assertThat(terms).hasSize(12);
    assertThat(terms.get(10)).containsEntry("ordinal", 11).containsEntry("overLimit", true)
        .containsEntry("rule", "dns-querying-term");
    Map<String, Object> tree = (Map<String, Object>) json.get("tree");
    assertThat(tree).containsEntry("domain", "deep.example.com").containsEntry("dnsTerms", 12).containsEntry("ownDnsTerms", 3);
    assertThat((List<Map<String, Object>>) tree.get("children"))
        .extracting(c -> c.get("domain"), c -> c.get("via"), c -> c.get("dnsTerms"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d1.example.com", "include", 4),
            org.assertj.core.groups.Tuple.tuple("d2.example.com", "include", 4),
            org.assertj.core.groups.Tuple.tuple("d3.example.com", "include", 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void givesTheCharacterOffsetOfAFindingInTheRecord() throws Exception {
    Cli.Run run = run("lint", "--zone", zone(), "--json", "broken.example.com");

    Map<String, Object> json = JSON.std.mapFrom(run.out());
    Map<String, Object> finding = ((List<Map<String, Object>>) json.get("findings")).get(0);
    assertThat(finding).containsEntry("code", "syntax-error").containsEntry("position", 7);
    assertThat("v=spf1 ip:192.0.2.1 -all".substring(7)).startsWith("ip:");
  }

  @Test
  void writesAUsageErrorAsJsonOnStandardOutputWithJson() {
    Cli.Run run = run("lint", "--zone", zone(), "--dns", "192.0.2.53", "--json", "example.com");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEqualTo(golden("lint-usage-error.json"));
  }
}
