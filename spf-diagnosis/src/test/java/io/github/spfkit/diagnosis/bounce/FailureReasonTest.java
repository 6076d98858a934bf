package io.github.spfkit.diagnosis.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bounce gets a reason: from a specific enhanced status code, else from the vendor's words,
 * named as sisimai names them (the expected reasons are sisimai's own labels of these files).
 */
final class FailureReasonTest {

  static Stream<Arguments> bounces() {
    return Stream.of(
        // a specific enhanced code decides
        Arguments.of("layouts/sisimai-lhost-opensmtpd-02.eml", FailureReason.MAILBOX_FULL),
        Arguments.of("layouts/sisimai-lhost-gmail-01.eml", FailureReason.USER_UNKNOWN),
        Arguments.of("layouts/sisimai-lhost-yahoo-12.eml", FailureReason.REJECTED),
        // no code: the words of the reply or the notice
        Arguments.of("layouts/sisimai-lhost-opensmtpd-04.eml", FailureReason.NETWORK_ERROR),
        Arguments.of("layouts/sisimai-lhost-postfix-75.eml", FailureReason.SYSTEM_ERROR),
        Arguments.of("bounces/sisimai-lhost-qmail-14.eml", FailureReason.AUTH_FAILURE),
        // a temporary error (4.4.1, connection timed out) in a notice of failure: the retries ran out
        Arguments.of("layouts/sisimai-lhost-postfix-37.eml", FailureReason.EXPIRED));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("bounces")
  void readsTheReasonOfEachBounce(String file, FailureReason expected) throws Exception {
    byte[] bytes;
    try (var in = FailureReasonTest.class.getResourceAsStream("/" + file)) {
      bytes = in.readAllBytes();
    }
    assertThat(BounceReader.standard().read(bytes).reason()).isEqualTo(expected);
  }

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("550 5.1.1 <bob@example.org>: Recipient address rejected", FailureReason.USER_UNKNOWN),
        Arguments.of("552 5.2.2 Mailbox full", FailureReason.MAILBOX_FULL),
        Arguments.of("550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org", FailureReason.BLOCKED),
        Arguments.of("550 5.7.1 Message rejected as spam by Content Filtering", FailureReason.SPAM_DETECTED),
        Arguments.of("550 5.0.0 Unknown user kijitora@example.jp", FailureReason.USER_UNKNOWN),
        Arguments.of("550 5.7.23 SPF fail - not authorized", FailureReason.AUTH_FAILURE),
        Arguments.of("554 5.7.0 Header error (state 18).", FailureReason.SECURITY_ERROR),
        Arguments.of("550 5.7.1 Relaying denied", FailureReason.NO_RELAYING),
        Arguments.of("421 4.7.0 Try again later, closing connection. (EHLO) rate limit", FailureReason.TOO_MANY_CONNECTIONS),
        Arguments.of("550 Requested action not taken: mailbox unavailable", FailureReason.USER_UNKNOWN),
        Arguments.of("550 Administrative prohibition", FailureReason.POLICY_VIOLATION),
        Arguments.of("554 Transaction failed", FailureReason.UNDEFINED),
        // a pasted temporary reply is not a delivery given up
        Arguments.of("451 4.4.1 connect to example.org[192.0.2.2]:25: Connection timed out", FailureReason.NETWORK_ERROR),
        Arguments.of("550 5.7.1 <k@example.com>: Recipient address rejected: User k@example.com temporary locked.", FailureReason.SUSPEND),
        Arguments.of("550 5.4.1 [k@example.org]: Recipient address rejected: Access denied", FailureReason.USER_UNKNOWN),
        Arguments.of("550 5.0.0 Mailbox is frozen.", FailureReason.SUSPEND),
        Arguments.of("554 5.5.0 The mail could not be delivered to the recipient because the domain is not reachable.", FailureReason.HOST_UNKNOWN));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("replies")
  void readsTheReasonOfAPastedReply(String reply, FailureReason expected) {
    assertThat(BounceReader.standard().read(reply).reason()).isEqualTo(expected);
  }
}
