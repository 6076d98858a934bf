package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sendmail (and MTAs that copy its notice): "The following addresses had permanent fatal errors",
 * "Transcript of session follows" with the server's lines after {@code <<< }, "... while talking
 * to HOST:". Postfix's own session transcripts ({@code Out: 451 4.3.0 ...}) are read the same way.
 */
final class Sendmail implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern TALKING = Pattern.compile("while talking to ([^\\s:]+?)\\.?:", F);

  @Override
  public String name() {
    return "sendmail";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    String n = notice.fullText();
    return n.contains("Transcript of session follows")
            || n.contains("The following addresses had permanent fatal errors")
        ? BounceFormat.SENDMAIL
        : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    String transcript = transcript(text);
    Replies.Reply reply = null;
    if (transcript != null) {
      Replies.Reply t = Replies.parse(transcript);
      String diagnostic = Rfc3464.diagnostic(notice);
      // the transcript has the whole reply; a DSN that says something else decides
      if (diagnostic == null || sameStart(t, Replies.parse(diagnostic))) {
        reply = t;
      }
    }
    Matcher m = TALKING.matcher(text);
    String host = m.find() ? m.group(1) : null;
    return reply == null && host == null
        ? null
        : new Reading(reply, host, null, null, List.of(), null);
  }

  private static boolean sameStart(Replies.Reply transcript, Replies.Reply diagnostic) {
    String a = transcript.text().toLowerCase(Locale.ROOT);
    String b = diagnostic.text().toLowerCase(Locale.ROOT);
    int n = Math.min(Math.min(a.length(), b.length()), 24);
    return n == 0 || a.regionMatches(0, b, 0, n);
  }

  /**
   * The session transcript's first run of server lines that is an error reply: Sendmail writes
   * them after {@code <<< }, Postfix after {@code Out: }.
   */
  static @Nullable String transcript(String notice) {
    StringBuilder out = new StringBuilder();
    for (String line : notice.split("\n")) {
      String t = line.stripLeading();
      String prefix = t.startsWith("<<< ") ? "<<< " : t.startsWith("Out: ") ? "Out: " : null;
      if (prefix != null) {
        String r = t.substring(prefix.length());
        if (out.length() == 0) {
          if (Replies.isReplyLine(r) && (r.charAt(0) == '4' || r.charAt(0) == '5')) {
            out.append(r).append('\n');
          }
        } else {
          out.append(r).append('\n');
        }
      } else if (out.length() > 0) {
        break;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }
}
