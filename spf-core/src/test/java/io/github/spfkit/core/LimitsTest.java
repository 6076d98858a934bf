package io.github.spfkit.core;

import static io.github.spfkit.core.CheckerTestSupport.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** RFC 7208 §4.6.4: each limit holds at exactly its value and fails one above it. */
final class LimitsTest {

  private static InMemoryDns withRecord(String record) {
    return InMemoryDns.builder()
        .recordQueries()
        .txt("example.com", record)
        .a("example.com", "192.0.2.99")
        .build();
  }

  @Test
  void allowsExactlyTenDnsQueryingTerms() {
    InMemoryDns dns = withRecord("v=spf1" + " a".repeat(10) + " ip4:192.0.2.1 -all");

    SpfResult result = check(dns, "192.0.2.1", "user@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.dnsTerms()).isEqualTo(10);
  }

  @Test
  void givesPermerrorOnTheEleventhDnsQueryingTerm() {
    InMemoryDns dns = withRecord("v=spf1" + " a".repeat(11) + " ip4:192.0.2.1 -all");

    SpfResult result = check(dns, "192.0.2.1", "user@example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_LOOKUPS);
    assertThat(dns.queries()).hasSize(11); // the record, and ten a terms
  }

  @Test
  void countsIncludesAndRedirectsAcrossTheWholeTree() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:a.example.com redirect=b.example.com")
            .txt("a.example.com", "v=spf1" + " a:x.example.com".repeat(4) + " -all")
            .txt("b.example.com", "v=spf1" + " a:y.example.com".repeat(4) + " -all")
            .a("x.example.com", "127.0.0.2")
            .a("y.example.com", "127.0.0.2")
            .build();
    // include (1) + 4 a + redirect (6) + 4 a = 10: at the limit, and nothing matches
    SpfResult atLimit = check(dns, "192.0.2.1", "u@example.com");
    assertThat(atLimit.result()).isEqualTo(Result.FAIL);
    assertThat(atLimit.dnsTerms()).isEqualTo(10);

    InMemoryDns over =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:a.example.com redirect=b.example.com")
            .txt("a.example.com", "v=spf1" + " a:x.example.com".repeat(4) + " -all")
            .txt("b.example.com", "v=spf1" + " a:y.example.com".repeat(5) + " -all")
            .a("x.example.com", "127.0.0.2")
            .a("y.example.com", "127.0.0.2")
            .build();
    SpfResult result = check(over, "192.0.2.1", "u@example.com");
    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_LOOKUPS);
  }

  @Test
  void stopsIncludeLoopsAtTheLimit() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("example.com", "v=spf1 include:loop.example.com -all")
            .txt("loop.example.com", "v=spf1 include:example.com -all")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_LOOKUPS);
    assertThat(dns.queries()).hasSize(11);
  }

  @Test
  void allowsTwoVoidLookupsAndFailsOnTheThird() {
    String two = "v=spf1 a:nx1.example.com a:nx2.example.com ?all";
    String three = "v=spf1 a:nx1.example.com a:nx2.example.com exists:nx3.example.com ?all";

    SpfResult atLimit = check(withRecord(two), "192.0.2.1", "u@example.com");
    SpfResult over = check(withRecord(three), "192.0.2.1", "u@example.com");

    assertThat(atLimit.result()).isEqualTo(Result.NEUTRAL);
    assertThat(atLimit.voidLookups()).isEqualTo(2);
    assertThat(over.result()).isEqualTo(Result.PERMERROR);
    assertThat(over.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_VOID_LOOKUPS);
  }

  @Test
  void countsNodataAsVoidLikeNxdomain() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:v6only.example.com a:v6only.example.com mx:v6only.example.com ?all")
            .a("v6only.example.com", "2001:db8::1")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.voidLookups()).isEqualTo(3);
  }

  private static InMemoryDns withMxNames(int count) {
    InMemoryDns.Builder dns = InMemoryDns.builder().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= count; i++) {
      dns.mx("example.com", "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
    }
    return dns.build();
  }

  @Test
  void allowsTenMxNamesAndFailsOnEleven() {
    assertThat(check(withMxNames(10), "192.0.2.10", "u@example.com").result()).isEqualTo(Result.PASS);

    SpfResult over = check(withMxNames(11), "192.0.2.1", "u@example.com");
    assertThat(over.result()).isEqualTo(Result.PERMERROR);
    assertThat(over.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_MX_NAMES);
  }

  private static InMemoryDns withPtrNames(int count) {
    InMemoryDns.Builder dns = InMemoryDns.builder().txt("example.com", "v=spf1 ptr -all");
    for (int i = 1; i < count; i++) {
      // addresses, so that the names are not void lookups, but not the client's
      dns.ptr("1.2.0.192.in-addr.arpa", "h" + i + ".example.com")
          .a("h" + i + ".example.com", "192.0.2." + (100 + i));
    }
    dns.ptr("1.2.0.192.in-addr.arpa", "h" + count + ".example.com");
    return dns.a("h" + count + ".example.com", "192.0.2.1").build();
  }

  @Test
  void considersOnlyTheFirstTenPtrNames() {
    assertThat(check(withPtrNames(10), "192.0.2.1", "u@example.com").result()).isEqualTo(Result.PASS);
    assertThat(check(withPtrNames(11), "192.0.2.1", "u@example.com").result()).isEqualTo(Result.FAIL);
  }

  @Test
  void raisingALimitIsHonoured() {
    InMemoryDns dns = withRecord("v=spf1" + " a".repeat(11) + " ip4:192.0.2.1 -all");
    SpfChecker lenient =
        SpfChecker.builder().dns(dns).limits(Limits.RFC.withMaxDnsTerms(11)).build();

    assertThat(lenient.check().ip("192.0.2.1").mailFrom("u@example.com").evaluate().result())
        .isEqualTo(Result.PASS);
  }

  @Test
  void endsInTemperrorWhenDnsOutlivesTheDeadline() {
    DnsLookup never = (name, type) -> new CompletableFuture<DnsAnswer>();
    SpfChecker checker =
        SpfChecker.builder()
            .dns(never)
            .limits(Limits.RFC.withDeadline(Duration.ofMillis(200)))
            .build();

    SpfResult result = checker.check().ip("192.0.2.1").mailFrom("u@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.TEMPERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DEADLINE_EXCEEDED);
  }

  @Test
  void turnsFaultyDnsImplementationsIntoTemperror() {
    DnsLookup throwing =
        (name, type) -> {
          throw new IllegalStateException("broken resolver");
        };
    DnsLookup failing =
        (name, type) -> CompletableFuture.failedFuture(new java.io.IOException("connection reset"));

    for (DnsLookup dns : new DnsLookup[] {throwing, failing}) {
      SpfResult result =
          SpfChecker.builder().dns(dns).build().check().ip("192.0.2.1").mailFrom("u@example.com").evaluate();
      assertThat(result.result()).isEqualTo(Result.TEMPERROR);
      assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DNS_ERROR);
    }
  }

  @Test
  void neverAsksForTheObsoleteSpfRecordType() {
    InMemoryDns dns = withRecord("v=spf1 include:_spf.example.com -all");

    check(dns, "192.0.2.1", "u@example.com");

    assertThat(dns.queries()).noneMatch(q -> q.type() == RecordType.SPF);
  }

  private static InMemoryDns withAddresslessMxHosts(int count) {
    InMemoryDns.Builder dns = InMemoryDns.builder().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= count; i++) {
      dns.mx("example.com", "mx" + i + ".example.com");
    }
    return dns.build();
  }

  @Test
  void countsEveryMxHostWithoutAnAddressAsAVoidLookup() {
    SpfResult two = check(withAddresslessMxHosts(2), "192.0.2.1", "u@example.com");
    SpfResult three = check(withAddresslessMxHosts(3), "192.0.2.1", "u@example.com");

    assertThat(two.result()).isEqualTo(Result.FAIL);
    assertThat(two.voidLookups()).isEqualTo(2);
    assertThat(three.result()).isEqualTo(Result.PERMERROR);
    assertThat(three.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_VOID_LOOKUPS);
    assertThat(three.voidLookups()).isEqualTo(3);
  }

  @Test
  void countsMxHostsWithOnlyTheOtherFamilyAsVoidForThatClient() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 mx ip6:2001:db8::/32 -all")
            .mx("example.com", "mx1.example.com")
            .mx("example.com", "mx2.example.com")
            .mx("example.com", "mx3.example.com")
            .a("mx1.example.com", "192.0.2.1")
            .a("mx2.example.com", "192.0.2.2")
            .a("mx3.example.com", "192.0.2.3")
            .build();

    SpfResult v6 = check(dns, "2001:db8::1", "u@example.com");
    SpfResult v4 = check(dns, "192.0.2.3", "u@example.com");

    assertThat(v6.result()).isEqualTo(Result.PERMERROR);
    assertThat(v6.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_VOID_LOOKUPS);
    assertThat(v4.result()).isEqualTo(Result.PASS);
    assertThat(v4.voidLookups()).isZero();
  }

  @Test
  void countsPtrNamesWithoutAnAddressAsVoidLookups() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 ptr -all")
            .ptr("1.2.0.192.in-addr.arpa", "h1.example.com")
            .ptr("1.2.0.192.in-addr.arpa", "h2.example.com")
            .ptr("1.2.0.192.in-addr.arpa", "h3.example.com")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_VOID_LOOKUPS);
  }

  @Test
  void countsTheQueriesBehindValidatedNameMacrosAsVoidLookups() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:nx.example.com exists:%{p}.example.net -all")
            .ptr("1.2.0.192.in-addr.arpa", "h1.example.com")
            .ptr("1.2.0.192.in-addr.arpa", "h2.example.com")
            .a("unknown.example.net", "127.0.0.2")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    // a:nx is one void lookup, the two PTR names without addresses are two more
    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_VOID_LOOKUPS);
  }

  @Test
  void countsOnlyTheFirstQueryOfEachTermWhenAskedTo() {
    Limits perTerm =
        Limits.RFC.withVoidLookupCounting(Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM);
    SpfChecker checker =
        SpfChecker.builder().dns(withAddresslessMxHosts(5)).limits(perTerm).build();

    SpfResult result = checker.check().ip("192.0.2.1").mailFrom("u@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(result.voidLookups()).isZero();
  }

  @Test
  void countsThreeMxTermsWithAddresslessHostsAsVoidOnlyWhenEveryQueryCounts() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 mx:a.example.com mx:b.example.com mx:c.example.com -all")
            .mx("a.example.com", "h.a.example.com")
            .mx("b.example.com", "h.b.example.com")
            .mx("c.example.com", "h.c.example.com")
            .build();
    Limits perTerm =
        Limits.RFC.withVoidLookupCounting(Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM);

    SpfResult every = check(dns, "192.0.2.1", "u@example.com");
    SpfResult first =
        SpfChecker.builder().dns(dns).limits(perTerm).build()
            .check().ip("192.0.2.1").mailFrom("u@example.com").evaluate();

    assertThat(every.result()).isEqualTo(Result.PERMERROR);
    assertThat(first.result()).isEqualTo(Result.FAIL);
    assertThat(first.voidLookups()).isZero();
  }

  @Test
  void keepsTheFiveValueConstructorWithEveryQueryCounted() {
    Limits limits = new Limits(10, 2, 10, 10, Duration.ofSeconds(20));

    assertThat(limits).isEqualTo(Limits.RFC);
    assertThat(limits.withMaxDnsTerms(5).voidLookupCounting())
        .isEqualTo(Limits.VoidLookupCounting.EVERY_QUERY);
  }

  @Test
  void acceptsZeroForEveryCountAndRefusesOneLess() {
    Duration second = Duration.ofSeconds(1);
    Limits.VoidLookupCounting counting = Limits.VoidLookupCounting.EVERY_QUERY;

    assertThat(new Limits(0, 0, 0, 0, second, counting).maxDnsTerms()).isZero();
    for (int which = 0; which < 4; which++) {
      int[] counts = {1, 1, 1, 1};
      counts[which] = -1;
      assertThatThrownBy(
              () -> new Limits(counts[0], counts[1], counts[2], counts[3], second, counting))
          .as("count %d", which)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new Limits(1, 1, 1, 1, Duration.ZERO, counting))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(1, 1, 1, 1, Duration.ofNanos(-1), counting))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Limits(1, 1, 1, 1, Duration.ofNanos(1), counting).deadline())
        .isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void aRecordCacheOfZeroIsAllowedAndANegativeOneIsNot() {
    SpfChecker uncached =
        SpfChecker.builder().dns(withRecord("v=spf1 -all")).recordCacheSize(0).build();

    assertThat(uncached.check().ip("192.0.2.1").mailFrom("a@example.com").evaluate().result())
        .isEqualTo(Result.FAIL);
    assertThatThrownBy(() -> SpfChecker.builder().recordCacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
