package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fallback for notices no other dialect reads: a "Reason:" line, else the first lines that
 * read like an error reply; recipients in angle brackets or after "delivering your mail to".
 */
final class PlainText implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern REASON = Pattern.compile("^[ \\t]*Reason:\\s*(.+?)" + Dialects.END, FD | Pattern.MULTILINE);
  private static final Pattern ANGLE_RCPT =
      Pattern.compile("^[ \\t]*<([^<>\\s@]+@[^<>\\s]+)>(?::|\\s*\\(|\\s*$)", Pattern.MULTILINE);
  private static final Pattern DELIVERING_TO =
      Pattern.compile("(?:delivering your mail to|delivered to the following recipients?:?)\\s*<?([^<>\\s@]+@[^<>\\s.]+(?:\\.[^<>\\s.]+)+)", F);

  @Override
  public String name() {
    return "plain-text";
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Replies.Reply reply = null;
    Matcher m = REASON.matcher(text);
    if (m.find()) {
      reply = Replies.parse(m.group(1));
    } else if (!Arf.isFeedbackReport(notice)) {
      String lines = firstReplyLines(text);
      if (lines != null) {
        reply = Replies.parse(lines);
      }
    }
    List<String> recipients = new ArrayList<>();
    Matcher r = ANGLE_RCPT.matcher(text);
    while (r.find() && recipients.size() < 20) {
      BounceParser.addUntyped(recipients, r.group(1));
    }
    Matcher d = DELIVERING_TO.matcher(text);
    if (recipients.isEmpty() && d.find()) {
      BounceParser.addUntyped(recipients, d.group(1));
    }
    Reading out = new Reading(reply, null, null, null, recipients, null);
    return out.isEmpty() ? null : out;
  }

  /** The first lines of the notice that read like an error reply, for notices without markers. */
  private static @Nullable String firstReplyLines(String notice) {
    StringBuilder out = new StringBuilder();
    for (String line : notice.split("\n")) {
      String t = line.strip();
      if (out.length() == 0) {
        if (Replies.isReplyLine(t) && (t.charAt(0) == '4' || t.charAt(0) == '5')) {
          out.append(t).append('\n');
        }
      } else if (Replies.isReplyLine(t) || (!t.isEmpty() && line.startsWith(" "))) {
        out.append(t).append('\n');
      } else {
        break;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }
}
