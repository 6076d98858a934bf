package io.github.spfkit.core;

import org.jspecify.annotations.Nullable;

/** Renders results as header fields, making text from DNS and from senders header-safe. */
final class HeaderText {
  private HeaderText() {}

  static String receivedSpf(SpfResult r) {
    StringBuilder out = new StringBuilder(200).append("Received-SPF: ").append(r.result().token());
    out.append(" (").append(comment(commentText(r))).append(")");
    StringBuilder pairs = new StringBuilder();
    // our own rendering of a parsed address: safe as it is, and an IPv6 address stays unquoted
    pairs.append("client-ip=").append(r.ip()).append(';');
    if (r.identity() == Identity.MAIL_FROM) {
      pair(pairs, "envelope-from", r.sender());
    }
    if (r.helo() != null) {
      pair(pairs, "helo", r.helo());
    }
    if (r.receiver() != null) {
      pair(pairs, "receiver", r.receiver());
    }
    pair(pairs, "identity", r.identity().token());
    MatchedTerm match = r.match();
    if (match != null) {
      pair(pairs, "mechanism", match.mechanism().toString());
    }
    Problem problem = r.problem();
    if (problem != null && (r.result() == Result.PERMERROR || r.result() == Result.TEMPERROR)) {
      pair(pairs, "problem", problem.message());
    }
    return out.append(' ').append(pairs).toString();
  }

  private static String commentText(SpfResult r) {
    String who = r.receiver() == null ? "" : r.receiver() + ": ";
    String sender = r.sender();
    String ip = r.ip().toString();
    Problem problem = r.problem();
    String reason = problem == null ? "" : ": " + problem.message();
    return switch (r.result()) {
      case PASS -> who + "domain of " + sender + " designates " + ip + " as permitted sender";
      case FAIL ->
          who + "domain of " + sender + " does not designate " + ip + " as permitted sender";
      case SOFTFAIL ->
          who
              + "domain of transitioning "
              + sender
              + " does not designate "
              + ip
              + " as permitted sender";
      case NEUTRAL -> who + ip + " is neither permitted nor denied by domain of " + sender;
      case NONE -> who + "domain of " + sender + " does not designate permitted sender hosts";
      case TEMPERROR -> who + "temporary error in processing domain of " + sender + reason;
      case PERMERROR -> who + "permanent error in processing domain of " + sender + reason;
    };
  }

  static String authenticationResultsClause(SpfResult r) {
    StringBuilder out = new StringBuilder(80).append("spf=").append(r.result().token());
    MatchedTerm match = r.match();
    Problem problem = r.problem();
    String note =
        match != null
            ? "matched " + match.mechanism() + " in " + match.domain()
            : problem != null ? problem.message() : null;
    if (note != null) {
      out.append(" (").append(comment(note)).append(')');
    }
    if (r.identity() == Identity.HELO) {
      out.append(" smtp.helo=").append(value(r.domain()));
    } else {
      out.append(" smtp.mailfrom=").append(value(r.domain()));
    }
    return out.toString();
  }

  private static void pair(StringBuilder out, String key, String rawValue) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(key).append('=').append(value(rawValue)).append(';');
  }

  /** A dot-atom as it is, anything else as a quoted-string (RFC 5322 §3.2.3, §3.2.4). */
  static String value(String raw) {
    String clean = printable(raw);
    if (!clean.isEmpty() && isDotAtom(clean)) {
      return clean;
    }
    StringBuilder out = new StringBuilder(clean.length() + 2).append('"');
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /** An RFC 5322 token: the text with everything outside atext and '.' replaced. */
  static String token(String raw) {
    String clean = printable(raw);
    StringBuilder out = new StringBuilder(clean.length());
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      out.append(isAtext(c) || c == '.' ? c : '_');
    }
    return out.length() == 0 ? "unknown" : out.toString();
  }

  /** Comment content: parentheses, backslashes and quotes as quoted-pairs. */
  static String comment(String raw) {
    String clean = printable(raw);
    StringBuilder out = new StringBuilder(clean.length() + 8);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c == '(' || c == ')' || c == '\\' || c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Visible ASCII and space only: controls (CR, LF, TAB, NUL, DEL) and non-ASCII become '?'. */
  static String printable(@Nullable String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        if (out == null) {
          out = new StringBuilder(raw.length()).append(raw, 0, i);
        }
        out.append('?');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? raw : out.toString();
  }

  private static boolean isDotAtom(String text) {
    if (text.charAt(0) == '.' || text.charAt(text.length() - 1) == '.') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (text.charAt(i - 1) == '.') {
          return false;
        }
      } else if (!isAtext(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }
}
