package io.github.spfkit.diagnosis.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The MIME boundary repair adopts only a boundary that delimits the outer message, and a declared
 * boundary that never appears leaves the body to be read as plain text.
 */
final class BoundaryRepairTest {
  private static final BounceReader READER = BounceReader.standard();

  private static BounceFacts read(String mail) {
    return READER.read(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPlainTextBounceQuotingAMultipartOriginalKeepsItsNotice() {
    BounceFacts f =
        read(
            """
            From: MAILER-DAEMON@mx.example.net
            To: alice@example.com
            Subject: Mail delivery failed: returning message to sender
            Content-Type: text/plain; charset=us-ascii

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              bob@example.org
                host mx.example.org [192.0.2.25]
                SMTP error from remote mail server after RCPT TO:<bob@example.org>:
                550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown

            ------ This is a copy of the message, including all the headers. ------

            From: alice@example.com
            To: bob@example.org
            Subject: hello
            Content-Type: multipart/alternative; boundary="quoted-b"

            --quoted-b
            Content-Type: text/plain

            hi
            --quoted-b
            Content-Type: text/html

            <p>hi</p>
            --quoted-b--
            """);

    assertThat(f.replyText()).contains("<bob@example.org>: Recipient address rejected: User unknown");
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.1.1");
    assertThat(f.humanText()).contains("could not be delivered");
    assertThat(f.kind()).isEqualTo(NoticeKind.FAILED_DELIVERY);
    assertThat(f.unreadable()).extracting(ReadingNote::code)
        .doesNotContain(ReadingNote.Code.BOUNDARY_REPAIRED, ReadingNote.Code.BOUNDARY_NEVER_APPEARS);
  }

  @Test
  void aDeclaredBoundaryThatNeverAppearsFallsBackToPlainText() {
    BounceFacts f =
        read(
            """
            From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
            To: alice@example.com
            Subject: Returned mail: Service unavailable
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
                boundary="never-used"

            The original message was received from mail.example.com

               ----- The following addresses had permanent fatal errors -----
            <bob@example.org>
                (reason: 550 5.7.1 Service unavailable)
            """);

    assertThat(f.format()).isNotEqualTo(BounceFormat.UNREADABLE);
    assertThat(f.humanText()).contains("permanent fatal errors");
    assertThat(f.reportsFailedDelivery()).isTrue();
    assertThat(f.unreadable()).containsExactly(ReadingNote.of(ReadingNote.Code.BOUNDARY_NEVER_APPEARS));
    assertThat(f.unreadable().get(0).text(java.util.Locale.forLanguageTag("id")))
        .isEqualTo("boundary MIME yang dinyatakan di Content-Type tidak pernah muncul; isi pesan dibaca sebagai teks biasa");
  }

  @Test
  void aVacationReplyIsAnAutomaticReplyNotABounce() {
    BounceFacts f =
        read(
            """
            From: bob@example.org
            To: alice@example.com
            Subject: Away until May 5
            Auto-Submitted: auto-replied
            Content-Type: text/plain

            I am out of the office until May 5 and will read your message then.
            """);

    assertThat(f.kind()).isEqualTo(NoticeKind.AUTO_REPLY);
    assertThat(f.reportsFailedDelivery()).isFalse();
  }

  @Test
  void anExpiryNoticeWithoutAReplyIsADelayOrFailureBounce() {
    BounceFacts f =
        read(
            """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: alice@example.com
            Subject: Warning: message delayed
            Content-Type: text/plain

            This message was created automatically by mail delivery software.
            A message that you sent has not yet been delivered to one or more of its
            recipients after more than 24 hours on the queue. No action is required on your part.
            """);

    assertThat(f.kind()).isEqualTo(NoticeKind.DELAYED_DELIVERY);
    assertThat(f.reportsFailedDelivery()).isTrue();
  }
}
