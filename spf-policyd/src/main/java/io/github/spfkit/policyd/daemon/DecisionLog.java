package io.github.spfkit.policyd.daemon;

import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.policyd.Decision;
import io.github.spfkit.policyd.PolicyRequest;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * One line per decision on standard error (the journal, under systemd): queue id, client,
 * identity, sender or HELO name, result, deciding term, the action and the milliseconds taken.
 * Values are quoted where they could hold spaces and cleaned of control characters. Decision lines
 * may sit in the stream's buffer until its next flush (the daemon flushes every 100 ms); warnings
 * and notices are flushed at once.
 */
final class DecisionLog {
  private final PrintStream out;
  private final int level;

  DecisionLog(PrintStream out, int level) {
    this.out = out;
    this.level = level;
  }

  void decision(PolicyRequest request, Decision decision) {
    if (level < 1) {
      return;
    }
    StringBuilder line = new StringBuilder(200);
    String queueId = request.queueId();
    if (queueId != null && !queueId.isEmpty()) {
      line.append(clean(queueId)).append(": ");
    }
    line.append("client=").append(clean(request.clientAddress()));
    String name = request.clientName();
    if (name != null && !name.isEmpty()) {
      line.append('[').append(clean(name)).append(']');
    }
    line.append(" identity=").append(decision.identity());
    SpfResult result = decision.result();
    if (result != null) {
      line.append(result.identity().token().equals("helo") ? " helo=" : " sender=")
          .append(quote(result.identity().token().equals("helo") ? result.domain()
              : result.sender()));
      line.append(" result=").append(result.result().token());
      MatchedTerm match = result.match();
      if (match != null) {
        line.append(" term=").append(quote(match.mechanism().toString()))
            .append(" in=").append(clean(match.domain()));
      }
      if (result.problem() != null) {
        line.append(" problem=").append(quote(result.problem().message()));
      }
    } else {
      line.append(" sender=").append(quote(request.sender()))
          .append(" helo=").append(quote(request.heloName()));
    }
    line.append(" action=").append(decision.action().kind());
    if (!decision.note().isEmpty()) {
      line.append(" note=").append(quote(decision.note()));
    }
    long micros = decision.elapsed().toNanos() / 1000;
    line.append(" ms=").append(micros / 1000).append('.');
    long fraction = (micros % 1000) / 10;
    line.append(fraction < 10 ? "0" : "").append(fraction);
    if (level >= 2) {
      line.append(" answer=").append(quote(decision.action().line()));
    }
    if (level >= 4) {
      line.append(" request=").append(quote(request.attributes().toString()));
    }
    out.println(line);
  }

  void warn(String message) {
    if (level >= -1) {
      out.println("warning: " + clean(message));
      out.flush();
    }
  }

  void info(String message) {
    if (level >= 0) {
      out.println(clean(message));
      out.flush();
    }
  }

  void flush() {
    out.flush();
  }

  private static String quote(@Nullable String text) {
    String value = clean(text);
    return value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('"') >= 0
        ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
        : value;
  }

  private static String clean(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length() && out.length() < 1000; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
