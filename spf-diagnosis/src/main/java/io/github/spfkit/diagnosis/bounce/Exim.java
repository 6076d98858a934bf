package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Exim: "SMTP error from remote mail server after RCPT TO:<x>: host H [IP]: 550 ...", the host on
 * the line before, "This message was created automatically by mail delivery software", and the
 * {@code X-Failed-Recipients} header.
 */
final class Exim implements Dialect {
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern EXIM =
      Pattern.compile(
          "SMTP error from remote (?:mail )?server (?:after|for) (?:[A-Z ]+:<[^>]*>(?: SIZE=\\d+)?|end of data|[A-Za-z ]+?):"
              + "\\s*(?:host\\s+(\\S+)\\s+\\[([^\\]]*)\\]:?\\s*)?(.+?)"
              + Dialects.END,
          FD);
  private static final Pattern EXIM_HOST =
      Pattern.compile("^[ \\t]*host (\\S{1,253}) \\[([^\\]\\n]{0,64})\\][ \\t]*\\n[ \\t]*SMTP error from remote", Pattern.MULTILINE);

  @Override
  public String name() {
    return "exim";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    String n = notice.fullText();
    return n.contains("SMTP error from remote") || n.contains("created automatically by mail delivery software")
        ? BounceFormat.EXIM
        : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Replies.Reply reply = null;
    String host = null;
    String ip = null;
    Matcher m = EXIM.matcher(text);
    if (m.find()) {
      host = m.group(1);
      reply = Replies.parse(m.group(3));
    }
    if (host == null && (m = EXIM_HOST.matcher(text)).find()) {
      host = m.group(1);
      ip = Statements.ip(m.group(2));
    }
    List<String> failed = new ArrayList<>();
    for (String header : notice.top().all("X-Failed-Recipients")) {
      for (String a : header.split(",")) {
        BounceParser.addUntyped(failed, a);
      }
    }
    Reading r = new Reading(reply, host, ip, null, failed, null);
    return r.isEmpty() ? null : r;
  }
}
