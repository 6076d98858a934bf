package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.diagnosis.bounce.BounceReader;
import io.github.spfkit.diagnosis.bounce.ReadingNote;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounce over the size cap is read up to the cap: what came first (the notice, the delivery
 * status) is read, and the diagnosis says what was cut and where the cut fell.
 */
final class SizeCapTest {

  /** A Postfix bounce whose returned message carries a 6 MB attachment, built here. */
  static byte[] paddedBounce() {
    String notice = Resources.text("e2e/ip-not-authorized.eml");
    int headers = notice.indexOf("Content-Type: text/rfc822-headers");
    byte[] padding = new byte[4_500_000];
    new Random(7).nextBytes(padding);
    String attachment = Base64.getMimeEncoder().encodeToString(padding);
    String bounce = notice.substring(0, headers)
        + "Content-Description: Undelivered Message\n"
        + "Content-Type: message/rfc822\n\n"
        + "Return-Path: <orders@shop.example>\n"
        + "From: orders@shop.example\n"
        + "To: bob@gmail.example\n"
        + "Subject: Order confirmation with the catalogue\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"inner\"\n\n"
        + "--inner\nContent-Type: text/plain\n\nThe catalogue is attached.\n\n"
        + "--inner\nContent-Type: application/pdf; name=catalogue.pdf\n"
        + "Content-Transfer-Encoding: base64\n\n"
        + attachment
        + "\n--inner--\n\n--B0UND4RY.1/web1.shop.example--\n";
    return bounce.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aSixMegabyteBounceIsReadUpToTheCapAndTheDiagnosisSaysWhatWasCut() {
    byte[] bounce = paddedBounce();
    assertThat(bounce.length).isGreaterThan(6_000_000);

    Diagnosis d = BounceDiagnoser.builder().dns(EndToEndTest.DNS).build().diagnose(bounce);

    assertThat(d.facts().reportsFailedDelivery()).isTrue();
    assertThat(d.category()).isEqualTo(Category.SPF_FAIL);
    assertThat(d.cause()).isEqualTo(Cause.IP_NOT_AUTHORIZED);
    assertThat(d.facts().statusCode()).isEqualTo("5.7.26");
    assertThat(d.facts().unreadable())
        .containsExactly(
            ReadingNote.of(ReadingNote.Code.TOO_LARGE, BounceReader.DEFAULT_MAX_INPUT_BYTES,
                bounce.length, bounce.length - BounceReader.DEFAULT_MAX_INPUT_BYTES),
            ReadingNote.of(ReadingNote.Code.CUT_IN, "application/pdf"));
    assertThat(d.problems())
        .containsExactly(
            "the input is " + bounce.length + " bytes, over the size cap of 4194304 bytes: only the"
                + " first 4194304 bytes were read, the rest (" + (bounce.length - 4194304) + " bytes) was cut",
            "the cut fell inside the last part before it (application/pdf), which was read only up to the cap");
  }

  @Test
  void aStreamOverTheCapIsReadUpToTheCapWithTheSameNotes() {
    BounceReader reader = BounceReader.standard();

    var facts = reader.read(new ByteArrayInputStream(paddedBounce()));

    assertThat(facts.reportsFailedDelivery()).isTrue();
    assertThat(facts.statusCode()).isEqualTo("5.7.26");
    assertThat(facts.unreadable()).extracting(ReadingNote::code)
        .containsExactly(ReadingNote.Code.TOO_LARGE_STREAM, ReadingNote.Code.CUT_IN);
    assertThat(facts.unreadable().get(1).text(Locale.forLanguageTag("id")))
        .isEqualTo("potongan jatuh di dalam bagian terakhir sebelum batas (application/pdf), yang hanya dibaca sampai batas itu");
  }
}
