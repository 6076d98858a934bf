package io.github.spfkit.diagnosis.bounce;

/** What a message is about, as far as delivery goes: a bounce of some kind, or not a bounce. */
public enum NoticeKind {
  /** A notice that the delivery failed. */
  FAILED_DELIVERY,
  /** A notice that the delivery is delayed and still being tried. */
  DELAYED_DELIVERY,
  /** An abuse or authentication-failure feedback report (RFC 5965, ARF). */
  FEEDBACK_REPORT,
  /** Not a bounce: an automatic reply such as a vacation notice (RFC 3834). */
  AUTO_REPLY,
  /** Not a bounce: a notice that the delivery succeeded (DSN {@code Action: delivered}, ...). */
  DELIVERY_SUCCESS,
  /** Not a bounce: ordinary mail, or no notice about a delivery at all. */
  ORDINARY_MAIL;

  /**
   * Whether this kind reports a failed or delayed delivery, or is a feedback report.
   *
   * @return whether a message of this kind is read as a bounce
   */
  public boolean isBounce() {
    return this == FAILED_DELIVERY || this == DELAYED_DELIVERY || this == FEEDBACK_REPORT;
  }
}
