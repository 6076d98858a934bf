package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Exchange and Microsoft 365 non-delivery reports: "Remote Server returned '...'",
 * "HOST gave this error:", "Generating server: HOST", {@code X-MS-Exchange-Message-Is-Ndr}.
 */
final class Exchange implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern EXCHANGE_REMOTE =
      Pattern.compile("Remote Server\\s+returned\\s+'(.{1,4000}?)'\\s*(?:\\n|\\z)", FD);
  private static final Pattern EXCHANGE_GAVE =
      Pattern.compile("^[ \\t]*(\\S+) gave this error:\\s*\\n(.+?)" + Dialects.END, FD | Pattern.MULTILINE);
  private static final Pattern GENERATING = Pattern.compile("Generating server:\\s*(\\S+)", F);

  @Override
  public String name() {
    return "exchange";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    String n = notice.fullText();
    return notice.top().has("X-MS-Exchange-Message-Is-Ndr")
            || n.contains("Diagnostic information for administrators")
            || n.contains("Remote Server returned")
        ? BounceFormat.EXCHANGE
        : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher m = EXCHANGE_REMOTE.matcher(text);
    Replies.Reply reply = m.find() ? Replies.parse(m.group(1)) : null;
    String host = null;
    if ((m = EXCHANGE_GAVE.matcher(text)).find()) {
      host = m.group(1);
      if (reply == null) {
        reply = Replies.parse(m.group(2));
      }
    }
    Matcher g = GENERATING.matcher(text);
    String reporting = g.find() ? g.group(1) : null;
    Reading r = new Reading(reply, host, null, reporting, List.of(), null);
    return r.isEmpty() ? null : r;
  }
}
