package io.github.spfkit.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class InMemoryDnsTest {

  private final InMemoryDns dns =
      InMemoryDns.builder()
          .recordQueries()
          .txt("example.com", "v=spf1 -all")
          .a("deep.below.example.net", "192.0.2.1")
          .cname("alias.example.com", "example.com.")
          .cname("loop1.example.com", "loop2.example.com")
          .cname("loop2.example.com", "loop1.example.com")
          .timeout("slow.example.com")
          .txt("half.example.com", "v=spf1 +all")
          .timeout("half.example.com")
          .build();

  @Test
  void answersRecordsIgnoringCaseAndTrailingDot() {
    assertThat(dns.answer("EXAMPLE.com.", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(java.util.List.of("v=spf1 -all"), InMemoryDns.TTL_SECONDS));
  }

  @Test
  void tellsNodataFromNxdomain() {
    assertThat(dns.answer("example.com", RecordType.A)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(dns.answer("below.example.net", RecordType.A)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(dns.answer("nothing.example.com", RecordType.A)).isInstanceOf(DnsAnswer.NoSuchDomain.class);
  }

  @Test
  void followsCnamesAndFailsOnLoops() {
    assertThat(dns.answer("alias.example.com", RecordType.TXT)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(dns.answer("loop1.example.com", RecordType.A)).isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void timesOutForTypesWithoutData() {
    assertThat(dns.answer("slow.example.com", RecordType.TXT)).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(dns.answer("half.example.com", RecordType.TXT)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(dns.answer("half.example.com", RecordType.SPF)).isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void recordsQuestionsInOrderUntilCleared() {
    dns.lookup("example.com", RecordType.TXT);
    dns.lookup("example.com", RecordType.MX);

    assertThat(dns.queries())
        .containsExactly(
            new DnsQuestion("example.com", RecordType.TXT), new DnsQuestion("example.com", RecordType.MX));
    dns.clearQueries();
    assertThat(dns.queries()).isEmpty();
  }

  @Test
  void keepsNothingWithoutRecording() {
    InMemoryDns quiet = InMemoryDns.builder().txt("example.com", "x").build();

    quiet.lookup("example.com", RecordType.TXT);

    assertThat(quiet.queries()).isEmpty();
  }

  @Test
  void makesTheParentsOfTimeoutsAndAliasesExist() {
    InMemoryDns zone =
        InMemoryDns.builder()
            .timeout("slow.a.example")
            .cname("alias.b.example", "target.example")
            .build();

    assertThat(zone.answer("a.example", RecordType.TXT)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(zone.answer("b.example", RecordType.TXT)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(zone.answer("example", RecordType.TXT)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(zone.answer("c.example", RecordType.TXT)).isInstanceOf(DnsAnswer.NoSuchDomain.class);
  }

  @Test
  void followsAChainOfTheLongestLengthAllowedAndNoLonger() {
    InMemoryDns.Builder builder = InMemoryDns.builder().a("end.example", "192.0.2.1");
    for (int i = 1; i <= InMemoryDns.MAX_CNAME_HOPS + 1; i++) {
      builder.cname("c" + i + ".example", i == 1 ? "end.example" : "c" + (i - 1) + ".example");
    }
    InMemoryDns zone = builder.build();

    assertThat(zone.answer("c" + InMemoryDns.MAX_CNAME_HOPS + ".example", RecordType.A))
        .isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("c" + (InMemoryDns.MAX_CNAME_HOPS + 1) + ".example", RecordType.A))
        .isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void lowersEveryCapitalLetterOfAQuestionAndNothingElse() {
    InMemoryDns zone =
        InMemoryDns.builder()
            .a("a.example", "192.0.2.1")
            .a("z.example", "192.0.2.2")
            .a("@[.example", "192.0.2.3")
            .a("b\u00fccher.example", "192.0.2.4")
            .build();

    assertThat(zone.answer("A.example", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("Z.example", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("@[.example", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("B\u00dcCHER.example", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("b\u00dccher.example", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("a.example.", RecordType.A)).isInstanceOf(DnsAnswer.Records.class);
    assertThat(zone.answer("a.example", RecordType.AAAA)).isInstanceOf(DnsAnswer.NoRecords.class);
  }

  @Test
  void storesAnAddressWithAColonAsAaaaAndOneWithoutAsA() {
    InMemoryDns zone =
        InMemoryDns.builder()
            .a("h.example", "2001:db8::1")
            .a("h.example", "192.0.2.1")
            .a("loopback.example", "::1")
            .build();

    assertThat(zone.answer("loopback.example", RecordType.AAAA))
        .isEqualTo(new DnsAnswer.Records(java.util.List.of("::1"), InMemoryDns.TTL_SECONDS));

    assertThat(zone.answer("h.example", RecordType.AAAA))
        .isEqualTo(new DnsAnswer.Records(java.util.List.of("2001:db8::1"), InMemoryDns.TTL_SECONDS));
    assertThat(zone.answer("h.example", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(java.util.List.of("192.0.2.1"), InMemoryDns.TTL_SECONDS));
  }

  @Test
  void answersNodataForANameMarkedAsExisting() {
    InMemoryDns zone =
        InMemoryDns.builder()
            .exists("empty.example")
            .exists("later.example")
            .txt("later.example", "v=spf1 -all")
            .build();

    assertThat(zone.answer("later.example", RecordType.TXT))
        .isInstanceOf(DnsAnswer.Records.class);

    assertThat(zone.answer("empty.example", RecordType.TXT)).isInstanceOf(DnsAnswer.NoRecords.class);
    assertThat(zone.answer("other.example", RecordType.TXT))
        .isInstanceOf(DnsAnswer.NoSuchDomain.class);
  }
}
