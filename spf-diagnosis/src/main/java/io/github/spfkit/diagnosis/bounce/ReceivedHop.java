package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code Received} field of the returned message (RFC 5321 §4.4): who handed the message on,
 * from which address, and who took it. Newest first, as the fields stand in the header.
 *
 * @param fromName the name the sending host gave or was found by, or {@code null}
 * @param fromIp the sending host's address as the receiving host saw it, canonical, or {@code null}
 * @param by the host that added the field, or {@code null}
 */
public record ReceivedHop(@Nullable String fromName, @Nullable String fromIp, @Nullable String by) {
  /** At most this many fields are read: a loop of relays must not grow the facts without bound. */
  static final int MAX_HOPS = 30;

  // "from NAME (NAME [IP])", "from NAME ([IP])", "from NAME (IP)" (Exchange), "from NAME (HELO) (IP)"
  private static final Pattern FROM = Pattern.compile("^\\s*from\\s+(\\S{1,253})", Pattern.CASE_INSENSITIVE);
  private static final Pattern BRACKETED = Pattern.compile("\\[(?:IPv6:)?([0-9a-fA-F:.]{2,45})\\]");
  private static final Pattern PARENTHESIZED = Pattern.compile("\\(([0-9a-fA-F:.]{2,45})\\)");
  private static final Pattern BY = Pattern.compile("\\bby\\s+(\\S{1,253})", Pattern.CASE_INSENSITIVE);

  static List<ReceivedHop> of(List<String> fields) {
    List<ReceivedHop> out = new ArrayList<>();
    for (String field : fields) {
      if (out.size() >= MAX_HOPS) {
        break;
      }
      String value = field.replaceAll("\\s+", " ");
      int by = indexOfBy(value);
      String fromPart = by < 0 ? value : value.substring(0, by);
      Matcher from = FROM.matcher(fromPart);
      String name = from.find() ? from.group(1).toLowerCase(Locale.ROOT) : null;
      String ip = null;
      Matcher m = BRACKETED.matcher(fromPart);
      if (m.find()) {
        ip = Statements.ip(m.group(1));
      }
      if (ip == null) {
        m = PARENTHESIZED.matcher(fromPart);
        while (ip == null && m.find()) {
          ip = Statements.ip(m.group(1));
        }
      }
      Matcher b = BY.matcher(by < 0 ? "" : value.substring(by));
      String byHost = b.find() ? b.group(1).toLowerCase(Locale.ROOT).replaceAll("[;,]$", "") : null;
      if (name != null || ip != null || byHost != null) {
        out.add(new ReceivedHop(name, ip, byHost));
      }
    }
    return out;
  }

  private static int indexOfBy(String value) {
    Matcher m = Pattern.compile("(?:^|[\\s)])by\\s", Pattern.CASE_INSENSITIVE).matcher(value);
    return m.find() ? m.start() : -1;
  }
}
