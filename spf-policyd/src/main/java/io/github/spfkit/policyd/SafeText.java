package io.github.spfkit.policyd;

/**
 * Text bound for Postfix: one line of printable ASCII. A policy answer is a line of the delegation
 * protocol, and a CR or LF in it would end the answer early and desynchronise the connection.
 */
final class SafeText {
  /** An SMTP reply line is at most 512 octets (RFC 5321 §4.5.3.1.5); leave room for the prefix. */
  static final int MAX_REPLY_TEXT = 400;

  /** Postfix accepts long header lines; keep ours below the 998-octet line limit (RFC 5322 §2.1.1). */
  static final int MAX_HEADER = 990;

  private SafeText() {}

  /** Control characters and non-ASCII become {@code ?}; runs of white space become one space. */
  static String oneLine(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    return out.length() > max ? out.substring(0, max) : out.toString();
  }

  /** Text for inside a header comment: also no parentheses or backslashes. */
  static String comment(String text) {
    return oneLine(text, MAX_HEADER).replace('(', '[').replace(')', ']').replace('\\', '/');
  }
}
