package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.lint.CountedTerm;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.LintText;
import io.github.spfkit.lint.TermQuery;
import io.github.spfkit.lint.VoidCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code spf lint}: the text is spf-lint's {@link LintText}; the JSON (a contract,
 * {@code examples/schemas/lint.schema.json}) starts with {@code schemaVersion} 1, then {@code
 * domain}, {@code whatIf}, {@code lookups}, {@code limits}, {@code voidLookups}, {@code voidNames},
 * {@code voids} per family, {@code errors}, {@code findings}, {@code terms} (each counted term with
 * its queries and rules) and {@code tree}. Keys are lowerCamelCase, enum values lower-case kebab.
 * Stateless.
 */
final class LintOutput {
  /** The version of the JSON documents this tool writes. */
  static final int SCHEMA_VERSION = 1;

  private LintOutput() {}

  static Map<String, @Nullable Object> json(LintReport report) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("schemaVersion", SCHEMA_VERSION);
    out.put("domain", report.domain());
    out.put("whatIf", report.whatIf());
    out.put("dnsTerms", report.lookups());
    out.put("limits", limits(report.limits()));
    out.put("voidLookups", report.voidLookups());
    out.put("voidNames", report.voidNames());
    List<Map<String, @Nullable Object>> voids = new ArrayList<>();
    for (VoidCount count : report.voids()) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("family", count.family().kebab());
      item.put("everyQuery", count.everyQuery());
      item.put("firstQueryOfTerm", count.firstQueryOfTerm());
      item.put("names", count.names());
      voids.add(item);
    }
    out.put("voids", voids);
    out.put("errors", report.hasErrors());
    out.put("findings", findings(report.findings()));
    List<Map<String, @Nullable Object>> terms = new ArrayList<>();
    for (CountedTerm term : report.terms()) {
      terms.add(term(term));
    }
    out.put("terms", terms);
    LintNode tree = report.tree();
    out.put("tree", tree == null ? null : node(tree));
    return out;
  }

  private static Map<String, @Nullable Object> limits(Limits limits) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("maxDnsTerms", limits.maxDnsTerms());
    out.put("maxVoidLookups", limits.maxVoidLookups());
    out.put("voidLookupCounting", Json.kebab(limits.voidLookupCounting()));
    return out;
  }

  /** The findings as {@code lint --json} and {@code diagnose --json} write them. */
  static List<Map<String, @Nullable Object>> findings(List<Finding> findings) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("code", finding.code().kebab());
      item.put("severity", Json.kebab(finding.severity()));
      item.put("message", finding.message());
      item.put("position", finding.position());
      item.put("domain", finding.domain());
      out.add(item);
    }
    return out;
  }

  private static Map<String, @Nullable Object> term(CountedTerm term) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("ordinal", term.ordinal());
    out.put("domain", term.domain());
    out.put("term", term.term());
    out.put("position", term.position());
    out.put("rule", term.rule().kebab());
    out.put("overLimit", term.overLimit());
    out.put("note", term.note());
    List<Map<String, @Nullable Object>> queries = new ArrayList<>();
    for (TermQuery query : term.queries()) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("family", query.family() == null ? null : query.family().kebab());
      item.put("type", query.type().name());
      item.put("name", query.name());
      item.put("outcome", query.outcome().kebab());
      item.put("data", query.data());
      item.put("rule", query.rule().kebab());
      item.put("void", query.isVoid());
      queries.add(item);
    }
    out.put("queries", queries);
    return out;
  }

  private static Map<String, @Nullable Object> node(LintNode node) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("domain", node.domain());
    out.put("via", Texts.via(node.via()));
    out.put("record", node.record());
    out.put("dnsTerms", node.lookups());
    out.put("ownDnsTerms", node.ownLookups());
    List<Map<String, @Nullable Object>> children = new ArrayList<>();
    for (LintNode child : node.children()) {
      children.add(node(child));
    }
    out.put("children", children);
    return out;
  }

  /**
   * Each finding of a diagnosis's lint, wrapped, for {@code spf diagnose}: {@code error
   * TOO_MANY_LOOKUPS (example.com): message}, or {@code (example.com at 7)} when it has a position.
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

  /** The report as spf-lint draws it. */
  static List<String> text(LintReport report) {
    return LintText.lines(report);
  }

  /** {@code {"schemaVersion": 1, "error": {"code": ..., "message": ...}}}. */
  static Map<String, @Nullable Object> error(String code, String message) {
    Map<String, @Nullable Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("schemaVersion", SCHEMA_VERSION);
    out.put("error", error);
    return out;
  }
}
