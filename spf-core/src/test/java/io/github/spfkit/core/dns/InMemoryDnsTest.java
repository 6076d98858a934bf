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
}
