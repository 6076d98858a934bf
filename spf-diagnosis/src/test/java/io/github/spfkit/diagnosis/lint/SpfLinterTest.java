package io.github.spfkit.diagnosis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SpfLinterTest {

  static SpfLinter linter(DnsLookup dns) {
    return SpfLinter.builder().dns(dns).build();
  }

  static InMemoryDns.Builder base() {
    return InMemoryDns.builder()
        .txt("ok.example", "v=spf1 ip4:192.0.2.0/24 -all")
        .a("host.example", "192.0.2.1");
  }

  static Arguments row(
      Finding.Code code,
      String record,
      UnaryOperator<InMemoryDns.Builder> zone,
      @Nullable Integer position,
      String domain) {
    return Arguments.of(code, record, zone, position, domain);
  }

  /** One row per finding code: the record at example.com, extra zone data, where the finding points. */
  static Stream<Arguments> findings() {
    return Stream.of(
        row(Finding.Code.SYNTAX_ERROR, "v=spf1 ip:192.0.2.1 -all", z -> z, 7, "example.com"),
        row(Finding.Code.SYNTAX_ERROR, "v=spf1 a inlcude:ok.example -all", z -> z, 9, "example.com"),
        row(Finding.Code.INCLUDE_NO_RECORD, "v=spf1 include:missing.example -all", z -> z, null, "missing.example"),
        row(Finding.Code.VOID_LOOKUP, "v=spf1 mx a:gone.example -all", z -> z.a("example.com", "192.0.2.9").mx("example.com", "host.example"), 10, "example.com"),
        row(Finding.Code.PASS_ALL, "v=spf1 ip4:192.0.2.1 +all", z -> z, 21, "example.com"),
        row(Finding.Code.NEUTRAL_ALL, "v=spf1 ip4:192.0.2.1 ?all", z -> z, 21, "example.com"),
        row(Finding.Code.PTR_MECHANISM, "v=spf1 ptr:example.com -all", z -> z, 7, "example.com"),
        row(Finding.Code.REDIRECT_WITH_ALL, "v=spf1 -all redirect=ok.example", z -> z, 12, "example.com"),
        row(Finding.Code.TERMS_AFTER_ALL, "v=spf1 -all ip4:192.0.2.1", z -> z, 12, "example.com"),
        row(Finding.Code.UNKNOWN_MODIFIER, "v=spf1 foo=bar -all", z -> z, 7, "example.com"),
        row(Finding.Code.EXP_PROBLEM, "v=spf1 -all exp=explain.example", z -> z, 12, "example.com"),
        row(Finding.Code.NO_ALL, "v=spf1 ip4:192.0.2.1", z -> z, null, "example.com"),
        row(Finding.Code.TOO_MANY_MX, "v=spf1 mx:many.example -all", z -> {
              for (int i = 0; i < 11; i++) {
                z.mx("many.example", "mx" + i + ".many.example").a("mx" + i + ".many.example", "192.0.2." + (10 + i));
              }
              return z;
            }, 7, "example.com"),
        row(Finding.Code.INCLUDE_LOOP, "v=spf1 include:loop.example -all", z -> z.txt("loop.example", "v=spf1 include:example.com -all"), 7, "loop.example"),
        row(Finding.Code.DNS_ERROR, "v=spf1 include:slow.example -all", z -> z.timeout("slow.example"), null, "slow.example"),
        row(Finding.Code.TOO_MANY_VOID_LOOKUPS, "v=spf1 a:v1.example a:v2.example a:v3.example -all", z -> z, null, "example.com"),
        row(Finding.Code.MULTIPLE_RECORDS, null, z -> z.txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 mx -all"), null, "example.com"),
        row(Finding.Code.NO_RECORD, null, z -> z.txt("example.com", "google-site-verification=x"), null, "example.com"),
        row(Finding.Code.SPF_TYPE_RECORD, null, z -> z.txt("example.com", "v=spf1 -all").spf("example.com", "v=spf1 -all"), null, "example.com"),
        row(Finding.Code.RECORD_TOO_LONG, "v=spf1 " + "ip4:192.0.2.1 ".repeat(34) + "-all", z -> z, null, "example.com"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("findings")
  void reportsEachFindingWithItsPosition(
      Finding.Code code,
      @Nullable String record,
      UnaryOperator<InMemoryDns.Builder> zone,
      @Nullable Integer position,
      String domain) {
    InMemoryDns.Builder dns = zone.apply(base());
    if (record != null) {
      dns.txt("example.com", record);
    }

    LintReport report = linter(dns.build()).lint("example.com");

    assertThat(report.findings(code)).as(report.findings().toString()).isNotEmpty();
    Finding finding = report.findings(code).get(0);
    assertThat(finding.severity()).isEqualTo(code.severity());
    assertThat(finding.position()).isEqualTo(position);
    assertThat(finding.domain()).isEqualTo(domain);
    assertThat(report.hasErrors()).isEqualTo(report.findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR));
  }

  @Test
  void countsLookupsAsTheEvaluatorWouldWhenNothingMatches() {
    InMemoryDns dns =
        base()
            .txt("example.com", "v=spf1 a mx include:one.example redirect=two.example")
            .a("example.com", "192.0.2.5")
            .mx("example.com", "host.example")
            .txt("one.example", "v=spf1 include:ok.example exists:%{i}.x.example -all ptr a")
            .txt("two.example", "v=spf1 ip4:192.0.2.0/24 -all redirect=ok.example")
            .build();

    LintReport report = linter(dns).lint("example.com");

    // a, mx, include, redirect = 4; one.example: include, exists = 2 (after -all: ignored); ok.example: 0
    assertThat(report.lookups()).isEqualTo(6);
    LintNode tree = report.tree();
    assertThat(tree.ownLookups()).isEqualTo(4);
    assertThat(tree.children()).extracting(LintNode::domain).containsExactly("one.example", "two.example");
    assertThat(tree.children()).extracting(LintNode::via).containsExactly(Trace.Via.INCLUDE, Trace.Via.REDIRECT);
    assertThat(tree.children().get(0).lookups()).isEqualTo(2);
    assertThat(tree.children().get(1).lookups()).isZero();
    assertThat(report.has(Finding.Code.TOO_MANY_LOOKUPS)).isFalse();
  }

  @Test
  void reportsMoreThanTenLookupsWithTheCountsPerInclude() {
    InMemoryDns.Builder zone = base();
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 4; i++) {
      record.append(" include:i").append(i).append(".example");
      zone.txt("i" + i + ".example", "v=spf1 a:host.example mx:ok.example -all");
      zone.mx("ok.example", "host.example");
    }
    zone.txt("example.com", record + " -all");

    LintReport report = linter(zone.build()).lint("example.com");

    assertThat(report.lookups()).isEqualTo(12);
    assertThat(report.findings(Finding.Code.TOO_MANY_LOOKUPS).get(0).message())
        .contains("12 DNS-querying terms")
        .contains("example.com 12 (include:i0.example 3, include:i1.example 3");
  }

  @Test
  void countsVoidLookupsAndNamesThem() {
    InMemoryDns dns =
        base().txt("example.com", "v=spf1 a:v1.example mx:v2.example exists:v3.example -all").build();

    LintReport report = linter(dns).lint("example.com");

    assertThat(report.voidLookups()).isEqualTo(3);
    assertThat(report.voidNames()).containsExactly("v1.example", "v2.example", "v3.example");
    assertThat(report.findings(Finding.Code.VOID_LOOKUP)).extracting(Finding::position).containsExactly(7, 20, 34);
  }

  @Test
  void lintsAWhatIfRecordWithoutReadingThePublishedOne() {
    InMemoryDns dns = base().txt("example.com", "v=spf1 ip:bad -all").recordQueries().build();

    LintReport report = linter(dns).lint("example.com", "v=spf1 include:ok.example -all");

    assertThat(report.whatIf()).isEqualTo("v=spf1 include:ok.example -all");
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.lookups()).isEqualTo(1);
    assertThat(dns.queries()).doesNotContain(new DnsQuestion("example.com", RecordType.TXT));
  }

  @Test
  void warnsThatAWhatIfRecordOver255CharactersMustBeSplit() {
    String record = "v=spf1 " + "ip4:192.0.2.1 ".repeat(19) + "-all";

    LintReport whatIf = linter(base().build()).lint("example.com", record);
    LintReport published = linter(base().txt("example.com", record).build()).lint("example.com");

    assertThat(whatIf.findings(Finding.Code.STRING_TOO_LONG)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("277"));
    // a published record arrives as strings already joined: it was split to be published
    assertThat(published.has(Finding.Code.STRING_TOO_LONG)).isFalse();
  }

  @Test
  void aCleanRecordHasNoFindings() {
    InMemoryDns dns = base().txt("example.com", "v=spf1 ip4:192.0.2.1 include:ok.example -all").build();

    LintReport report = linter(dns).lint("example.com");

    assertThat(report.findings()).isEmpty();
    assertThat(report.tree().record()).isEqualTo("v=spf1 ip4:192.0.2.1 include:ok.example -all");
  }

  @Test
  void finishesWithinItsTimeoutWhenDnsNeverAnswers() {
    DnsLookup silent = (name, type) -> new CompletableFuture<DnsAnswer>();
    SpfLinter linter = SpfLinter.builder().dns(silent).timeout(Duration.ofMillis(200)).build();

    long start = System.nanoTime();
    LintReport report = linter.lint("example.com");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(report.has(Finding.Code.DNS_ERROR)).isTrue();
  }

  @Test
  void asyncAndBlockingGiveTheSameReport() throws Exception {
    InMemoryDns dns = base().txt("example.com", "v=spf1 a:gone.example ?all").build();
    SpfLinter linter = linter(dns);

    assertThat(linter.lintAsync("example.com").toCompletableFuture().get()).isEqualTo(linter.lint("example.com"));
  }

  @Test
  void aNameThatIsNotADomainGivesNoRecord() {
    LintReport report = linter(base().build()).lint("not a domain");

    assertThat(report.has(Finding.Code.NO_RECORD)).isTrue();
    assertThat(report.tree()).isNull();
  }
}
