package io.github.spfkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import org.apache.james.jspf.core.DNSRequest;
import org.junit.jupiter.api.Test;

/** The loader both libraries' DNS is built from, and jSPF's view of it. */
final class ZoneDataTest {

  @Test
  void readsEveryRecordOfTheRealisticTree() {
    ZoneData tree = ZoneData.realisticTree();

    assertThat(tree.records()).hasSize(12);
    assertThat(tree.records())
        .filteredOn(entry -> entry.type() == RecordType.TXT)
        .extracting(ZoneData.Entry::name)
        .containsExactly(
            "example.com",
            "_spf.a.example",
            "_spf1.a.example",
            "_spf2.a.example",
            "_spf.b.example",
            "_spf1.b.example");
  }

  @Test
  void joinsTxtStringsAndDropsMxPreferenceAndTrailingDots() {
    ZoneData zone =
        ZoneData.parse(
            List.of(
                "; comment",
                "",
                "Example.COM. 300 IN TXT \"v=spf1 \" \"-all\" ; trailing comment",
                "example.com. IN MX 10 Mail.Example.com."));

    assertThat(zone.records())
        .containsExactly(
            new ZoneData.Entry("example.com", RecordType.TXT, "v=spf1 -all"),
            new ZoneData.Entry("example.com", RecordType.MX, "mail.example.com"));
  }

  @Test
  void rejectsALineWithoutData() {
    assertThatThrownBy(() -> ZoneData.parse(List.of("example.com. 300 IN TXT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void inMemoryDnsAnswersTheTreesRecords() {
    DnsAnswer answer = ZoneData.realisticTree().toInMemoryDns().answer("example.com", RecordType.MX);

    assertThat(answer)
        .isEqualTo(new DnsAnswer.Records(List.of("mx1.example.com", "mx2.example.com"), 300));
  }

  @Test
  void jspfDnsHandsOutAFreshListForItsMxMechanismToConsume() throws Exception {
    JspfDns dns = new JspfDns(ZoneData.realisticTree());
    DNSRequest mx = new DNSRequest("example.com", DNSRequest.MX);

    List<String> first = dns.getRecords(mx);
    first.clear();

    assertThat(dns.getRecords(mx)).containsExactly("mx1.example.com.", "mx2.example.com.");
  }

  @Test
  void jspfDnsAnswersNullWhereDnsJavaWouldSoJspfFallsBackToTxt() throws Exception {
    JspfDns dns = new JspfDns(ZoneData.realisticTree());

    assertThat(dns.getRecords(new DNSRequest("example.com", DNSRequest.SPF))).isNull();
    assertThat(dns.getRecords(new DNSRequest("nowhere.example", DNSRequest.TXT))).isNull();
    assertThat(dns.getRecords(new DNSRequest("Example.COM.", DNSRequest.TXT)))
        .containsExactly(
            "v=spf1 include:_spf.a.example include:_spf.b.example ip4:192.0.2.0/24 mx -all");
  }
}
