package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Zoho Mail's notices: {@code addr Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <addr>...
 * User Unknown}, one line per recipient.
 */
final class Zoho implements Dialect {
  private static final Pattern LINE =
      Pattern.compile(
          "^[ \\t]*<?([^\\s<>@]{1,64}@[^\\s<>,]{1,255})>?\\s[^\\n]{0,100}?ERROR_CODE\\s*:\\s*([245]\\d\\d)"
              + "(?:,\\s*ERROR_CODE\\s*:\\s*([245]\\.\\d{1,3}\\.\\d{1,3}))?,?[ \\t]*([^\\n]*)$",
          Pattern.MULTILINE);

  @Override
  public String name() {
    return "zoho";
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    Matcher m = LINE.matcher(notice.text());
    List<String> recipients = new ArrayList<>();
    Replies.Reply reply = null;
    while (m.find() && recipients.size() < 50) {
      recipients.add(m.group(1));
      if (reply == null) {
        String enhanced = m.group(3) == null ? "" : m.group(3) + " ";
        reply = Replies.parse(m.group(2) + " " + enhanced + m.group(4));
      }
    }
    return reply == null ? null : new Reading(reply, null, null, null, recipients, null);
  }
}
