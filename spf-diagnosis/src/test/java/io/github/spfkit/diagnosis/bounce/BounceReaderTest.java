package io.github.spfkit.diagnosis.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Identity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BounceReaderTest {
  private static final BounceReader READER = BounceReader.standard();

  static byte[] sample(String name) {
    try (InputStream in = BounceReaderTest.class.getResourceAsStream("/bounces/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BounceFacts read(String name) {
    return READER.read(sample(name));
  }

  @Test
  void stripsContinuationPrefixesFromFoldedReplies() {
    BounceFacts f = read("sisimai-rhost-google-04.eml");

    assertThat(f.replyText()).doesNotContain("550-5.7.26").doesNotContain("550 5.7.26");
    assertThat(f.replyText())
        .contains("Gmail requires all senders to authenticate with either SPF or DKIM.")
        .contains("SPF [relay3.example.com] with ip: [192.0.2.22] = did not pass");
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.7.26");
  }

  @Test
  void prefersTheSendmailTranscriptOverTheTruncatedDiagnosticCode() {
    BounceFacts f = read("sisimai-lhost-sendmail-60.eml");

    assertThat(f.format()).isEqualTo(BounceFormat.SENDMAIL);
    assertThat(f.replyText()).contains("with the ip: [203.0.113.22]");
    assertThat(f.senderDomain()).isEqualTo("email.example.jp");
    assertThat(f.clientIp()).isEqualTo("203.0.113.22");
    assertThat(f.rejectingHost()).isEqualTo("gmail-smtp-in.l.google.com");
    assertThat(f.reportingMta()).isEqualTo("mx311.ume.example.ne.jp");
  }

  @Test
  void readsAnExchangeNdrWithItsQuotedPrintableText() {
    BounceFacts f = read("sisimai-lhost-office365-03.eml");

    assertThat(f.format()).isEqualTo(BounceFormat.EXCHANGE);
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.1.0");
    assertThat(f.rejectingHost()).isEqualTo("neko-smtp-02-22.prod.cats.secureserver.net");
    assertThat(f.reportingMta()).isEqualTo("NEKONYAAN22.sotoneko.prod.outlook.com");
    assertThat(f.clientIp()).isEqualTo("192.0.2.222");
    assertThat(f.senderDomain()).isEqualTo("example.net");
    assertThat(f.humanText()).contains("rejected your message to the following email addresses");
    assertThat(f.humanText()).doesNotContain("Original message headers");
  }

  @Test
  void decodesABase64HumanReadablePart() {
    BounceFacts f = read("sisimai-lhost-barracuda-01.eml");

    assertThat(f.humanText()).contains("was blocked by our Spam Firewall");
    assertThat(f.replyText()).isEqualTo("Message content rejected, UBE, id=00000-22-225");
  }

  @Test
  void decodesAnIso2022JpPart() {
    BounceFacts f = read("sisimai-lhost-postfix-04.eml");

    assertThat(f.humanText()).doesNotContain("\u001b").contains("\u30e1\u30fc\u30eb");
    assertThat(f.statusCode()).isEqualTo("5.1.1");
  }

  @Test
  void readsAQmailBounceWithoutReportPart() {
    BounceFacts f = read("sisimai-lhost-qmail-14.eml");

    assertThat(f.format()).isEqualTo(BounceFormat.QMAIL);
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.7.26");
    assertThat(f.replyText()).startsWith("Unauthenticated email from example.jp").doesNotContain("550-");
    assertThat(f.envelopeSender()).isEqualTo("kijitora@nq.example.jp");
    assertThat(f.finalRecipients()).containsExactly("pseudo-local-part-of-google-gmail@gmail.com");
    assertThat(f.reportingMta()).isEqualTo("nq.example.jp");
  }

  @Test
  void readsDragonFlyBouncesWithStrayCarriageReturns() {
    BounceFacts f = read("sisimai-lhost-dragonfly-01.eml");

    assertThat(f.format()).isEqualTo(BounceFormat.DMA);
    assertThat(f.replyText()).contains("DMARC policy").contains("DMARC initiative");
    assertThat(f.rejectingHost()).isEqualTo("gmail-smtp-in.l.google.com");
    assertThat(f.envelopeSender()).isEqualTo("kijitora@df.example.jp");
  }

  @Test
  void readsForwardingEvidenceFromExpansionAndRecipients() {
    BounceFacts postfix = read("sisimai-lhost-postfix-78.eml");
    BounceFacts sendmail = read("sisimai-lhost-sendmail-58.eml");

    assertThat(postfix.forwarding())
        .contains(new ForwardingSign("expanded", List.of("neko@example.co.jp")))
        .anyMatch(s -> s.code().equals("original-recipient") && s.args().get(0).equals("neko@example.co.jp"));
    assertThat(postfix.originalRecipients()).containsExactly("neko@example.co.jp");
    assertThat(sendmail.forwarding()).anyMatch(s -> s.args().contains("kijitora+neko-nyaan@google.example.com"));
  }

  @Test
  void acceptsABareSmtpReplyLine() {
    BounceFacts f =
        READER.read(
            "550-5.7.26 The MAIL FROM domain [example.org] has an SPF record with a hard fail\n"
                + "550-5.7.26 policy (-all) but it fails to pass SPF checks with the ip:\n"
                + "550 5.7.26 [2001:db8::25]. To best protect our users from spam, the message has been blocked.");

    assertThat(f.format()).isEqualTo(BounceFormat.SMTP_REPLY);
    assertThat(f.replyCode()).isEqualTo("550");
    assertThat(f.statusCode()).isEqualTo("5.7.26");
    assertThat(f.replyText()).doesNotContain("550");
    assertThat(f.senderDomain()).isEqualTo("example.org");
    assertThat(f.clientIp()).isEqualTo("2001:db8::25");
  }

  @Test
  void readsScopeIdentityAndIpFromPolicydSpfLinks() {
    BounceFacts helo =
        READER.read(
            "550 5.7.1 <dennis@kruyt.example>: Recipient address rejected: Message rejected due to: domain owner"
                + " discourages use of this host. Please see"
                + " http://www.openspf.net/Why?s=helo;id=mx-out.facebook.example;ip=66.220.155.156;r=dennis@kruyt.example");
    BounceFacts mfrom =
        READER.read(
            "550 5.7.23 Message rejected due to: SPF fail - not authorized. Please see"
                + " http://www.openspf.net/Why?s=mfrom;id=security%40facebookmail.example;ip=209.85.128.52;r=<UNKNOWN>");

    assertThat(helo.scope()).isEqualTo(Identity.HELO);
    assertThat(helo.helo()).isEqualTo("mx-out.facebook.example");
    assertThat(helo.clientIp()).isEqualTo("66.220.155.156");
    assertThat(mfrom.scope()).isEqualTo(Identity.MAIL_FROM);
    assertThat(mfrom.senderDomain()).isEqualTo("facebookmail.example");
    assertThat(mfrom.clientIp()).isEqualTo("209.85.128.52");
  }

  @Test
  void readsEximBouncesWithAReportPart() {
    String exim =
        "From: Mail Delivery System <Mailer-Daemon@mx.sender.example>\n"
            + "To: ann@sender.example\n"
            + "Subject: Mail delivery failed: returning message to sender\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=1700000000-eximdsn-1\n"
            + "\n"
            + "--1700000000-eximdsn-1\n"
            + "Content-type: text/plain; charset=us-ascii\n"
            + "\n"
            + "This message was created automatically by mail delivery software.\n"
            + "\n"
            + "  bob@recv.example\n"
            + "    host mx.recv.example [192.0.2.201]\n"
            + "    SMTP error from remote mail server after RCPT TO:<bob@recv.example>:\n"
            + "    550 [SPF] 192.0.2.44 is not allowed to send mail from sender.example.\n"
            + "\n"
            + "--1700000000-eximdsn-1\n"
            + "Content-type: message/delivery-status\n"
            + "\n"
            + "Reporting-MTA: dns; mx.sender.example\n"
            + "\n"
            + "Action: failed\n"
            + "Final-Recipient: rfc822;bob@recv.example\n"
            + "Status: 5.0.0\n"
            + "Remote-MTA: dns; mx.recv.example\n"
            + "Diagnostic-Code: smtp; 550 [SPF] 192.0.2.44 is not allowed to send mail from sender.example.\n"
            + "\n"
            + "--1700000000-eximdsn-1--\n";

    BounceFacts f = READER.read(exim);

    assertThat(f.format()).isEqualTo(BounceFormat.EXIM);
    assertThat(f.statusCode()).isEqualTo("5.0.0");
    assertThat(f.clientIp()).isEqualTo("192.0.2.44");
    assertThat(f.senderDomain()).isEqualTo("sender.example");
    assertThat(f.rejectingHost()).isEqualTo("mx.recv.example");
  }

  @Test
  void readsAFeedbackReportsSourceIp() {
    BounceFacts f = read("sisimai-arf-14.eml");

    assertThat(f.format()).isEqualTo(BounceFormat.ARF);
    assertThat(f.clientIp()).isEqualTo("128.91.234.50");
    assertThat(f.replyText()).contains("Auth-Failure: spf");
  }

  @Test
  void repairsAMimeBoundaryThatDoesNotMatchTheParts() {
    BounceFacts f = read("sisimai-rhost-google-02.eml");

    assertThat(f.statusCode()).isEqualTo("5.1.1");
    assertThat(f.finalRecipients()).containsExactly("neko-nyaan@example.org");
    assertThat(f.unreadable()).extracting(ReadingNote::code).contains(ReadingNote.Code.BOUNDARY_REPAIRED);
  }

  @Test
  void takesAuthenticationResultsFromTheReturnedMessageOnly() {
    BounceFacts ownHeader = read("sisimai-rhost-google-08.eml");
    BounceFacts returned = read("sisimai-lhost-messagingserver-12.eml");

    // google-08's own top-level header says spf=fail smtp.helo=...: that is how the DSN arrived
    assertThat(ownHeader.authenticationResults()).isNull();
    assertThat(returned.receivedSpf()).startsWith("softfail");
  }

  static Stream<Arguments> malformed() {
    byte[] random = new byte[20_000];
    new Random(42).nextBytes(random);
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      deep.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
    }
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("random bytes", random),
        Arguments.of("only a header", "Subject: x".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of(
            "unterminated multipart",
            "Content-Type: multipart/report; boundary=zz\n\n--zz\nContent-Type: message/delivery-status\n\nStatus: 5.7.1\nDiagnostic-Code: smtp; 550"
                .getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("deep nesting", deep.toString().getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("unknown charset",
            "Content-Type: text/plain; charset=x-no-such-charset\n\n550 5.7.1 SPF fail".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("long line", ("Subject: " + "a".repeat(200_000) + "\n\nbody").getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("NUL bytes", new byte[] {0, 0, 0, '5', '5', '0', ' ', 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void neverThrowsOnMalformedInput(String name, byte[] input) {
    BounceFacts f = READER.read(input);

    assertThat(f).isNotNull();
    assertThat(f.format()).isNotNull();
  }

  @Test
  void reportsAnEmptyInputAsUnreadable() {
    BounceFacts f = READER.read(new byte[0]);

    assertThat(f.format()).isEqualTo(BounceFormat.UNREADABLE);
    assertThat(f.unreadable()).containsExactly(ReadingNote.of(ReadingNote.Code.EMPTY));
  }

  @Test
  void cutsInputAtTheSizeCapAndSaysSo() {
    byte[] big = ("550 5.7.23 SPF fail " + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);

    BounceFacts fromBytes = BounceReader.withMaxInputBytes(100).read(big);
    BounceFacts fromStream = BounceReader.withMaxInputBytes(100).read(new ByteArrayInputStream(big));

    assertThat(fromBytes.unreadable())
        .containsExactly(
            new ReadingNote(ReadingNote.Code.TOO_LARGE, List.of("100", "5020", "4920")),
            new ReadingNote(ReadingNote.Code.CUT_IN, List.of("text/plain")));
    assertThat(fromBytes.unreadable().get(0).toString())
        .isEqualTo("the input is 5020 bytes, over the size cap of 100 bytes: only the first 100 bytes were read, the rest (4920 bytes) was cut");
    assertThat(fromStream.unreadable())
        .containsExactly(
            new ReadingNote(ReadingNote.Code.TOO_LARGE_STREAM, List.of("100")),
            new ReadingNote(ReadingNote.Code.CUT_IN, List.of("text/plain")));
    assertThat(fromBytes.replyCode()).isEqualTo("550");
  }

  @Test
  void readsAStreamWithinTheCapCompletely() {
    BounceFacts f = READER.read(new ByteArrayInputStream(sample("sisimai-lhost-qmail-14.eml")));

    assertThat(f.unreadable()).isEmpty();
    assertThat(f.statusCode()).isEqualTo("5.7.26");
  }
}
