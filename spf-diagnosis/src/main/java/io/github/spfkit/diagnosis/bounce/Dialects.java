package io.github.spfkit.diagnosis.bounce;

import java.util.List;

/**
 * The dialects, in the order their readings are taken: a field (the reply, the rejecting host
 * with its address, the reporting host, the recipients, the envelope sender) comes from the first
 * dialect that reads it. Structured parts first (a session transcript that agrees with the DSN,
 * the DSN), then the MTAs' own layouts, then the plain-text fallback.
 */
final class Dialects {
  /** Where a reply quoted in a notice ends: a blank line, a separator, a MIME boundary, the end. */
  static final String END = "(?=\\n[ \\t]*\\n|\\n---|\\n--[^\\s-]|\\z)";

  static final List<Dialect> ALL =
      List.of(
          new Sendmail(), new Rfc3464(), new Exchange(), new Postfix(), new DragonFly(),
          new Qmail(), new Exim(), new AmazonSesJson(), new Gmail(), new Zoho(), new OpenSmtpd(),
          new PlainText(), new Arf());

  /** The order in which a notice's format is told: the most telling marks first. */
  static final List<Dialect> BY_MARKS =
      List.of(
          new Arf(), new Exchange(), new Qmail(), new DragonFly(), new Sendmail(), new Postfix(),
          new Exim(), new Rfc3464());

  private Dialects() {}
}
