package io.github.spfkit.diagnosis.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SMTP reply text as servers and MTAs write it: folded over lines, each line prefixed with the
 * reply code ({@code 550-5.7.26 }), sometimes re-wrapped by the reporting MTA so the prefixes land
 * mid-sentence. {@link #parse(String)} gives the codes and clean text.
 */
final class Replies {
  /** A parsed reply: basic code, enhanced code, and the text without any code prefixes. */
  record Reply(@Nullable String basic, @Nullable String enhanced, String text) {}

  private static final Pattern LEADING =
      Pattern.compile("^([245]\\d\\d)(?:-|:?\\s+|$)(?:([245]\\.\\d{1,3}\\.\\d{1,3})(?=[\\s,;:]|$))?");
  private static final Pattern CONTINUATION =
      Pattern.compile("(?<=^|\\s)[245]\\d\\d-(?:[245]\\.\\d{1,3}\\.\\d{1,3}(?=\\s|$))?");
  private static final Pattern IN_REPLY =
      Pattern.compile("\\s*\\(in reply to [^()]{0,60}\\)\\s*$", Pattern.CASE_INSENSITIVE);

  private Replies() {}

  /** Unfolds: every run of whitespace, line breaks included, becomes one space. */
  static String unfold(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  static Reply parse(String raw) {
    String s = unfold(raw);
    s = IN_REPLY.matcher(s).replaceAll("");
    String basic = null;
    String enhanced = null;
    Matcher m = LEADING.matcher(s);
    if (m.find()) {
      basic = m.group(1);
      enhanced = m.group(2);
      s = s.substring(m.end()).trim();
    }
    s = CONTINUATION.matcher(s).replaceAll("");
    if (basic != null) {
      // the last line of a multi-line reply, re-wrapped into the middle: "... go to 550 5.7.26 https://"
      String last = enhanced == null ? basic : basic + " " + enhanced;
      s = s.replace(" " + last + " ", " ");
      if (s.startsWith(last + " ")) {
        s = s.substring(last.length() + 1);
      }
      if (enhanced != null && s.startsWith(enhanced + " ")) {
        s = s.substring(enhanced.length() + 1);
      }
      if (enhanced == null) {
        // a reply without an enhanced code may still carry one after the prefixes: "550 5.1.0 ..."
        Matcher e = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})\\s").matcher(s);
        if (e.find()) {
          enhanced = e.group(1);
          s = s.substring(e.end());
        }
      }
    }
    s = unfold(s);
    return new Reply(basic, enhanced, s);
  }

  /** The enhanced code of a DSN {@code Status} field such as {@code 4.2.2 (Over quota)}. */
  static @Nullable String status(@Nullable String field) {
    if (field == null) {
      return null;
    }
    Matcher m = Pattern.compile("^\\s*([245]\\.\\d{1,3}\\.\\d{1,3})").matcher(field);
    return m.find() ? m.group(1) : null;
  }

  /** Whether a line looks like the start of an SMTP reply: three digits 2xx-5xx then space, '-' or end. */
  static boolean isReplyLine(String line) {
    String t = line.trim();
    return t.length() >= 3
        && t.charAt(0) >= '2'
        && t.charAt(0) <= '5'
        && Character.isDigit(t.charAt(1))
        && Character.isDigit(t.charAt(2))
        && (t.length() == 3 || t.charAt(3) == ' ' || t.charAt(3) == '-'
            // "501: 5.1.8 Sender address rejected" (Yahoo, AOL)
            || (t.charAt(3) == ':' && t.length() > 5 && t.charAt(4) == ' ' && t.charAt(5) >= '2' && t.charAt(5) <= '5'));
  }
}
