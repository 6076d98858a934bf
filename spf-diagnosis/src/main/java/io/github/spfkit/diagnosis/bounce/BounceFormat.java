package io.github.spfkit.diagnosis.bounce;

/** Which kind of notice a bounce is, as far as its structure and wording tell. */
public enum BounceFormat {
  /** An RFC 3464 {@code multipart/report; report-type=delivery-status} from an MTA not named below. */
  RFC3464,
  /** A Microsoft Exchange or Microsoft 365 non-delivery report. */
  EXCHANGE,
  /** A Postfix bounce ("This is the mail system at host ..."). */
  POSTFIX,
  /** A Sendmail bounce with a session transcript. */
  SENDMAIL,
  /** An Exim bounce ("SMTP error from remote mail server"), with or without a report part. */
  EXIM,
  /** A qmail (or indimail) bounce ("Hi. This is the qmail-send program"). */
  QMAIL,
  /** A DragonFly Mail Agent bounce. */
  DMA,
  /** An RFC 5965/6591 feedback report ({@code auth-failure}); not a bounce, but SPF evidence. */
  ARF,
  /** A bare SMTP reply line or lines, such as {@code 550 5.7.23 ...}. */
  SMTP_REPLY,
  /** Some other plain-text notice. */
  PLAIN_TEXT,
  /** Nothing readable. */
  UNREADABLE
}
