package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenSMTPD's notices: "An error has occurred while attempting to deliver a message for the
 * following list of recipients:" then one line per recipient, {@code addr: 550 5.2.2 ...} or
 * {@code addr: Network error on destination MXs}.
 */
final class OpenSmtpd implements Dialect {
  private static final Pattern LIST =
      Pattern.compile("following\\s+list\\s+of\\s+recipients[^\\n]*:\\s*\\n", Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE =
      Pattern.compile("^([^\\s<>@:]{1,64}@[^\\s<>:]{1,255}): (\\S.{0,2000})$", Pattern.MULTILINE);

  @Override
  public String name() {
    return "opensmtpd";
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher list = LIST.matcher(text);
    if (!list.find()) {
      return null;
    }
    Matcher line = LINE.matcher(text);
    line.region(list.end(), text.length());
    List<String> recipients = new ArrayList<>();
    Replies.Reply reply = null;
    while (line.find() && recipients.size() < 50) {
      recipients.add(line.group(1));
      if (reply == null) {
        reply = Replies.parse(line.group(2));
      }
    }
    return recipients.isEmpty() ? null : new Reading(reply, null, null, null, recipients, null);
  }
}
