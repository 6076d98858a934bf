package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What prefetching asks for (the builder's {@code prefetch(true)}): as soon as a record is read,
 * the first lookup of each of its DNS terms without macros, the addresses of MX hosts and the
 * terms of included and redirected records, within the RFC's term and MX limits. An {@code ip4}
 * term that matches first shows what was asked ahead: sequential evaluation would stop there.
 */
final class PrefetchTest {

  private static List<String> asked(InMemoryDns dns, String ip) {
    SpfResult result =
        SpfChecker.builder()
            .dns(dns)
            .prefetch(true)
            .build()
            .check()
            .ip(ip)
            .mailFrom("u@example.com")
            .evaluate();
    assertThat(result.result()).isEqualTo(Result.PASS);
    return dns.queries().stream().map(PrefetchTest::text).toList();
  }

  private static String text(DnsQuestion q) {
    return q.name() + " " + q.type();
  }

  private static InMemoryDns.Builder zone(String record) {
    return InMemoryDns.builder()
        .recordQueries()
        .txt("example.com", record)
        .mx("m.example.com", "mx1.example.com")
        .mx("m.example.com", "mx2.example.com")
        .txt("i.example.com", "v=spf1 a:ia.example.com -all")
        .txt("r.example.com", "v=spf1 exists:re.example.com -all")
        .a("a.example.com", "192.0.2.50")
        .a("mx1.example.com", "192.0.2.51")
        .a("mx2.example.com", "192.0.2.52")
        .a("ia.example.com", "192.0.2.53");
  }

  @Test
  void asksAheadForEveryMacroFreeTermAndFollowsRecordsAndMxHosts() {
    InMemoryDns dns =
        zone(
                "v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 a:a.example.com mx:m.example.com"
                    + " ptr:p.example.com exists:e.example.com include:i.example.com"
                    + " exists:%{l}.x.example.com redirect=r.example.com")
            .build();

    assertThat(asked(dns, "192.0.2.1"))
        .containsExactlyInAnyOrder(
            "example.com TXT",
            "a.example.com A",
            "m.example.com MX",
            "mx1.example.com A",
            "mx2.example.com A",
            "1.2.0.192.in-addr.arpa PTR",
            "e.example.com A",
            "i.example.com TXT",
            "ia.example.com A",
            "r.example.com TXT",
            "re.example.com A");
  }

  @Test
  void asksForAaaaRecordsForAnIpv6Client() {
    InMemoryDns dns = zone("v=spf1 ip6:2001:db8::1 a:a.example.com mx:m.example.com -all").build();

    assertThat(asked(dns, "2001:db8::1"))
        .containsExactlyInAnyOrder(
            "example.com TXT",
            "a.example.com AAAA",
            "m.example.com MX",
            "mx1.example.com AAAA",
            "mx2.example.com AAAA");
  }

  @Test
  void asksAheadForAtMostTenDnsTerms() {
    StringBuilder record = new StringBuilder("v=spf1 ip4:192.0.2.1");
    for (int i = 1; i <= 12; i++) {
      record.append(" a:h").append(i).append(".example.com");
    }
    InMemoryDns dns = zone(record + " -all").build();

    List<String> asked = asked(dns, "192.0.2.1");

    assertThat(asked).hasSize(11).contains("h10.example.com A").doesNotContain("h11.example.com A");
  }

  @Test
  void asksAheadForTheAddressesOfAtMostTenMxHostsInAll() {
    InMemoryDns.Builder zone = zone("v=spf1 ip4:192.0.2.1 mx:one.example.com mx:two.example.com");
    for (int i = 1; i <= 6; i++) {
      zone.mx("one.example.com", "one" + i + ".example.com");
      zone.mx("two.example.com", "two" + i + ".example.com");
    }

    List<String> asked = asked(zone.build(), "192.0.2.1");

    assertThat(asked).filteredOn(q -> q.endsWith(" A")).hasSize(10);
    assertThat(asked).contains("one6.example.com A", "two4.example.com A");
    assertThat(asked).doesNotContain("two5.example.com A", "two6.example.com A");
  }

  @Test
  void asksNothingAheadForTheHostsOfAnMxAnswerOverTheLimit() {
    InMemoryDns.Builder zone = zone("v=spf1 ip4:192.0.2.1 mx:ten.example.com mx:eleven.example.com");
    for (int i = 1; i <= 11; i++) {
      zone.mx("eleven.example.com", "e" + i + ".example.com");
      if (i <= 10) {
        zone.mx("ten.example.com", "t" + i + ".example.com");
      }
    }

    List<String> asked = asked(zone.build(), "192.0.2.1");

    assertThat(asked).filteredOn(q -> q.startsWith("t") && q.endsWith(" A")).hasSize(10);
    assertThat(asked).filteredOn(q -> q.startsWith("e") && q.endsWith(" A")).isEmpty();
  }

  @Test
  void asksNothingAheadForANullMxOrAnInvalidRecord() {
    InMemoryDns dns =
        zone("v=spf1 ip4:192.0.2.1 mx:null.example.com include:bad.example.com"
                + " include:two.example.com")
            .mx("null.example.com", ".")
            .txt("bad.example.com", "v=spf1 a:b1.example.com bogus")
            .txt("two.example.com", "v=spf1 a:c1.example.com")
            .txt("two.example.com", "v=spf1 a:c2.example.com")
            .build();

    assertThat(asked(dns, "192.0.2.1"))
        .containsExactlyInAnyOrder(
            "example.com TXT", "null.example.com MX", "bad.example.com TXT", "two.example.com TXT");
  }

  @Test
  void asksEachQuestionOnceWhenEveryTermIsEvaluated() {
    InMemoryDns dns =
        zone("v=spf1 a:a.example.com mx:m.example.com include:i.example.com ip4:192.0.2.1")
            .build();

    List<String> asked = asked(dns, "192.0.2.1");

    assertThat(asked)
        .containsExactlyInAnyOrder(
            "example.com TXT",
            "a.example.com A",
            "m.example.com MX",
            "mx1.example.com A",
            "mx2.example.com A",
            "i.example.com TXT",
            "ia.example.com A");
  }
}
