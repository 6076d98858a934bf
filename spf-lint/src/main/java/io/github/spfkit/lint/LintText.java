package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LintReport} as plain text: the tree of records with the DNS-querying terms each
 * node counts, every counted term with its queries for IPv4 and IPv6 senders and the rule that
 * counts it, the void lookups of each family under both readings, then the findings, errors first.
 * The drawing uses ASCII connectors, so it survives any terminal; text from DNS is printed as it came (a caller writing
 * to a terminal should escape control characters). Stateless and thread safe.
 *
 * <pre>
 * example.com  (4 DNS-querying terms, 3 here)
 * +-- v=spf1 a:out1.example.com ... include:_spf.example.net -all
 * `-- include:_spf.example.net  (1 DNS-querying term)
 *     `-- v=spf1 ip4:198.51.100.0/24 -all
 * </pre>
 */
public final class LintText {
  private LintText() {}

  /**
   * The whole report as lines.
   *
   * @param report the report to draw
   * @return the lines, without line ends
   */
  public static List<String> lines(LintReport report) {
    Limits limits = report.limits();
    List<String> lines = new ArrayList<>();
    LintNode tree = report.tree();
    if (tree == null) {
      lines.add(report.domain() + ": no SPF tree could be read");
    } else {
      draw(tree, "", "", lines);
    }
    lines.add("");
    lines.add(
        "DNS-querying terms: " + report.lookups() + " of " + limits.maxDnsTerms()
            + " (RFC 7208 §4.6.4), counted as if nothing matched:");
    for (CountedTerm term : report.terms()) {
      lines.add(
          String.format(Locale.ROOT, "%4d  %s  (%s at %d)%s", term.ordinal(), term.term(),
              term.domain(), term.position(),
              term.ordinal() == limits.maxDnsTerms() + 1
                  ? "  <- over the limit: receivers stop here with permerror"
                  : term.overLimit() ? "  <- over the limit" : ""));
      for (TermQuery query : term.queries()) {
        lines.add("        " + query(query));
      }
      if (term.note() != null) {
        lines.add("        " + term.note());
      }
    }
    if (report.terms().isEmpty()) {
      lines.add("  none");
    }
    lines.add("");
    lines.add(
        "Void lookups (limit " + limits.maxVoidLookups() + "; "
            + (limits.voidLookupCounting() == Limits.VoidLookupCounting.EVERY_QUERY
                ? "counted on every query" : "counted on each term's first query")
            + "):");
    for (VoidCount count : report.voids()) {
      lines.add(
          "  " + count.family().label() + " senders: " + count.everyQuery() + " counting every query"
              + (count.names().isEmpty() ? "" : " (" + String.join(", ", count.names()) + ")")
              + ", " + count.firstQueryOfTerm() + " counting each term's first query");
    }
    lines.add("");
    if (report.findings().isEmpty()) {
      lines.add("No findings.");
      return lines;
    }
    lines.add("Findings:");
    for (Finding finding : report.findings()) {
      lines.add(finding(finding));
    }
    return lines;
  }

  /**
   * The whole report as one text, each line ended by {@code \n}.
   *
   * @param report the report to draw
   * @return the text
   */
  public static String render(LintReport report) {
    StringBuilder out = new StringBuilder();
    for (String line : lines(report)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * One finding on one line: {@code error   TOO_MANY_LOOKUPS (example.com at 7): message}.
   *
   * @param finding the finding
   * @return the line, indented by two spaces
   */
  public static String finding(Finding finding) {
    String where = finding.domain() + (finding.position() == null ? "" : " at " + finding.position());
    return String.format(
        Locale.ROOT,
        "  %-8s%s (%s): %s",
        finding.severity().name().toLowerCase(Locale.ROOT),
        finding.code().name(),
        where,
        finding.message());
  }

  private static String query(TermQuery query) {
    String who = query.family() == null ? "all senders" : query.family().label();
    String what =
        switch (query.outcome()) {
          case RECORDS -> String.join(" ", query.data());
          case NO_RECORDS -> "no records, void";
          case NO_SUCH_DOMAIN -> "no such name, void";
          case FAILED -> "failed";
        };
    return who + ": " + query + ": " + what
        + (query.rule() == Rule.MX_HOST_ADDRESS ? "  [MX host address: void counts per query only]" : "");
  }

  private static void draw(LintNode node, String first, String rest, List<String> lines) {
    int own = node.ownLookups();
    lines.add(
        first
            + (node.via() == Trace.Via.CHECK ? "" : (node.via() == Trace.Via.REDIRECT ? "redirect=" : "include:"))
            + node.domain()
            + "  ("
            + node.lookups()
            + " DNS-querying term"
            + (node.lookups() == 1 ? "" : "s")
            + (node.lookups() == own ? "" : ", " + own + " here")
            + ")");
    List<String> labels = new ArrayList<>();
    labels.add(node.record() == null ? "(no SPF record)" : node.record());
    int count = 1 + node.children().size();
    lines.add(rest + (count == 1 ? "`-- " : "+-- ") + labels.get(0));
    for (int i = 0; i < node.children().size(); i++) {
      boolean last = i == node.children().size() - 1;
      draw(
          node.children().get(i),
          rest + (last ? "`-- " : "+-- "),
          rest + (last ? "    " : "|   "),
          lines);
    }
  }
}
