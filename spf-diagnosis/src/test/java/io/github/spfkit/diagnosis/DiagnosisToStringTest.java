package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A diagnosis prints its verdict on a few lines and never the bounce it was made from. */
final class DiagnosisToStringTest {

  @Test
  void printsTheVerdictOnAFewLinesWithoutTheBounceBody() {
    String bounce = Resources.text("e2e/ip-not-authorized.eml");

    Diagnosis d = BounceDiagnoser.builder().dns(EndToEndTest.DNS).build().diagnose(bounce);
    String printed = d.toString();

    assertThat(d.facts().humanText()).hasSizeGreaterThan(100);

    assertThat(printed.lines()).hasSize(8);
    assertThat(printed)
        .startsWith("Diagnosis[IP_NOT_AUTHORIZED (SPF_FAIL, SPF-related)\n")
        .contains("  ip: " + d.ip() + " (BOUNCE)")
        .contains("  proposal: " + d.proposedRecord() + "\n")
        .contains(d.facts().replyText())
        .doesNotContain(d.facts().humanText());
  }
}
