package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TxtChecksTest {

  @Test
  void aQuotedOrSpacedRecordIsANearMissThatSaysWhatItWouldBe() {
    assertThat(TxtChecks.nearMiss("\"v=spf1 -all\""))
        .isEqualTo("\"\"v=spf1 -all\"\" is not an SPF record, but \"v=spf1 -all\" would be (it differs"
            + " only in quotes or white space): receivers ignore it");
    assertThat(TxtChecks.nearMiss("v = spf1  ip4:192.0.2.1 -all")).contains("but \"v=spf1 ip4:192.0.2.1 -all\" would be");
  }

  @Test
  void aRecordOrUnrelatedTextIsNoNearMiss() {
    assertThat(TxtChecks.nearMiss("v=spf1 -all")).isNull();
    assertThat(TxtChecks.nearMiss("google-site-verification=abc")).isNull();
    assertThat(TxtChecks.nearMiss("\"")).isNull();
    assertThat(TxtChecks.nearMiss("\"\"")).isNull();
  }

  @Test
  void namesWhatIsLooseInAValidRecord() {
    assertThat(TxtChecks.looseButValid("V=SPF1 -all")).startsWith("the record starts 'V=SPF1': RFC 7208 §4.5");
    assertThat(TxtChecks.looseButValid("v=spf1  -all")).isEqualTo(
        "the record has extra white space (two spaces in a row): receivers that split on single spaces"
            + " read empty terms; remove it");
    assertThat(TxtChecks.looseButValid("v=spf1\t-all")).contains("(a tab)");
    assertThat(TxtChecks.looseButValid("v=spf1 -all ")).contains("(trailing)");
    assertThat(TxtChecks.looseButValid("v=spf1 -all")).isNull();
  }

  @Test
  void sizesTheAnswerAsTheWireCarriesIt() {
    // header 12, name 11 + 2, type and class 4; per record: pointer 2, type class ttl length 10,
    // the text and one length byte per string of 255
    assertThat(TxtChecks.answerBytes("example.com", List.of())).isEqualTo(29);
    assertThat(TxtChecks.answerBytes("example.com.", List.of("v=spf1 -all"))).isEqualTo(29 + 12 + 11 + 1);
    assertThat(TxtChecks.answerBytes("Example.COM", List.of("x".repeat(255), "x".repeat(256))))
        .isEqualTo(29 + (12 + 255 + 1) + (12 + 256 + 2));
    assertThat(TxtChecks.answerBytes("", List.of())).isEqualTo(12 + 1 + 4);
  }
}
