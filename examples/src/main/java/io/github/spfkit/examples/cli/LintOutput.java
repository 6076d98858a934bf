package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Trace;
import io.github.spfkit.diagnosis.lint.Finding;
import io.github.spfkit.diagnosis.lint.LintNode;
import io.github.spfkit.diagnosis.lint.LintReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code spf lint}. JSON fields (a contract): {@code domain}, {@code lookups},
 * {@code voidLookups}, {@code findings} [{@code code}, {@code severity}, {@code message}, {@code
 * position} (0-based offset in the record, or null), {@code domain}], {@code tree}. Stateless.
 */
final class LintOutput {
  private LintOutput() {}

  static Map<String, @Nullable Object> json(LintReport report) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("domain", report.domain());
    out.put("whatIf", report.whatIf());
    out.put("lookups", report.lookups());
    out.put("voidLookups", report.voidLookups());
    out.put("voidNames", report.voidNames());
    out.put("errors", report.hasErrors());
    out.put("findings", findings(report.findings()));
    LintNode tree = report.tree();
    out.put("tree", tree == null ? null : node(tree));
    return out;
  }

  static List<Map<String, @Nullable Object>> findings(List<Finding> findings) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("code", finding.code().name());
      item.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
      item.put("message", finding.message());
      item.put("position", finding.position());
      item.put("domain", finding.domain());
      out.add(item);
    }
    return out;
  }

  private static Map<String, @Nullable Object> node(LintNode node) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("domain", node.domain());
    out.put("via", Texts.via(node.via()));
    out.put("record", node.record());
    out.put("lookups", node.lookups());
    out.put("ownLookups", node.ownLookups());
    List<Map<String, @Nullable Object>> children = new ArrayList<>();
    for (LintNode child : node.children()) {
      children.add(node(child));
    }
    out.put("children", children);
    return out;
  }

  /** The tree, the totals, then the findings, errors first. */
  static List<String> text(LintReport report, Limits limits) {
    List<String> lines = new ArrayList<>();
    LintNode tree = report.tree();
    if (tree == null) {
      lines.add(report.domain() + ": no SPF tree could be read");
    } else {
      lines.addAll(tree(tree).lines());
    }
    lines.add("");
    lines.add(
        "Lookups: "
            + report.lookups()
            + " of "
            + limits.maxDnsTerms()
            + " DNS-querying terms, "
            + report.voidLookups()
            + " of "
            + limits.maxVoidLookups()
            + " void lookups"
            + (report.voidNames().isEmpty() ? "" : " (" + String.join(", ", report.voidNames()) + ")"));
    lines.add("");
    if (report.findings().isEmpty()) {
      lines.add("No findings.");
      return lines;
    }
    lines.add("Findings:");
    lines.addAll(findingLines(report.findings(), "  "));
    return lines;
  }

  /**
   * Each finding, wrapped: {@code error   TOO_MANY_LOOKUPS (example.com): message}, or {@code
   * (example.com at 7)} when it has a position in the record.
   */
  static List<String> findingLines(List<Finding> findings, String indent) {
    List<String> lines = new ArrayList<>();
    for (Finding finding : findings) {
      String where =
          finding.domain() + (finding.position() == null ? "" : " at " + finding.position());
      String severity =
          String.format(Locale.ROOT, "%-8s", finding.severity().name().toLowerCase(Locale.ROOT));
      Texts.wrap(
          lines,
          indent + severity,
          indent + " ".repeat(severity.length()),
          finding.code().name() + " (" + where + "): " + finding.message());
    }
    return lines;
  }

  static TextTree tree(LintNode node) {
    List<TextTree> children = new ArrayList<>();
    children.add(TextTree.leaf(node.record() == null ? "(no SPF record)" : node.record()));
    for (LintNode child : node.children()) {
      children.add(tree(child));
    }
    String label =
        (node.via() == Trace.Via.CHECK ? "" : Texts.via(node.via()) + " ")
            + node.domain()
            + "  ("
            + Texts.count(node.lookups(), "lookup")
            + (node.lookups() == node.ownLookups() ? "" : ", " + node.ownLookups() + " here")
            + ")";
    return new TextTree(label, children);
  }
}
