package io.github.spfkit.diagnosis.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Replies written in layouts other than a DSN's {@code Diagnostic-Code} or "host X said:", each
 * read from a real bounce of sisimai's corpus or a sample written after the vendor's documentation
 * ({@code layouts/NOTICE.md}).
 */
final class ReplyLayoutsTest {

  static BounceFacts read(String name) {
    try (InputStream in = ReplyLayoutsTest.class.getResourceAsStream("/layouts/" + name)) {
      return BounceReader.standard().read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsAnAmazonSesJsonNotification() {
    BounceFacts f = read("amazon-ses-notification.json");

    assertThat(f.reportsFailedDelivery()).isTrue();
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.1.1");
    assertThat(f.replyText()).isEqualTo("<jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table");
    assertThat(f.finalRecipients()).containsExactly("jane@example.org");
    assertThat(f.reportingMta()).isEqualTo("a8-70.smtp-out.amazonses.com");
    assertThat(f.rejectingIp()).isEqualTo("192.0.2.25");
    assertThat(f.envelopeSender()).isEqualTo("orders@shop.example");
  }

  @Test
  void readsAnAmazonSesNotificationInsideAnSnsEnvelopeDeliveredByEmail() {
    BounceFacts f = read("amazon-ses-sns-email.eml");

    assertThat(f.replyCode()).isEqualTo("552");
    assertThat(f.statusCode()).isEqualTo("5.2.2");
    assertThat(f.replyText()).isEqualTo("<bob@example.net>: mailbox full");
    assertThat(f.finalRecipients()).containsExactly("bob@example.net");
    assertThat(f.envelopeSender()).isEqualTo("orders@shop.example");
  }

  @Test
  void readsGmailsReturnedWasWithTheDoubledCodeAndTheRejectingHost() {
    BounceFacts doubled = read("sisimai-lhost-gmail-03.eml");
    BounceFacts withHost = read("sisimai-lhost-gmail-01.eml");

    // "The error that the other server returned was: 554 554 5.7.0 Header error (state 18)."
    assertThat(doubled.replyCode()).isEqualTo("554");
    assertThat(doubled.statusCode()).isEqualTo("5.7.0");
    assertThat(doubled.replyText()).isEqualTo("Header error (state 18).");
    assertThat(withHost.statusCode()).isEqualTo("5.1.1");
    assertThat(withHost.rejectingHost()).isEqualTo("mx.example.jp");
    assertThat(withHost.rejectingIp()).isEqualTo("192.0.2.153");
  }

  @Test
  void readsOpenSmtpdsRecipientColonReplyLines() {
    BounceFacts f = read("sisimai-lhost-opensmtpd-02.eml");

    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.2.2");
    assertThat(f.replyText()).isEqualTo("<mailboxfull@example.jp>... Mailbox Full");
    assertThat(f.finalRecipients()).containsExactly("mailboxfull@example.jp", "userunknown@example.jp");
  }

  @Test
  void readsOpenSmtpdsRecipientLineWithoutAReplyCode() {
    BounceFacts f = read("sisimai-lhost-opensmtpd-04.eml");

    assertThat(f.kind()).isEqualTo(NoticeKind.DELAYED_DELIVERY);
    assertThat(f.replyCode()).isNull();
    assertThat(f.replyText()).isEqualTo("Network error on destination MXs");
    assertThat(f.finalRecipients()).containsExactly("kijitora@neko.example.jp");
  }

  @Test
  void readsACodeFollowedByAColon() {
    BounceFacts f = read("sisimai-lhost-yahoo-12.eml");

    // "<kijitora@example.jp>:\n501: 5.1.8 Sender address rejected"
    assertThat(f.replyCode()).isEqualTo("501");
    assertThat(f.statusCode()).isEqualTo("5.1.8");
    assertThat(f.replyText()).isEqualTo("Sender address rejected");
  }

  @Test
  void readsZohosErrorCodeLines() {
    BounceFacts f = read("sisimai-lhost-zoho-02.eml");

    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.2.1");
    assertThat(f.replyText()).isEqualTo("<mikeneko@example.co.jp>... User Unknown");
    assertThat(f.finalRecipients()).containsExactly("mikeneko@example.co.jp", "sabineko@example.co.jp");
  }

  @Test
  void readsABounceForwardedAsAQuotation() {
    BounceFacts f = read("sisimai-lhost-sendmail-14.eml");

    // every line of the Sendmail notice is quoted with "> "
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.1.1");
    assertThat(f.replyText()).isEqualTo("<kijitora@example.com>... User unknown");
    assertThat(f.rejectingHost()).isEqualTo("mx.example.com");
  }

  @Test
  void readsAReplyFoundOnlyInAPostfixSessionTranscript() {
    BounceFacts f = read("sisimai-lhost-postfix-75.eml");

    // " Out: 451 4.3.0 Error: queue file write error" after "In:  DATA"
    assertThat(f.replyCode()).isEqualTo("451");
    assertThat(f.statusCode()).isEqualTo("4.3.0");
    assertThat(f.replyText()).isEqualTo("Error: queue file write error");
  }

  @Test
  void unquotesOnlyANoticeThatIsMostlyQuoted() {
    String mostly = "> a\n> b\n> c\nd\n";
    String some = "a\nb\n> c\nd\ne\nf\n";

    assertThat(MimeWalker.unquote(mostly)).isEqualTo("a\nb\nc\nd\n");
    assertThat(MimeWalker.unquote(some)).isEqualTo(some);
  }
}
