package io.github.spfkit.diagnosis.bounce;

import io.github.spfkit.core.Identity;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a bounce says about one failed delivery, as read by {@link BounceReader}. Only the notice's
 * own structured parts and the rejecting server's reply decide these facts; headers of the returned
 * message contribute only the fields named so ({@link #authenticationResults()}, {@link
 * #receivedSpf()}, {@link #fromDomain()}, and the envelope sender when nothing else states it).
 * Immutable.
 *
 * @param format which kind of notice it is
 * @param replyCode the rejecting server's basic reply code, e.g. {@code 550}, or {@code null}
 * @param statusCode the enhanced status code: the one in the rejecting server's reply, else the
 *     report's {@code Status}, e.g. {@code 5.7.26}; {@code null} if none was found
 * @param reportStatus the RFC 3464 {@code Status} field as written, or {@code null}
 * @param replyText the rejecting server's reply, unfolded, with continuation prefixes such as
 *     {@code 550-5.7.26 } removed; {@code null} if no reply was found
 * @param rejectingHost the server that rejected the message ({@code Remote-MTA}, "host X said"),
 *     or {@code null}
 * @param rejectingIp the rejecting server's address where the notice states it ("host X[IP]
 *     said"), or {@code null}
 * @param reportingMta the MTA that wrote the report ({@code Reporting-MTA}, "the mail system at
 *     host X", "the qmail-send program at X"), or {@code null}
 * @param finalRecipients the recipients that failed, as the report names them
 * @param originalRecipients the recipients as the sender addressed them, where the report says
 * @param envelopeSender the envelope sender (MAIL FROM) of the returned message, or {@code null}
 * @param senderDomain the domain whose SPF the receiver checked: the one the reply names, else the
 *     envelope sender's domain; {@code null} if neither is known
 * @param clientIp the client IP the receiver checked, where the reply (or a feedback report)
 *     states it; {@code null} otherwise
 * @param helo the HELO name the reply states, or {@code null}
 * @param scope the SPF identity the reply says failed ({@code s=mfrom|helo}), or {@code null}
 * @param authenticationResults the returned message's {@code Authentication-Results} field value,
 *     or {@code null}
 * @param receivedSpf the returned message's {@code Received-SPF} field value, or {@code null}
 * @param forwarding signs that the message was forwarded or expanded on its way (an "expanded
 *     from" note, an original recipient that differs from the final one, ...), empty if none
 * @param fromDomain the domain of the returned message's {@code From} header, or {@code null}
 * @param received the returned message's {@code Received} fields, newest first, at most 30; empty
 *     when the bounce does not carry the returned headers
 * @param humanText the notice's human-readable text with embedded headers of the returned message
 *     removed, at most a few kilobytes; empty if there is none
 * @param unreadable what could not be read (malformed parts, unknown charsets, size cap), empty
 *     when everything was read
 * @param kind what the message is about: a failed or delayed delivery, a feedback report, or
 *     which kind of message that is not a bounce
 * @param dialect the name of the dialect whose reading gave the reply (such as {@code postfix},
 *     {@code rfc3464}, {@code amazon-ses-json}, {@code smtp-reply} for a bare reply), else of the
 *     first dialect that read anything; {@code null} when none did
 */
public record BounceFacts(
    BounceFormat format,
    @Nullable String replyCode,
    @Nullable String statusCode,
    @Nullable String reportStatus,
    @Nullable String replyText,
    @Nullable String rejectingHost,
    @Nullable String rejectingIp,
    @Nullable String reportingMta,
    List<String> finalRecipients,
    List<String> originalRecipients,
    @Nullable String envelopeSender,
    @Nullable String senderDomain,
    @Nullable String clientIp,
    @Nullable String helo,
    @Nullable Identity scope,
    @Nullable String authenticationResults,
    @Nullable String receivedSpf,
    List<ForwardingSign> forwarding,
    @Nullable String fromDomain,
    List<ReceivedHop> received,
    String humanText,
    List<ReadingNote> unreadable,
    NoticeKind kind,
    @Nullable String dialect) {

  /**
   * Checks the required parts and copies the lists.
   *
   * @param format which kind of notice it is
   * @param replyCode the rejecting server's basic reply code, e.g. {@code 550}, or {@code null}
   * @param statusCode the enhanced status code: the one in the rejecting server's reply, else the report's {@code Status}, e.g. {@code 5.7.26}; {@code null} if none was found
   * @param reportStatus the RFC 3464 {@code Status} field as written, or {@code null}
   * @param replyText the rejecting server's reply, unfolded, with continuation prefixes such as {@code 550-5.7.26 } removed; {@code null} if no reply was found
   * @param rejectingHost the server that rejected the message ({@code Remote-MTA}, "host X said"), or {@code null}
   * @param rejectingIp the rejecting server's address where the notice states it ("host X[IP] said"), or {@code null}
   * @param reportingMta the MTA that wrote the report ({@code Reporting-MTA}, "the mail system at host X", "the qmail-send program at X"), or {@code null}
   * @param finalRecipients the recipients that failed, as the report names them
   * @param originalRecipients the recipients as the sender addressed them, where the report says
   * @param envelopeSender the envelope sender (MAIL FROM) of the returned message, or {@code null}
   * @param senderDomain the domain whose SPF the receiver checked: the one the reply names, else the envelope sender's domain; {@code null} if neither is known
   * @param clientIp the client IP the receiver checked, where the reply (or a feedback report) states it; {@code null} otherwise
   * @param helo the HELO name the reply states, or {@code null}
   * @param scope the SPF identity the reply says failed ({@code s=mfrom|helo}), or {@code null}
   * @param authenticationResults the returned message's {@code Authentication-Results} field value, or {@code null}
   * @param receivedSpf the returned message's {@code Received-SPF} field value, or {@code null}
   * @param forwarding signs that the message was forwarded or expanded on its way (an "expanded from" note, an original recipient that differs from the final one, ...), empty if none
   * @param fromDomain the domain of the returned message's {@code From} header, or {@code null}
   * @param received the returned message's {@code Received} fields, newest first, at most 30; empty when the bounce does not carry the returned headers
   * @param humanText the notice's human-readable text with embedded headers of the returned message removed, at most a few kilobytes; empty if there is none
   * @param unreadable what could not be read (malformed parts, unknown charsets, size cap), empty when everything was read
   * @param kind what the message is about: a failed or delayed delivery, a feedback report, or which kind of message that is not a bounce
   * @param dialect the dialect whose reading gave the reply, else the first that read anything; {@code null} when none did
   */
  public BounceFacts {
    Objects.requireNonNull(format, "format");
    finalRecipients = List.copyOf(finalRecipients);
    originalRecipients = List.copyOf(originalRecipients);
    forwarding = List.copyOf(forwarding);
    received = List.copyOf(received);
    Objects.requireNonNull(humanText, "humanText");
    unreadable = List.copyOf(unreadable);
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Whether the bounce shows signs of forwarding or alias expansion.
   *
   * @return whether {@link #forwarding()} is not empty
   */
  public boolean forwarded() {
    return !forwarding.isEmpty();
  }

  /**
   * Why the delivery failed: from the enhanced status code where it is specific (RFC 3463, RFC
   * 7372), else from the words of the reply and of the notice, in sisimai's vocabulary.
   *
   * @return the reason; {@link FailureReason#UNDEFINED} when nothing tells
   */
  public FailureReason reason() {
    return FailureReasons.of(format, kind, statusCode, replyText, humanText);
  }

  /**
   * Whether the notice reports a failed or delayed delivery (or is a feedback report), as opposed
   * to mail that is not about a delivery failure at all.
   *
   * @return whether this is read as a bounce
   */
  public boolean reportsFailedDelivery() {
    return format != BounceFormat.UNREADABLE && kind.isBounce();
  }
}
