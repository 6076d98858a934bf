package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Postfix: "This is the mail system at host X", "host X[IP] said: ...", the report's {@code
 * X-Postfix-Queue-ID} and {@code X-Postfix-Sender} (the envelope sender, as Postfix recorded it).
 */
final class Postfix implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern POSTFIX_SAID =
      Pattern.compile("host (\\S+?)\\[([^\\]]*)\\] said:\\s*(.+?)" + Dialects.END, FD);
  private static final Pattern MAIL_SYSTEM = Pattern.compile("mail system at host ([^\\s]+?)\\.?\\s", F);

  @Override
  public String name() {
    return "postfix";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    return notice.fullText().contains("This is the mail system at host")
            || (!notice.dsn().isEmpty() && notice.dsn().get(0).has("X-Postfix-Queue-ID"))
        ? BounceFormat.POSTFIX
        : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher m = POSTFIX_SAID.matcher(text);
    Replies.Reply reply = null;
    String host = null;
    String ip = null;
    if (m.find()) {
      host = m.group(1);
      ip = Statements.ip(m.group(2));
      reply = Replies.parse(m.group(3));
    }
    Matcher at = MAIL_SYSTEM.matcher(text);
    String reporting = at.find() ? at.group(1) : null;
    String sender = notice.dsn().isEmpty() ? null : notice.dsn().get(0).first("X-Postfix-Sender");
    String envelope = sender == null ? null : BounceParser.address(HeaderBlock.untyped(sender));
    Reading r = new Reading(reply, host, ip, reporting, List.of(), envelope);
    return r.isEmpty() ? null : r;
  }
}
