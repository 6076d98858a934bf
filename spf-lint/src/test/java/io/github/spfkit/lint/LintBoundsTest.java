package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each limit of the linter starts to count, and what its findings say. */
final class LintBoundsTest {

  private static LintReport lint(InMemoryDns.Builder zone) {
    return SpfLinter.builder().dns(zone.build()).build().lint("example.com");
  }

  private static List<String> messages(LintReport report, Finding.Code code) {
    return report.findings(code).stream().map(Finding::message).toList();
  }

  @Test
  void aRecordOf450BytesIsNotTooLongAnd451Is() {
    String at450 = "v=spf1 " + "x".repeat(438) + " -all";
    assertThat(at450).hasSize(450);

    assertThat(lint(InMemoryDns.builder().txt("example.com", at450)).has(Finding.Code.RECORD_TOO_LONG)).isFalse();
    assertThat(messages(lint(InMemoryDns.builder().txt("example.com", at450 + "x")), Finding.Code.RECORD_TOO_LONG))
        .containsExactly("the record is 451 bytes, more than 450: answers may not fit in UDP");
  }

  @Test
  void aWhatIfRecordOf255BytesNeedsNoSplitting() {
    String at255 = "v=spf1 " + "x".repeat(243) + " -all";
    assertThat(at255).hasSize(255);
    SpfLinter linter = SpfLinter.builder().dns(InMemoryDns.builder().build()).build();

    assertThat(linter.lint("example.com", at255).has(Finding.Code.STRING_TOO_LONG)).isFalse();
    assertThat(linter.lint("example.com", at255 + "x").has(Finding.Code.STRING_TOO_LONG)).isTrue();
  }

  @Test
  void aTxtAnswerOf512BytesFitsInUdpAnd513DoesNot() {
    // 29 bytes of header and question, 12 per record, the text, one byte per string of 255
    String at512 = "v=spf1 " + "x".repeat(457) + " -all";
    assertThat(TxtChecks.answerBytes("example.com", List.of(at512))).isEqualTo(512);

    assertThat(lint(InMemoryDns.builder().txt("example.com", at512)).has(Finding.Code.ANSWER_NEEDS_TCP)).isFalse();
    assertThat(messages(lint(InMemoryDns.builder().txt("example.com", at512 + "x")), Finding.Code.ANSWER_NEEDS_TCP))
        .singleElement()
        .asString()
        .startsWith("the TXT answer at example.com (1 record) is about 513 bytes, more than 512");
    assertThat(messages(lint(InMemoryDns.builder().txt("example.com", at512).txt("example.com", "x")), Finding.Code.ANSWER_NEEDS_TCP))
        .singleElement()
        .asString()
        .startsWith("the TXT answer at example.com (2 records) is about");
  }

  @Test
  void tenLookupsAreWithinTheLimitAndTheEleventhIsNamedWhereReceiversStop() {
    String ten = "v=spf1" + " a:host.example".repeat(10) + " -all";
    InMemoryDns.Builder zone = InMemoryDns.builder().a("host.example", "192.0.2.1");

    assertThat(lint(zone.txt("example.com", ten)).has(Finding.Code.TOO_MANY_LOOKUPS)).isFalse();
    assertThat(messages(lint(InMemoryDns.builder().a("host.example", "192.0.2.1").txt("example.com", ten.replace(" -all", " mx:host.example -all"))),
            Finding.Code.TOO_MANY_LOOKUPS))
        .singleElement()
        .asString()
        .endsWith("receivers stop with permerror at the 11th, 'mx:host.example' in example.com");
  }

  @ParameterizedTest
  @CsvSource({"0, 1st", "1, 2nd", "2, 3rd", "3, 4th", "10, 11th", "11, 12th", "12, 13th", "20, 21st", "110, 111th"})
  void namesTheTermWhereReceiversStopWithItsOrdinal(int limit, String ordinal) {
    String record = "v=spf1" + " a:host.example".repeat(limit + 1) + " -all";
    LintReport report =
        SpfLinter.builder()
            .dns(InMemoryDns.builder().a("host.example", "192.0.2.1").txt("example.com", record).build())
            .limits(Limits.RFC.withMaxDnsTerms(limit))
            .build()
            .lint("example.com");

    assertThat(messages(report, Finding.Code.TOO_MANY_LOOKUPS)).singleElement().asString()
        .contains("receivers stop with permerror at the " + ordinal + ", 'a:host.example' in example.com");
  }

  @Test
  void tenMxNamesAreWithinTheLimitAndElevenAreNot() {
    InMemoryDns.Builder ten = InMemoryDns.builder().txt("example.com", "v=spf1 mx -all");
    for (int i = 1; i <= 10; i++) {
      ten.mx("example.com", "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
    }
    assertThat(lint(ten).has(Finding.Code.TOO_MANY_MX)).isFalse();

    ten.mx("example.com", "mx11.example.com");
    assertThat(messages(lint(ten), Finding.Code.TOO_MANY_MX))
        .containsExactly("'mx': example.com has 11 MX names, more than the limit of 10");
  }

  @Test
  void followsIncludesTwelveLevelsDeep() {
    InMemoryDns.Builder zone = InMemoryDns.builder().txt("example.com", "v=spf1 include:d1.example -all");
    for (int i = 1; i <= 20; i++) {
      zone.txt("d" + i + ".example", "v=spf1 include:d" + (i + 1) + ".example -all");
    }

    LintReport report = lint(zone);

    int depth = 0;
    for (LintNode node = report.tree(); node != null; node = node.children().isEmpty() ? null : node.children().get(0)) {
      depth++;
    }
    assertThat(depth).isEqualTo(1 + TreeWalk.MAX_DEPTH);
    assertThat(report.lookups()).isEqualTo(1 + TreeWalk.MAX_DEPTH);
  }

  @Test
  void readsAtMost64Records() {
    StringBuilder record = new StringBuilder("v=spf1");
    InMemoryDns.Builder zone = InMemoryDns.builder();
    for (int i = 1; i <= 70; i++) {
      record.append(" include:i").append(i).append(".example");
      zone.txt("i" + i + ".example", "v=spf1 -all");
    }

    LintReport report = lint(zone.txt("example.com", record + " -all"));

    assertThat(report.tree()).isNotNull();
    assertThat(report.tree().children()).hasSize(TreeWalk.MAX_NODES - 1);
    assertThat(report.lookups()).isEqualTo(70);
  }

  @Test
  void saysThatARedirectLoops() {
    LintReport redirect =
        lint(InMemoryDns.builder().txt("example.com", "v=spf1 redirect=r.example").txt("r.example", "v=spf1 redirect=example.com"));

    assertThat(messages(redirect, Finding.Code.INCLUDE_LOOP))
        .containsExactly("redirect=example.com leads back to a domain already being evaluated");
  }

  @Test
  void aMissingRedirectTargetIsNamedAsARedirect() {
    LintReport report = lint(InMemoryDns.builder().txt("example.com", "v=spf1 redirect=gone.example"));

    assertThat(messages(report, Finding.Code.INCLUDE_NO_RECORD))
        .containsExactly("redirect=gone.example has no SPF record: receivers get permerror");
  }

  @Test
  void listsEveryRecordWhenThereAreSeveral() {
    LintReport report = lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all"));

    assertThat(messages(report, Finding.Code.MULTIPLE_RECORDS))
        .containsExactly("example.com publishes 2 SPF records: \"v=spf1 -all\" | \"v=spf1 +all\"");
  }

  @Test
  void saysWhatEachVoidLookupWas() {
    LintReport report =
        lint(InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:gone.example exists:none.example a:bare.example mx:mail.example -all")
            .txt("bare.example", "not spf")
            .mx("mail.example", "mx.mail.example")
            .txt("mx.mail.example", "not spf"));

    assertThat(messages(report, Finding.Code.VOID_LOOKUP)).containsExactly(
        "'a:gone.example': A gone.example does not exist (IPv4 senders), AAAA gone.example does not exist (IPv6 senders)",
        "'exists:none.example': A none.example does not exist",
        "'a:bare.example': A bare.example has no records (IPv4 senders), AAAA bare.example has no records (IPv6 senders)",
        "'mx:mail.example': A mx.mail.example has no records (IPv4 senders) (an MX host),"
            + " AAAA mx.mail.example has no records (IPv6 senders) (an MX host)");
  }

  @Test
  void aFailedQueryIsADnsErrorWithItsReason() {
    LintReport report =
        lint(InMemoryDns.builder().txt("example.com", "v=spf1 a:slow.example -all").timeout("slow.example"));

    assertThat(messages(report, Finding.Code.DNS_ERROR)).containsExactly(
        "A slow.example failed: timed out: slow.example A", "AAAA slow.example failed: timed out: slow.example AAAA");
  }

  @Test
  void anExplanationNeedsExactlyOneReadableTxtRecord() {
    LintReport two =
        lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all exp=e.example").txt("e.example", "a").txt("e.example", "b"));
    LintReport one = lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all exp=e.example").txt("e.example", "a"));
    LintReport failed = lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all exp=e.example").timeout("e.example"));

    assertThat(messages(two, Finding.Code.EXP_PROBLEM)).containsExactly("exp=e.example has 2 TXT records; receivers need exactly one");
    assertThat(one.has(Finding.Code.EXP_PROBLEM)).isFalse();
    assertThat(messages(failed, Finding.Code.EXP_PROBLEM)).containsExactly("exp=e.example could not be read: timed out: e.example TXT");
  }

  @Test
  void findsRedundantRangesWithOrWithoutAll() {
    assertThat(lint(InMemoryDns.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.0/24")).has(Finding.Code.REDUNDANT_RANGE)).isTrue();
    assertThat(lint(InMemoryDns.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.1 -all")).has(Finding.Code.REDUNDANT_RANGE)).isTrue();
    assertThat(lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all ip4:192.0.2.0/24 ip4:192.0.2.1")).has(Finding.Code.REDUNDANT_RANGE)).isFalse();
    assertThat(lint(InMemoryDns.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all")).has(Finding.Code.REDUNDANT_RANGE)).isFalse();
  }

  @Test
  void voidLookupsOverTheLimitForBothFamiliesAreOneErrorNamingEach() {
    LintReport report = lint(InMemoryDns.builder().txt("example.com", "v=spf1 a:g1.example a:g2.example a:g3.example -all"));

    assertThat(messages(report, Finding.Code.TOO_MANY_VOID_LOOKUPS)).singleElement().asString()
        .startsWith("IPv4 senders get 3 void lookups (A g1.example, A g2.example, A g3.example); IPv6 senders get 3 void lookups")
        .endsWith(": more than the limit of 2 (counting every query), so receivers give permerror");
    assertThat(report.has(Finding.Code.VOID_LIMIT_ONE_FAMILY)).isFalse();
  }

  @Test
  void voidLookupsOverTheLimitForOneFamilySayTheOtherLooksFine() {
    InMemoryDns.Builder zone = InMemoryDns.builder().txt("example.com", "v=spf1 a:h1.example a:h2.example a:h3.example -all");
    IntStream.rangeClosed(1, 3).forEach(i -> zone.a("h" + i + ".example", "192.0.2." + i));

    LintReport report = lint(zone);

    assertThat(messages(report, Finding.Code.VOID_LIMIT_ONE_FAMILY)).singleElement().asString()
        .startsWith("IPv6 senders get 3 void lookups (AAAA h1.example, AAAA h2.example, AAAA h3.example): permerror")
        .endsWith("IPv4 senders get 0, so the tree looks fine from IPv4 only");
    assertThat(report.has(Finding.Code.TOO_MANY_VOID_LOOKUPS)).isFalse();
    assertThat(report.voids(AddressFamily.IPV6).names()).hasSize(3);
    assertThat(report.voids(AddressFamily.IPV4).everyQuery()).isZero();
  }

  @Test
  void voidLookupsOverTheLimitForIpv4OnlySayIpv6LooksFine() {
    InMemoryDns.Builder zone = InMemoryDns.builder().txt("example.com", "v=spf1 a:h1.example a:h2.example a:h3.example -all");
    IntStream.rangeClosed(1, 3).forEach(i -> zone.add("h" + i + ".example", io.github.spfkit.core.dns.RecordType.AAAA, "2001:db8::" + i));

    assertThat(messages(lint(zone), Finding.Code.VOID_LIMIT_ONE_FAMILY)).singleElement().asString()
        .startsWith("IPv4 senders get 3 void lookups")
        .endsWith("IPv6 senders get 0, so the tree looks fine from IPv6 only");
  }

  @Test
  void aRecordThatIsOnlyAllHasNoFindings() {
    LintReport report = lint(InMemoryDns.builder().txt("example.com", "v=spf1 -all"));

    assertThat(report.findings()).isEmpty();
    assertThat(LintText.lines(report)).endsWith("No findings.");
  }
}
