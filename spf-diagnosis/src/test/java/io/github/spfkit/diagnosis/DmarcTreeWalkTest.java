package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** RFC 9989's DNS Tree Walk for the Organizational Domain, over a table of {@code _dmarc} records. */
final class DmarcTreeWalkTest {
  private final List<String> asked = new ArrayList<>();

  private Function<String, DnsAnswer> dns(Map<String, String> records) {
    return name -> {
      asked.add(name);
      String record = records.get(name);
      return record == null ? new DnsAnswer.NoSuchDomain(300) : new DnsAnswer.Records(List.of(record), 300);
    };
  }

  @Test
  void theOrganizationalDomainOfACoUkNameIsWhereItsPolicyIs() {
    var dns = dns(Map.of("_dmarc.example.co.uk", "v=DMARC1; p=reject"));

    DmarcTreeWalk.Walk walk = DmarcTreeWalk.walk("mail.example.co.uk", dns);

    assertThat(walk.organizational()).isEqualTo("example.co.uk");
    assertThat(walk.policyDomain()).isEqualTo("example.co.uk");
    assertThat(walk.queried()).containsExactly(
        "_dmarc.mail.example.co.uk", "_dmarc.example.co.uk", "_dmarc.co.uk", "_dmarc.uk");
  }

  @Test
  void aPublicSuffixRecordMakesTheNameOneLabelBelowItTheOrganization() {
    var dns = dns(Map.of("_dmarc.co.uk", "v=DMARC1; p=none; psd=y"));

    assertThat(DmarcTreeWalk.walk("mail.example.co.uk", dns).organizational()).isEqualTo("example.co.uk");
    assertThat(DmarcTreeWalk.walk("example.co.uk", dns).organizational()).isEqualTo("example.co.uk");
    assertThat(DmarcTreeWalk.walk("a.b.other.co.uk", dns).organizational()).isEqualTo("other.co.uk");
  }

  @Test
  void psdNStopsTheWalkAtThatName() {
    var dns = dns(Map.of(
        "_dmarc.dept.example.co.uk", "v=DMARC1; p=reject; psd=n",
        "_dmarc.example.co.uk", "v=DMARC1; p=none"));

    DmarcTreeWalk.Walk walk = DmarcTreeWalk.walk("host.dept.example.co.uk", dns);

    assertThat(walk.organizational()).isEqualTo("dept.example.co.uk");
    assertThat(asked).doesNotContain("_dmarc.example.co.uk");
  }

  @Test
  void withoutAnyRecordTheNameIsItsOwnOrganizationalDomain() {
    assertThat(DmarcTreeWalk.walk("mail.abc.uk", dns(Map.of())).organizational()).isEqualTo("mail.abc.uk");
  }

  @Test
  void asksAtMostEightNames() {
    DmarcTreeWalk.Walk walk = DmarcTreeWalk.walk("a.b.c.d.e.f.g.h.i.j.example.com", dns(Map.of()));

    assertThat(walk.queried()).hasSize(8).startsWith("_dmarc.a.b.c.d.e.f.g.h.i.j.example.com", "_dmarc.f.g.h.i.j.example.com")
        .endsWith("_dmarc.com");
    assertThat(asked).hasSize(8);
  }

  @Test
  void aTemporaryFailureLeavesTheWalkUnknown() {
    Function<String, DnsAnswer> failing = name -> new DnsAnswer.TemporaryFailure("timed out");

    assertThat(DmarcTreeWalk.walk("example.co.uk", failing)).isNull();
  }

  @Test
  void relaxedAlignmentComparesOrganizationalDomainsAndStrictTheNames() {
    var dns = dns(Map.of(
        "_dmarc.abc.uk", "v=DMARC1; p=reject",
        "_dmarc.strict.example", "v=DMARC1; p=reject; aspf=s"));

    // the old "last two or three labels" rule called mail.abc.uk its own organization
    OrgDomains.Alignment relaxed = OrgDomains.align("mail.abc.uk", "abc.uk",
        DmarcTreeWalk.walk("mail.abc.uk", dns), DmarcTreeWalk.walk("abc.uk", dns));
    OrgDomains.Alignment other = OrgDomains.align("abc.co.uk", "abc.uk",
        DmarcTreeWalk.walk("abc.co.uk", dns), DmarcTreeWalk.walk("abc.uk", dns));
    OrgDomains.Alignment strict = OrgDomains.align("bounces.strict.example", "strict.example",
        DmarcTreeWalk.walk("bounces.strict.example", dns), DmarcTreeWalk.walk("strict.example", dns));
    OrgDomains.Alignment unknown = OrgDomains.align("mail.abc.uk", "abc.uk", null, null);

    assertThat(relaxed.aligned()).isTrue();
    assertThat(relaxed.mode()).isEqualTo("r");
    assertThat(other.aligned()).isFalse();
    assertThat(strict.aligned()).isFalse();
    assertThat(strict.mode()).isEqualTo("s");
    assertThat(unknown.aligned()).isNull();
  }
}
