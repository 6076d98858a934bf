package io.github.spfkit.diagnosis.bounce;

/**
 * Why a delivery failed, in the vocabulary of sisimai (the bounce classifier whose labelled corpus
 * this library is measured on): read from the enhanced status code where it is specific (RFC 3463,
 * RFC 7372), else from the vendor's own words in the reply and the notice. {@link #sisimaiName()}
 * gives sisimai's name for each.
 */
public enum FailureReason {
  /** The recipient address does not exist ({@code 5.1.1}). */
  USER_UNKNOWN("userunknown"),
  /** The recipient's mailbox is full ({@code 5.2.2}). */
  MAILBOX_FULL("mailboxfull"),
  /** The recipient domain or its mail host is not found in DNS ({@code 5.1.2}). */
  HOST_UNKNOWN("hostunknown"),
  /** Delivery was retried until the queue lifetime ran out ({@code 4.4.7}). */
  EXPIRED("expired"),
  /** The receiving host could not be reached: connection refused or timed out, no route ({@code 4.4.1}). */
  NETWORK_ERROR("networkerror"),
  /** The sending host or IP address is blocked by the receiver (a block list, a bad reputation). */
  BLOCKED("blocked"),
  /** The sending host has no or a mismatching reverse DNS (PTR) name, which the receiver requires. */
  REQUIRE_PTR("requireptr"),
  /** The message was refused as spam. */
  SPAM_DETECTED("spamdetected"),
  /** The message was refused because it carries a virus. */
  VIRUS_DETECTED("virusdetected"),
  /** The receiver's local policy refused the message. */
  POLICY_VIOLATION("policyviolation"),
  /** SPF, DKIM or DMARC did not pass ({@code 5.7.23} to {@code 5.7.27}). */
  AUTH_FAILURE("authfailure"),
  /** Authentication of the sending client was required or failed ({@code 5.7.0}, {@code 5.7.8}). */
  SECURITY_ERROR("securityerror"),
  /** The message is larger than the receiver accepts ({@code 5.3.4}, {@code 5.2.3}). */
  MESSAGE_TOO_BIG("mesgtoobig"),
  /** The recipient's mailbox is disabled or suspended ({@code 5.2.1}). */
  SUSPEND("suspend"),
  /** The recipient has moved and left no forwarding address ({@code 5.1.6}). */
  HAS_MOVED("hasmoved"),
  /** The receiver refused the envelope sender ({@code 5.1.7}, {@code 5.1.8}). */
  REJECTED("rejected"),
  /** The recipient exists but does not accept this message (a filter, a closed list). */
  FILTERED("filtered"),
  /** The receiving domain accepts no mail at all (a null MX, {@code 5.1.10}). */
  NOT_ACCEPT("notaccept"),
  /** The receiver refused to relay for the recipient's domain ({@code 5.7.1 Relaying denied}). */
  NO_RELAYING("norelaying"),
  /** Too many connections or messages at once; the sender is rate limited. */
  TOO_MANY_CONNECTIONS("toomanyconn"),
  /** The receiving mail system is out of disk or memory ({@code 4.3.1}). */
  SYSTEM_FULL("systemfull"),
  /** The receiving or reporting mail system failed ({@code 4.3.0}, loops, configuration errors). */
  SYSTEM_ERROR("systemerror"),
  /** A program or pipe the message was delivered to failed. */
  MAILER_ERROR("mailererror"),
  /** The SMTP conversation went wrong: a command or its syntax was refused ({@code 5.5.x}). */
  SYNTAX_ERROR("syntaxerror"),
  /** The message's content or format was refused ({@code 5.6.x}). */
  CONTENT_ERROR("contenterror"),
  /** A feedback (ARF) report about the message, not a delivery failure. */
  FEEDBACK("feedback"),
  /** Nothing in the bounce tells why. */
  UNDEFINED("undefined");

  private final String sisimai;

  FailureReason(String sisimai) {
    this.sisimai = sisimai;
  }

  /**
   * sisimai's name of the reason.
   *
   * @return the name, such as {@code userunknown}
   */
  public String sisimaiName() {
    return sisimai;
  }

  /**
   * The message key of the reason's one-line description.
   *
   * @return {@code failure.} and the sisimai name, such as {@code failure.userunknown}
   */
  public String key() {
    return "failure." + sisimai;
  }
}
