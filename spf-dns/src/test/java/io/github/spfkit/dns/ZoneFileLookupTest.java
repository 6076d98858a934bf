package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ZoneFileLookupTest {

  private static final ZoneFileLookup ZONE =
      ZoneFileLookup.fromString(
          """
          $TTL 300
          example.com.        600 IN SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 60
          example.com.        IN TXT "v=spf1 " "mx -all"
          example.com.        IN TXT "another record"
          example.com.        IN MX 10 mail.example.com.
          mail.example.com.   120 IN A 192.0.2.10
          mail.example.com.   IN AAAA 2001:DB8:0:0::10
          deep.sub.example.com. IN TXT "beneath an empty non-terminal"
          www.example.com.    30 IN CNAME mail.example.com.
          alias.example.com.  IN CNAME www.example.com.
          dangling.example.com. IN CNAME gone.example.com.
          loop1.example.com.  IN CNAME loop2.example.com.
          loop2.example.com.  IN CNAME loop1.example.com.
          *.wild.example.com. IN TXT "wildcard"
          exact.wild.example.com. IN A 192.0.2.20
          old.example.com.    IN SPF "v=spf1 -all"
          bytes.example.com.  IN TXT "caf\\195\\169 \\128"
          10.0.2.0.192.in-addr.arpa. IN PTR mail.example.com.
          """);

  private static DnsAnswer ask(String name, RecordType type) {
    return ZONE.lookup(name, type).toCompletableFuture().join();
  }

  @Test
  void answersRecordsWithTheirStringsJoined() {
    DnsAnswer answer = ask("example.com", RecordType.TXT);

    assertThat(((DnsAnswer.Records) answer).data())
        .containsExactlyInAnyOrder("v=spf1 mx -all", "another record");
    assertThat(answer.ttlSeconds()).isEqualTo(300);
  }

  @Test
  void answersEachRecordTypeInTheSeamsForm() {
    assertThat(ask("example.com", RecordType.MX))
        .isEqualTo(new DnsAnswer.Records(List.of("mail.example.com"), 300));
    assertThat(ask("mail.example.com", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.10"), 120));
    assertThat(ask("mail.example.com", RecordType.AAAA))
        .isEqualTo(new DnsAnswer.Records(List.of("2001:db8::10"), 300));
    assertThat(ask("10.0.2.0.192.in-addr.arpa", RecordType.PTR))
        .isEqualTo(new DnsAnswer.Records(List.of("mail.example.com"), 300));
  }

  @Test
  void keepsTxtBytesAsCharsOfTheSameValue() {
    assertThat(ask("bytes.example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("caf\u00c3\u00a9 \u0080"), 300));
  }

  @Test
  void servesType99SpfRecordsOnlyForTheSpfType() {
    assertThat(ask("old.example.com", RecordType.SPF))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 -all"), 300));
    assertThat(ask("old.example.com", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void answersNodataForANameWithRecordsOfOtherTypes() {
    assertThat(ask("mail.example.com", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void answersNodataForANameThatOnlyHasNamesBeneathIt() {
    assertThat(ask("sub.example.com", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void answersNxdomainForANameThatDoesNotExist() {
    assertThat(ask("nothing.example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoSuchDomain(60));
  }

  @Test
  void givesNegativeAnswersTtlZeroOutsideAnyZoneWithAnSoa() {
    assertThat(ask("example.org", RecordType.TXT)).isEqualTo(new DnsAnswer.NoSuchDomain(0));
  }

  @Test
  void followsCnameChainsKeepingTheLeastTtl() {
    assertThat(ask("alias.example.com", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.10"), 30));
  }

  @Test
  void answersForTheEndOfACnameChainThatGoesNowhere() {
    assertThat(ask("dangling.example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoSuchDomain(60));
    assertThat(ask("www.example.com", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void answersATemporaryFailureForACnameLoop() {
    assertThat(ask("loop1.example.com", RecordType.TXT))
        .isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void followsAtMostSixteenCnames() {
    StringBuilder chain = new StringBuilder("$TTL 60\nend.test. IN TXT \"end\"\n");
    for (int i = 0; i < 17; i++) {
      String target = i == 0 ? "end.test." : "c" + (i - 1) + ".test.";
      chain.append("c").append(i).append(".test. IN CNAME ").append(target).append('\n');
    }
    ZoneFileLookup zone = ZoneFileLookup.fromString(chain.toString());

    assertThat(zone.answer("c15.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("end"), 60));
    assertThat(zone.answer("c16.test", RecordType.TXT))
        .isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void answersFromAWildcardForNamesThatDoNotExistBeneathIt() {
    assertThat(ask("any.wild.example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("wildcard"), 300));
    assertThat(ask("exact.wild.example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void comparesNamesIgnoringAsciiCaseAndATrailingDot() {
    assertThat(ask("MAIL.Example.COM.", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.10"), 120));
  }

  @Test
  void answersNxdomainForANameThatCannotExistInDns() {
    assertThat(ask("x".repeat(64) + ".example.com", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoSuchDomain(0));
  }

  @Test
  void honoursOriginAndTtlDirectivesAndRelativeNames() {
    ZoneFileLookup zone =
        ZoneFileLookup.fromString(
            """
            $ORIGIN example.net.
            $TTL 42
            @     IN TXT "apex"
            host  IN A 192.0.2.1
            $TTL 7
            other IN A 192.0.2.2
            """);

    assertThat(zone.answer("example.net", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("apex"), 42));
    assertThat(zone.answer("host.example.net", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.1"), 42));
    assertThat(zone.answer("other.example.net", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.2"), 7));
  }

  @Test
  void givesRecordsWithoutAnyTtlTheDefault() {
    ZoneFileLookup zone = ZoneFileLookup.fromString("example.net. IN A 192.0.2.1\n");

    assertThat(zone.answer("example.net", RecordType.A).ttlSeconds())
        .isEqualTo(ZoneFileLookup.DEFAULT_TTL_SECONDS);
  }

  @Test
  void countsARepeatedRecordOnce() {
    ZoneFileLookup zone =
        ZoneFileLookup.fromString("example.net. 60 IN A 192.0.2.1\nexample.net. 60 IN A 192.0.2.1\n");

    assertThat(zone.answer("example.net", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.1"), 60));
    assertThat(zone.recordCount()).isEqualTo(1);
  }

  @Test
  void mergesSeveralFiles(@TempDir Path dir) throws IOException {
    Path first = Files.writeString(dir.resolve("a.zone"), "a.test. 60 IN TXT \"one\"\n");
    Path second =
        Files.writeString(
            dir.resolve("b.zone"), "$ORIGIN b.test.\n$TTL 60\n@ IN TXT \"two\"\nx IN A 192.0.2.9\n");

    ZoneFileLookup zone = ZoneFileLookup.load(first, second);

    assertThat(zone.answer("a.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("one"), 60));
    assertThat(zone.answer("x.b.test", RecordType.A))
        .isEqualTo(new DnsAnswer.Records(List.of("192.0.2.9"), 60));
    assertThat(zone.recordCount()).isEqualTo(3);
  }

  @Test
  void namesTheFileAndLineOfAnError(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.zone"), "$TTL 60\ngood.test. IN A 192.0.2.1\nbad.test. IN A not-an-address\n");

    assertThatThrownBy(() -> ZoneFileLookup.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":3: ");
  }

  @Test
  void namesTheSourceAndLineOfAnErrorInAReader() {
    assertThatThrownBy(
            () ->
                ZoneFileLookup.read(
                    new StringReader("$TTL 60\n\n\nx.test. IN MX ten mail.test.\n"), "what-if.zone"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("what-if.zone:4: ");
  }

  @Test
  void rejectsBadTextFromAStringWithAnIllegalArgument() {
    assertThatThrownBy(() -> ZoneFileLookup.fromString("x.test. 60 IN A 999.0.0.1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("<string>:1: ");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.zone");

    assertThatThrownBy(() -> ZoneFileLookup.load(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.zone");
  }

  @Test
  void refusesIncludesInTextNotFromAFile() {
    assertThatThrownBy(() -> ZoneFileLookup.fromString("$INCLUDE /etc/passwd\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
