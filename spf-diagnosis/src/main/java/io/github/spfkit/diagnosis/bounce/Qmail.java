package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * qmail and its descendants (netqmail, indimail, Yahoo's and AOL's notices in its layout): "Hi.
 * This is the qmail-send program at X", "Remote host said:", "X does not like recipient", "---
 * Below this line is a copy of the message".
 */
final class Qmail implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern QMAIL_SAID =
      Pattern.compile("Remote host said:\\s*(.+?)" + Dialects.END, FD);
  private static final Pattern QMAIL_HOST =
      Pattern.compile(
          "(?:^|\\s)(\\S+) (?:failed after I sent the message|does not like recipient)", F);
  private static final Pattern QMAIL_AT = Pattern.compile("qmail-send program at ([^\\s]+?)\\.?\\s", F);
  private static final Pattern QMAIL_FROM = Pattern.compile("^From: <([^<>\\s]+@[^<>\\s]+)> RCPT:", Pattern.MULTILINE);

  @Override
  public String name() {
    return "qmail";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    String n = notice.fullText();
    return n.contains("qmail-send program") || n.contains("--- Below this line is a copy")
        ? BounceFormat.QMAIL
        : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher m = QMAIL_SAID.matcher(text);
    Replies.Reply reply = m.find() ? Replies.parse(m.group(1)) : null;
    Matcher h = QMAIL_HOST.matcher(text);
    String host = h.find() ? h.group(1) : null;
    Matcher at = QMAIL_AT.matcher(text);
    String reporting = at.find() ? at.group(1) : null;
    Matcher from = QMAIL_FROM.matcher(text);
    String envelope = from.find() ? from.group(1) : null;
    Reading r = new Reading(reply, host, null, reporting, List.of(), envelope);
    return r.isEmpty() ? null : r;
  }
}
