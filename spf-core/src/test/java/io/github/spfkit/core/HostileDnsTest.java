package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Data a stranger can publish: each case ends in the RFC's result, bounded in time (the future
 * must complete within seconds) and without growing anything beyond the answer itself.
 */
final class HostileDnsTest {

  private static SpfResult check(DnsLookup dns) throws Exception {
    return SpfChecker.builder()
        .dns(dns)
        .receiver("mx.example.org")
        .build()
        .check()
        .ip("192.0.2.1")
        .mailFrom("user@example.com")
        .helo("mail.example.com")
        .evaluateAsync()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static SpfResult checkRecord(String record) throws Exception {
    return check(InMemoryDns.builder().txt("example.com", record).build());
  }

  @Test
  void handlesA65000ByteTxtAnswer() throws Exception {
    String record = "v=spf1 " + "ip4:198.51.100.1 ".repeat(65_000 / 17) + "ip4:192.0.2.1 -all";

    SpfResult result = checkRecord(record);

    assertThat(record.length()).isGreaterThan(64_000);
    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void joinsTenThousandStringsIntoOneRecord() throws Exception {
    // 10,000 character-strings joined with no separator (RFC 7208 §3.3), as a resolver hands them over
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 10_000; i++) {
      record.append(i % 2 == 0 ? " " : "?all"); // "v=spf1 ?all ?all ..." with the spaces as strings of their own
    }
    SpfResult result = checkRecord(record + " -all");

    assertThat(result.result()).isEqualTo(Result.NEUTRAL);
  }

  @Test
  void evaluatesARecordOfFiveThousandTerms() throws Exception {
    SpfResult result = checkRecord("v=spf1" + " ip4:198.51.100.7".repeat(5_000) + " ip4:192.0.2.1 -all");

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.trace().root().terms()).hasSize(5_001);
  }

  @Test
  void failsAFiveThousandTermRecordWithDnsTermsAtTheLimit() throws Exception {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1" + " a".repeat(5_000) + " -all")
            .a("example.com", "198.51.100.9")
            .build();

    SpfResult result = check(dns);

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_LOOKUPS);
    assertThat(result.dnsQueries()).isEqualTo(11);
  }

  @Test
  void stopsAFiftyDeepRedirectChainAtTheLookupLimit() throws Exception {
    InMemoryDns.Builder dns = InMemoryDns.builder().recordQueries();
    dns.txt("example.com", "v=spf1 redirect=r1.example.com");
    for (int i = 1; i < 50; i++) {
      dns.txt("r" + i + ".example.com", "v=spf1 redirect=r" + (i + 1) + ".example.com");
    }
    dns.txt("r50.example.com", "v=spf1 +all");
    InMemoryDns zone = dns.build();

    SpfResult result = check(zone);

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.TOO_MANY_LOOKUPS);
    assertThat(zone.queries()).hasSize(11);
  }

  @Test
  void stopsMutualIncludeLoops() throws Exception {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:a.example.com include:b.example.com -all")
            .txt("a.example.com", "v=spf1 include:b.example.com include:example.com")
            .txt("b.example.com", "v=spf1 include:a.example.com include:example.com")
            .build();

    assertThat(check(dns).result()).isEqualTo(Result.PERMERROR);
  }

  @Test
  void shortensLiteralNamesOver253CharactersFromTheLeftAsExpandedOnesAre() throws Exception {
    String label = "a".repeat(63);
    String longName = String.join(".", label, label, label, "b".repeat(59)) + ".com";
    String shortened = String.join(".", label, label, "b".repeat(59)) + ".com";
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("example.com", "v=spf1 a:" + longName + " exists:%{l}.%{l}.%{l}.%{l}.%{d} -all")
            .build();

    SpfResult result = check(dns);

    assertThat(longName).hasSize(255);
    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(dns.queries()).contains(new DnsQuestion(shortened, RecordType.A));
    assertThat(dns.queries()).map(DnsQuestion::name).allMatch(name -> name.length() <= 253);
  }

  @Test
  void rejectsNulAndNonAsciiBytesInRecordsButNotInOtherTxt() throws Exception {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:nul\u0000.example.com -all")
            .txt("other.example.com", "\u00ff\u0000binary")
            .txt("other.example.com", "v=spf1 -all")
            .build();

    SpfResult nul = check(dns);
    SpfResult other =
        SpfChecker.builder().dns(dns).build().check().ip("192.0.2.1").mailFrom("u@other.example.com").evaluate();

    assertThat(nul.result()).isEqualTo(Result.PERMERROR);
    assertThat(nul.problem().syntaxError().message()).contains("control character 0x00");
    assertThat(other.result()).isEqualTo(Result.FAIL);
  }

  @Test
  void evaluatesAnswersThatChangeBetweenTwoQueriesAsTheyCame() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    DnsLookup flipping =
        (name, type) -> {
          if (type == RecordType.TXT && name.equals("example.com")) {
            return CompletableFuture.completedFuture(
                new DnsAnswer.Records(List.of("v=spf1 a:flip.example.com a:flip.example.com -all"), 0));
          }
          String address = asked.getAndIncrement() % 2 == 0 ? "198.51.100.1" : "192.0.2.1";
          return CompletableFuture.completedFuture(new DnsAnswer.Records(List.of(address), 0));
        };

    SpfResult result = check(flipping);

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.trace().root().terms()).extracting(Trace.TermStep::outcome)
        .containsExactly(Trace.Outcome.NO_MATCH, Trace.Outcome.MATCH);
  }

  @Test
  void ignoresAddressRecordsThatAreNotAddresses() throws Exception {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a -all")
            .add("example.com", RecordType.A, "not an address")
            .add("example.com", RecordType.A, "192.0.2.1")
            .build();

    assertThat(check(dns).result()).isEqualTo(Result.PASS);
  }

  @Test
  void giveTemperrorWhenASlowServerExhaustsTheDeadline() throws Exception {
    DnsLookup slow =
        (name, type) ->
            CompletableFuture.supplyAsync(
                () -> (DnsAnswer) new DnsAnswer.NoSuchDomain(0),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    InMemoryDns records =
        InMemoryDns.builder().txt("example.com", "v=spf1" + " a:x.example.com".repeat(10) + " -all").build();
    DnsLookup mixed = (name, type) -> type == RecordType.TXT ? records.lookup(name, type) : slow.lookup(name, type);
    SpfChecker checker =
        SpfChecker.builder().dns(mixed).limits(Limits.RFC.withDeadline(Duration.ofMillis(500))).build();

    SpfResult result = checker.check().ip("192.0.2.1").mailFrom("u@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.TEMPERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DEADLINE_EXCEEDED);
  }
}
