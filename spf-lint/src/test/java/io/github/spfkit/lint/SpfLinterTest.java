package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
        .a("host.example", "192.0.2.1")
        .add("host.example", RecordType.AAAA, "2001:db8::1");
  }

  static Arguments row(
      Finding.Code code,
      @Nullable String record,
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
        row(Finding.Code.VOID_LOOKUP, "v=spf1 mx a:gone.example -all", z -> z.mx("example.com", "host.example"), 10, "example.com"),
        row(Finding.Code.PASS_ALL, "v=spf1 ip4:192.0.2.1 +all", z -> z, 21, "example.com"),
        row(Finding.Code.NEUTRAL_ALL, "v=spf1 ip4:192.0.2.1 ?all", z -> z, 21, "example.com"),
        row(Finding.Code.PTR_MECHANISM, "v=spf1 ptr:example.com -all", z -> z, 7, "example.com"),
        row(Finding.Code.REDIRECT_WITH_ALL, "v=spf1 -all redirect=ok.example", z -> z, 12, "example.com"),
        row(Finding.Code.TERMS_AFTER_ALL, "v=spf1 -all ip4:192.0.2.1", z -> z, 12, "example.com"),
        row(Finding.Code.UNKNOWN_MODIFIER, "v=spf1 foo=bar -all", z -> z, 7, "example.com"),
        row(Finding.Code.REPORTING_MODIFIER, "v=spf1 -all ra=postmaster rp=100 rr=all", z -> z, 12, "example.com"),
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
        row(Finding.Code.VOID_LIMIT_ONE_FAMILY, "v=spf1 a:o1.example a:o2.example a:o3.example -all",
            z -> z.a("o1.example", "192.0.2.11").a("o2.example", "192.0.2.12").a("o3.example", "192.0.2.13"), null, "example.com"),
        row(Finding.Code.VOID_READINGS_DIFFER, "v=spf1 mx -all",
            z -> z.mx("example.com", "m1.example").mx("example.com", "m2.example").mx("example.com", "m3.example"), null, "example.com"),
        row(Finding.Code.MULTIPLE_RECORDS, null, z -> z.txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 mx -all"), null, "example.com"),
        row(Finding.Code.NO_RECORD, null, z -> z.txt("example.com", "google-site-verification=x"), null, "example.com"),
        row(Finding.Code.NEAR_MISS_RECORD, null, z -> z.txt("example.com", " v=spf1 ip4:192.0.2.1 -all"), null, "example.com"),
        row(Finding.Code.NEAR_MISS_RECORD, null, z -> z.txt("example.com", "V=SPF1 ip4:192.0.2.1 -all"), null, "example.com"),
        row(Finding.Code.SPF_TYPE_RECORD, null, z -> z.txt("example.com", "v=spf1 -all").spf("example.com", "v=spf1 -all"), null, "example.com"),
        row(Finding.Code.RECORD_TOO_LONG, "v=spf1 " + "ip4:192.0.2.1 ".repeat(34) + "-all", z -> z, null, "example.com"),
        row(Finding.Code.ANSWER_NEEDS_TCP, "v=spf1 ip4:192.0.2.1 -all",
            z -> z.txt("example.com", "google-site-verification=" + "x".repeat(200))
                .txt("example.com", "MS=" + "y".repeat(250)), null, "example.com"),
        row(Finding.Code.DUPLICATE_INCLUDE, "v=spf1 include:ok.example include:sub.example -all",
            z -> z.txt("sub.example", "v=spf1 include:ok.example -all"), 7, "sub.example"),
        row(Finding.Code.REDUNDANT_RANGE, "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.7 -all", z -> z, 24, "example.com"),
        row(Finding.Code.OVERLAPPING_RANGES, "v=spf1 ip6:2001:db8::1 ip6:2001:db8::/32 -all", z -> z, 23, "example.com"));
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
  }

  @Test
  void everyCodeHasARowInTheFindingsTable() {
    // TOO_MANY_LOOKUPS and STRING_TOO_LONG have tests of their own below
    Stream<Object> covered =
        Stream.concat(findings().map(a -> a.get()[0]), Stream.of(Finding.Code.TOO_MANY_LOOKUPS, Finding.Code.STRING_TOO_LONG));
    assertThat(covered.distinct()).containsExactlyInAnyOrder((Object[]) Finding.Code.values());
  }

  @Test
  void reportsIpv6OnlyVoidLookupsThatAnIpv4LintWouldMiss() {
    InMemoryDns dns =
        base()
            .txt("example.com", "v=spf1 a:out1.example a:out2.example a:out3.example -all")
            .a("out1.example", "192.0.2.11")
            .a("out2.example", "192.0.2.12")
            .a("out3.example", "192.0.2.13")
            .build();

    LintReport report = linter(dns).lint("example.com");

    assertThat(report.voids(AddressFamily.IPV4).everyQuery()).isZero();
    assertThat(report.voids(AddressFamily.IPV6).everyQuery()).isEqualTo(3);
    assertThat(report.voids(AddressFamily.IPV6).names())
        .containsExactly("AAAA out1.example", "AAAA out2.example", "AAAA out3.example");
    assertThat(report.has(Finding.Code.TOO_MANY_VOID_LOOKUPS)).isFalse();
    assertThat(report.findings(Finding.Code.VOID_LIMIT_ONE_FAMILY)).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith(
            "IPv6 senders get 3 void lookups (AAAA out1.example, AAAA out2.example, AAAA out3.example): permerror"));
    // the summary is an IPv4 sender's; the IPv6 voids are in voids(IPV6) and the finding
    assertThat(report.voidLookups()).isZero();
    assertThat(report.voidNames()).isEmpty();
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void countsPastTheLimitAndCitesTheRuleOfEachCountedTermAndQuery() {
    InMemoryDns.Builder zone = base().mx("ok.example", "host.example");
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 4; i++) {
      record.append(" include:i").append(i).append(".example");
      zone.txt("i" + i + ".example", "v=spf1 a:host.example mx:ok.example -all");
    }
    zone.txt("example.com", record + " ptr -all");

    LintReport report = linter(zone.build()).lint("example.com");

    assertThat(report.lookups()).isEqualTo(13);
    assertThat(report.terms()).extracting(CountedTerm::ordinal).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    assertThat(report.terms()).allSatisfy(t -> assertThat(t.rule()).isEqualTo(Rule.DNS_QUERYING_TERM));
    assertThat(report.terms()).filteredOn(CountedTerm::overLimit)
        .extracting(CountedTerm::term, CountedTerm::domain)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a:host.example", "i3.example"),
            org.assertj.core.groups.Tuple.tuple("mx:ok.example", "i3.example"),
            org.assertj.core.groups.Tuple.tuple("ptr", "example.com"));
    CountedTerm mx = report.terms().get(2);
    assertThat(mx.term()).isEqualTo("mx:ok.example");
    assertThat(mx.queries()).extracting(TermQuery::toString, TermQuery::rule, TermQuery::family)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MX ok.example", Rule.TERM_QUERY, null),
            org.assertj.core.groups.Tuple.tuple("A host.example", Rule.MX_HOST_ADDRESS, AddressFamily.IPV4),
            org.assertj.core.groups.Tuple.tuple("AAAA host.example", Rule.MX_HOST_ADDRESS, AddressFamily.IPV6));
    assertThat(report.terms().get(12).note()).isEqualTo(Rule.PTR_NAME.citation());
    assertThat(report.findings(Finding.Code.TOO_MANY_LOOKUPS).get(0).message())
        .contains("13 DNS-querying terms")
        .contains("example.com 13 (include:i0.example 3, include:i1.example 3")
        .contains("receivers stop with permerror at the 11th, 'a:host.example' in i3.example");
  }

  @Test
  void saysWhenTheTwoReadingsOfTheVoidLimitDisagree() {
    InMemoryDns dns =
        base()
            .txt("example.com", "v=spf1 mx -all")
            .mx("example.com", "m1.example")
            .mx("example.com", "m2.example")
            .mx("example.com", "m3.example")
            .build();

    LintReport every = linter(dns).lint("example.com");
    LintReport perTerm =
        SpfLinter.builder().dns(dns)
            .limits(Limits.RFC.withVoidLookupCounting(Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM))
            .build()
            .lint("example.com");

    for (AddressFamily family : AddressFamily.values()) {
      assertThat(every.voids(family).everyQuery()).isEqualTo(3);
      assertThat(every.voids(family).firstQueryOfTerm()).isZero();
    }
    assertThat(every.has(Finding.Code.TOO_MANY_VOID_LOOKUPS)).isTrue();
    assertThat(perTerm.has(Finding.Code.TOO_MANY_VOID_LOOKUPS)).isFalse();
    assertThat(every.findings(Finding.Code.VOID_READINGS_DIFFER)).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("receivers differ"));
    assertThat(perTerm.findings(Finding.Code.VOID_READINGS_DIFFER)).hasSize(2);
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

    assertThat(report.lookups()).isEqualTo(6);
    LintNode tree = report.tree();
    assertThat(tree).isNotNull();
    assertThat(tree.ownLookups()).isEqualTo(4);
    assertThat(tree.children()).extracting(LintNode::domain).containsExactly("one.example", "two.example");
    assertThat(tree.children()).extracting(LintNode::via).containsExactly(Trace.Via.INCLUDE, Trace.Via.REDIRECT);
    assertThat(report.terms()).extracting(CountedTerm::term)
        .containsExactly("a", "mx", "include:one.example", "include:ok.example", "exists:%{i}.x.example", "redirect=two.example");
    assertThat(report.terms().get(4).note()).contains("macros");
  }

  @Test
  void walksWithoutBlockingAThreadPerLookup() throws Exception {
    InMemoryDns zone = base().txt("example.com", "v=spf1 include:ok.example a:host.example -all").build();
    AtomicInteger outstanding = new AtomicInteger();
    java.util.List<Runnable> pending = new java.util.ArrayList<>();
    DnsLookup later =
        (name, type) -> {
          CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
          outstanding.incrementAndGet();
          synchronized (pending) {
            pending.add(() -> answer.complete(zone.answer(name, type)));
          }
          return answer;
        };

    CompletableFuture<LintReport> report = linter(later).lintAsync("example.com").toCompletableFuture();
    // the call returned with the first question asked and nothing answered: no thread is waiting
    while (!report.isDone()) {
      Runnable next;
      synchronized (pending) {
        assertThat(pending).as("the walk asked nothing yet waits").isNotEmpty();
        next = pending.remove(0);
      }
      next.run();
    }

    assertThat(report.get()).isEqualTo(linter(zone).lint("example.com"));
    assertThat(outstanding.get()).isGreaterThan(3);
  }

  @Test
  void asksEachQuestionOnce() {
    InMemoryDns dns =
        base().txt("example.com", "v=spf1 a:host.example mx:ok.example a:host.example -all")
            .mx("ok.example", "host.example").recordQueries().build();

    linter(dns).lint("example.com");

    assertThat(dns.queries()).doesNotHaveDuplicates();
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
  void warnsThatAWhatIfRecordOver255BytesMustBeSplit() {
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
    assertThat(report.tree()).isNotNull();
    assertThat(report.tree().record()).isEqualTo("v=spf1 ip4:192.0.2.1 include:ok.example -all");
  }

  @Test
  void aNearMissBesideAValidRecordIsAWarningAndTheValidOneIsLinted() {
    InMemoryDns dns =
        base().txt("example.com", "v=spf1 include:ok.example -all").txt("example.com", "v=spf1  -all").build();

    LintReport report = linter(dns).lint("example.com");

    assertThat(report.has(Finding.Code.MULTIPLE_RECORDS)).isTrue();
    LintReport quoted =
        linter(base().txt("example.com", "\"v=spf1 -all\"").build()).lint("example.com");
    assertThat(quoted.findings(Finding.Code.NEAR_MISS_RECORD)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("\"v=spf1 -all\" would be"));
    assertThat(quoted.has(Finding.Code.NO_RECORD)).isTrue();
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
  void takesItsDeadlineFromTheLimits() {
    DnsLookup silent = (name, type) -> new CompletableFuture<DnsAnswer>();
    SpfLinter linter =
        SpfLinter.builder().dns(silent).limits(Limits.RFC.withDeadline(Duration.ofMillis(150))).build();

    long start = System.nanoTime();
    linter.lint("example.com");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
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
