package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traps of root-causes §B: SPF words in embedded headers, in the bounce's own header, in
 * spam-score texts, relay and SMTP AUTH refusals, and vendor-specific codes never make a bounce
 * that is not about SPF look like one; and a wrapped remote reply is judged by the remote's words.
 */
final class TrapsTest {
  private static final BounceDiagnoser DIAGNOSER = BounceDiagnoser.builder().build();

  static Stream<Arguments> embeddedHeaderTraps() {
    return Stream.of(
        Arguments.of("sisimai-lhost-office365-04.eml", "Exchange 'Original message headers' with Received-SPF and spf=none"),
        Arguments.of("sisimai-lhost-messagingserver-12.eml", "returned message with Received-SPF: softfail"),
        Arguments.of("sisimai-rhost-google-08.eml", "the bounce's own Authentication-Results: spf=fail smtp.helo"),
        Arguments.of("sisimai-rhost-messagelabs-01.eml", "returned headers with spf=pass and 'not permitted to relay'"),
        Arguments.of("sisimai-lhost-amazonses-14.eml", "blocklist text"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("embeddedHeaderTraps")
  void embeddedSpfHeadersNeverMakeABounceAboutSpf(String file, String why) {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("bounces/" + file));

    assertThat(d.category()).isEqualTo(Category.NOT_SPF);
    assertThat(d.cause()).isEqualTo(Cause.NOT_SPF);
    assertThat(d.spfRelated()).isFalse();
  }

  static Stream<Arguments> wordingTraps() {
    return Stream.of(
        Arguments.of("550 Unauthenticated senders not allowed", Category.NOT_SPF),
        Arguments.of(
            "550-Please turn on SMTP Authentication in your mail client.\n550-mail0.example [198.51.100.21]:25 is not permitted to\n550 relay through this server without authentication.",
            Category.NOT_SPF),
        Arguments.of("550 5.7.1 MailFrom domain is listed in Spamhaus. Please see https://www.spamhaus.org/", Category.NOT_SPF),
        Arguments.of(
            "554 5.7.1 Your message failed several antispam checks (SCORING). Please be sure your mailserver is configured correctly (spf , HELO, PTR)",
            Category.NOT_SPF),
        Arguments.of(
            "451 4.7.23 192.0.2.9 The sending IP address for this message doesn't have a PTR record. gsmtp",
            Category.NOT_SPF),
        Arguments.of("550 5.7.27 Host does not accept mail", Category.NOT_SPF),
        Arguments.of("550 5.7.25 Reverse DNS validation failed", Category.NOT_SPF),
        Arguments.of(
            "550 5.7.23 The message was rejected because of Sender Policy Framework violation -> 550 5.7.1 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy.",
            Category.DMARC),
        Arguments.of("550 5.1.0 192.0.2.222 is not allowed to send from <example.net> per it's SPF Record. IB508", Category.SPF_FAIL),
        Arguments.of("553 Sender Policy Framework (SPF) fail", Category.SPF_FAIL),
        Arguments.of("550 SPF: 216.158.229.96 is not allowed to send mail from server.elmo.example", Category.SPF_FAIL),
        Arguments.of("550 5.7.27 This message was blocked because it didn't pass SPF authentication. SPF with 192.0.2.1 = did not pass", Category.SPF_FAIL),
        Arguments.of("550 5.7.24 The SPF record of the sending domain has one or more suspicious entries.", Category.SPF_ERROR),
        Arguments.of("421 SPF validation failed with result \"permerror\" and explanation \"SPF Permanent Error: Too many DNS lookups\"", Category.SPF_ERROR),
        Arguments.of("550 5.7.23 Recipient address rejected: Message rejected due to: Receiver policy for SPF Softfail", Category.SPF_POLICY),
        Arguments.of("550 5.7.1 Message rejected due to: domain owner discourages use of this host. Please see http://www.openspf.net/Why?s=helo;id=mx.example;ip=192.0.2.3;r=x@y.example", Category.SPF_HELO),
        Arguments.of("550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level. Spf= Fail , Dkim= Pass , DMARC= Pass", Category.AUTH_REQUIRED),
        Arguments.of("550 5.7.26 Multiple authentication checks failed", Category.AUTH_REQUIRED),
        Arguments.of("550 DMARC check failed.", Category.DMARC),
        Arguments.of("550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification", Category.DMARC),
        Arguments.of("550 5.7.23 rejected", Category.SPF_FAIL),
        Arguments.of("550 5.7.24 rejected", Category.SPF_ERROR));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("wordingTraps")
  void classifiesByTextFirstAndCodeSecond(String reply, Category expected) {
    assertThat(DIAGNOSER.diagnose(reply).category()).isEqualTo(expected);
  }

  @Test
  void spamClassificationThatMentionsSpfRecordsIsNotAboutSpf() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("bounces/sisimai-rfc3464-61.eml"));

    assertThat(d.facts().replyText()).contains("Set up SPF records");
    assertThat(d.category()).isEqualTo(Category.NOT_SPF);
  }
}
