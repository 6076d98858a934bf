package io.github.spfkit.core;

import io.github.spfkit.core.dns.DnsAnswer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Trace} as a tree of one-line labels with ASCII connectors, for {@link
 * Trace#lines()} and the {@code toString()} of the trace's parts:
 *
 * <pre>
 * example.com [check] -&gt; pass (2 lookups)
 * +-- TXT example.com -&gt; "v=spf1 mx include:_spf.example.net -all"
 * +-- mx: no match
 * |   +-- MX example.com -&gt; mail.example.com
 * |   `-- A mail.example.com -&gt; 192.0.2.10
 * `-- include:_spf.example.net: match
 *     `-- _spf.example.net [include] -&gt; pass (0 lookups)
 *         +-- TXT _spf.example.net -&gt; "v=spf1 ip4:198.51.100.0/25 -all"
 *         `-- ip4:198.51.100.0/25: match
 * </pre>
 *
 * <p>Text that came from DNS is untrusted: a TXT answer that is not a plain token is quoted with
 * its quotes and backslashes escaped and its control and non-ASCII characters written as {@code
 * \DDD}, one per UTF-8 byte (RFC 1035 §5.1), and in every other label control characters and bidirectional overrides are written as
 * {@code \xHH} or <code>&#92;uHHHH</code>, so each label stays on its line and reads as it is. Stateless.
 */
final class TraceText {
  private TraceText() {}

  /** The lines of a domain's subtree, its own label first. */
  static List<String> lines(Trace.Domain domain) {
    List<String> lines = new ArrayList<>();
    lines.add(label(domain));
    domainChildren(domain, "", lines);
    return lines;
  }

  /** The lines of a term's subtree, its own label first. */
  static List<String> lines(Trace.TermStep step) {
    List<String> lines = new ArrayList<>();
    lines.add(label(step));
    termChildren(step, "", lines);
    return lines;
  }

  /** One lookup as {@code TXT example.com -> "v=spf1 -all"}. */
  static String lookup(Trace.Lookup lookup) {
    return lookup.type() + " " + printable(lookup.name()) + " -> " + answer(lookup.answer());
  }

  /** The lines joined by line feeds, without a final one. */
  static String text(List<String> lines) {
    return String.join("\n", lines);
  }

  private static String label(Trace.Domain domain) {
    int terms = domain.dnsTerms();
    return printable(domain.domain())
        + " ["
        + domain.via().name().toLowerCase(Locale.ROOT)
        + "] -> "
        + domain.result().token()
        + " ("
        + terms
        + (terms == 1 ? " lookup)" : " lookups)");
  }

  private static String label(Trace.TermStep step) {
    StringBuilder label =
        new StringBuilder(printable(step.term()))
            .append(": ")
            .append(step.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    String detail = step.detail();
    if (detail != null) {
      label.append(" (").append(printable(detail)).append(')');
    }
    return label.toString();
  }

  /** Beneath a domain: the lookups that fetched its record, the record if not one of them, its terms. */
  private static void domainChildren(Trace.Domain domain, String prefix, List<String> lines) {
    String record = domain.record();
    boolean recordLine = record != null && !fetched(domain.lookups(), record);
    int count = domain.lookups().size() + (recordLine ? 1 : 0) + domain.terms().size();
    int index = 0;
    for (Trace.Lookup lookup : domain.lookups()) {
      leaf(lookup(lookup), prefix, ++index == count, lines);
    }
    if (record != null && recordLine) {
      // a what-if record, or one picked from several answers: say which was evaluated
      leaf("record: " + printable(record), prefix, ++index == count, lines);
    }
    for (Trace.TermStep step : domain.terms()) {
      boolean last = ++index == count;
      lines.add(prefix + (last ? "`-- " : "+-- ") + label(step));
      termChildren(step, prefix + (last ? "    " : "|   "), lines);
    }
  }

  /** Beneath a term: its lookups, then the domain an include or redirect evaluated. */
  private static void termChildren(Trace.TermStep step, String prefix, List<String> lines) {
    Trace.Domain nested = step.nested();
    int count = step.lookups().size() + (nested != null ? 1 : 0);
    int index = 0;
    for (Trace.Lookup lookup : step.lookups()) {
      leaf(lookup(lookup), prefix, ++index == count, lines);
    }
    if (nested != null) {
      lines.add(prefix + "`-- " + label(nested));
      domainChildren(nested, prefix + "    ", lines);
    }
  }

  private static void leaf(String label, String prefix, boolean last, List<String> lines) {
    lines.add(prefix + (last ? "`-- " : "+-- ") + label);
  }

  /** Whether the record is the one answer of the one lookup shown above it. */
  private static boolean fetched(List<Trace.Lookup> lookups, String record) {
    return lookups.size() == 1
        && lookups.get(0).answer() instanceof DnsAnswer.Records records
        && records.data().size() == 1
        && records.data().get(0).equals(record);
  }

  /** What a lookup answered, on one line: records, NODATA, NXDOMAIN or the failure. */
  private static String answer(DnsAnswer answer) {
    if (answer instanceof DnsAnswer.Records records) {
      StringBuilder out = new StringBuilder();
      for (String data : records.data()) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(quoteIfText(data));
      }
      return out.toString();
    }
    if (answer instanceof DnsAnswer.NoRecords) {
      return "no records (NODATA)";
    }
    if (answer instanceof DnsAnswer.NoSuchDomain) {
      return "no such domain (NXDOMAIN)";
    }
    return "temporary failure: " + printable(((DnsAnswer.TemporaryFailure) answer).reason());
  }

  /** An address or host name as it is; a record's text, an empty text or anything not plain, quoted. */
  private static String quoteIfText(String data) {
    boolean plain = true;
    for (int i = 0; i < data.length() && plain; i++) {
      char c = data.charAt(i);
      plain = c > ' ' && c < 127;
    }
    return plain && !data.isEmpty() && !data.startsWith("v=") ? data : '"' + escape(data) + '"';
  }

  /**
   * Quotes and backslashes escaped, control and non-ASCII characters as {@code \DDD}, one for each
   * byte of the character in UTF-8 (RFC 1035 §5.1).
   */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < ' ' || c >= 127) {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.append(String.format(Locale.ROOT, "\\%03d", b & 0xff));
        }
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /**
   * The text with control characters (line breaks, ESC sequences, CR) and bidirectional
   * overrides written as {@code \xHH} or <code>&#92;uHHHH</code>; printable text in any script is kept.
   */
  static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe =
          (c < ' ' && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200e
              || c == 0x200f;
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(String.format(Locale.ROOT, c <= 0xff ? "\\x%02x" : "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
