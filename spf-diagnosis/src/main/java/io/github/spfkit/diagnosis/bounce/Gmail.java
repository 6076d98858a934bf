package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Gmail's own delivery-failure notices: "Google tried to deliver your message, but it was rejected
 * by the server for the recipient domain D by HOST. [IP]. The error that the other server
 * returned was: 550 550 5.1.1 ..." (the basic code is often written twice).
 */
final class Gmail implements Dialect {
  private static final Pattern RETURNED =
      Pattern.compile(
          "The error that the other server returned was:\\s*(.+?)(?=\\n[ \\t]*\\n|\\n-{3,}|\\z)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BY_HOST =
      Pattern.compile(
          "rejected by the server for the recipient domain \\S+ by (\\S+?)\\.?\\s+\\[([^\\]\\s]{2,45})\\]",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "gmail";
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher returned = RETURNED.matcher(text);
    if (!returned.find()) {
      return null;
    }
    Replies.Reply reply = Replies.parse(returned.group(1));
    Matcher host = BY_HOST.matcher(Replies.unfold(text));
    return host.find()
        ? new Reading(reply, host.group(1), Statements.ip(host.group(2)), null, List.of(), null)
        : Reading.reply(reply);
  }
}
