package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short texts shared by the text outputs. Stateless. */
final class Texts {
  /** The width text output is wrapped to. */
  static final int WIDTH = 78;

  private Texts() {}

  /** {@code 1 lookup}, {@code 2 lookups}. */
  static String count(int n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }

  /** The result's RFC token, {@code pass}, {@code softfail}, ... */
  static String result(Result result) {
    return result.token();
  }

  /** What a lookup answered, on one line: records, NODATA, NXDOMAIN or the failure. */
  static String answer(DnsAnswer answer) {
    if (answer instanceof DnsAnswer.Records records) {
      List<String> shown = new ArrayList<>();
      for (String data : records.data()) {
        shown.add(quoteIfText(data));
      }
      return String.join(", ", shown);
    } else if (answer instanceof DnsAnswer.NoRecords) {
      return "no records (NODATA)";
    } else if (answer instanceof DnsAnswer.NoSuchDomain) {
      return "no such domain (NXDOMAIN)";
    } else if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      return "temporary failure: " + failure.reason();
    }
    throw new IllegalArgumentException("unknown answer " + answer);
  }

  /** One lookup as {@code TXT example.com -> "v=spf1 -all"}. */
  static String lookup(Trace.Lookup lookup) {
    return lookup.type() + " " + lookup.name() + " -> " + answer(lookup.answer());
  }

  /** The answer's kind as JSON names it. */
  static String answerKind(DnsAnswer answer) {
    if (answer instanceof DnsAnswer.Records) {
      return "records";
    } else if (answer instanceof DnsAnswer.NoRecords) {
      return "nodata";
    } else if (answer instanceof DnsAnswer.NoSuchDomain) {
      return "nxdomain";
    }
    return "failure";
  }

  /** {@code no match}, {@code match}, {@code error}, {@code applied}. */
  static String outcome(Trace.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** {@code check}, {@code include}, {@code redirect}. */
  static String via(Trace.Via via) {
    return via.name().toLowerCase(Locale.ROOT);
  }

  private static String quoteIfText(String data) {
    boolean plain = data.chars().allMatch(c -> c > ' ' && c < 127);
    return plain && !data.startsWith("v=") ? data : '"' + escape(data) + '"';
  }

  /**
   * Makes a line safe for a terminal: text from DNS and from bounces is untrusted, and control
   * characters (ESC sequences that recolour or rewrite the screen, CR that overwrites a line) and
   * bidirectional overrides (which reorder what is shown) are written as a backslash, {@code x} or
   * {@code u}, and the character's hex code. Printable text in any script is kept.
   */
  static String printable(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean unsafe =
          (c < ' ' && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200e
              || c == 0x200f;
      if (unsafe && out == null) {
        out = new StringBuilder(line.length() + 8).append(line, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(String.format(Locale.ROOT, c <= 0xff ? "\\x%02x" : "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? line : out.toString();
  }

  /** Makes text from DNS printable on one line: control and non-ASCII characters as escapes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < ' ' || c >= 127) {
        out.append(String.format(Locale.ROOT, "\\%03d", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Wraps {@code text} at word boundaries to {@value #WIDTH} columns; a long word stays whole. */
  static void wrap(List<String> lines, String firstPrefix, String nextPrefix, String text) {
    String prefix = firstPrefix;
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
        lines.add(prefix + line);
        prefix = nextPrefix;
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(prefix + line);
  }
}
