package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.record.SyntaxError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code spf check}: the text a person reads and the JSON object scripts read. The
 * JSON is contract v1, described by {@code examples/schemas/check.schema.json}: keys in
 * lowerCamelCase, enum values in lower-case kebab case, every field always present ({@code null}
 * when it does not apply). Stateless.
 */
final class CheckOutput {
  private static final int LABEL_WIDTH = 14;

  private CheckOutput() {}

  /** The {@code spf check --json} document: {@code schemaVersion}, then {@link #fields}. */
  static Map<String, @Nullable Object> document(SpfResult result, boolean trace, Limits limits) {
    return Json.document(fields(result, trace, limits));
  }

  /**
   * The fields of one check, without {@code schemaVersion} (also a diagnosis's {@code spf} and a
   * batch line's body); with {@code trace}, the evaluation tree under {@code trace}.
   */
  static Map<String, @Nullable Object> fields(SpfResult result, boolean trace, Limits limits) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("result", result.result().token());
    out.put("identity", result.identity().token());
    out.put("domain", result.domain());
    out.put("sender", result.sender());
    out.put("ip", result.ip().toString());
    out.put("helo", result.helo());
    out.put("receiver", result.request().receiver());
    MatchedTerm match = result.match();
    out.put("mechanism", match == null ? null : match.toString());
    out.put("mechanismDomain", match == null ? null : match.domain());
    out.put("explanation", result.explanation());
    out.put("problem", problem(result.problem()));
    out.put("dnsTerms", result.dnsTerms());
    out.put("dnsTermLimit", limits.maxDnsTerms());
    out.put("voidLookups", result.voidLookups());
    out.put("voidLookupLimit", limits.maxVoidLookups());
    out.put("dnsQueries", result.dnsQueries());
    out.put("receivedSpf", result.receivedSpf());
    out.put("authenticationResults", result.authenticationResultsClause());
    if (trace) {
      out.put("trace", domain(result.trace().root()));
    }
    return out;
  }

  /** The result for people: one labelled line per fact, then the header fields. */
  static List<String> text(SpfResult result, Limits limits) {
    List<String> lines = new ArrayList<>();
    line(lines, "Result", result.result().token());
    line(lines, "Identity", result.identity().token() + " " + result.sender());
    line(lines, "Client IP", result.ip().toString());
    if (result.helo() != null) {
      line(lines, "HELO", result.helo());
    }
    line(lines, "Domain", result.domain());
    MatchedTerm match = result.match();
    line(lines, "Mechanism", match == null ? "(none)" : match + " in " + match.domain());
    if (result.explanation() != null) {
      line(lines, "Explanation", result.explanation());
    }
    Problem problem = result.problem();
    if (problem != null) {
      String message = problem.message();
      line(
          lines,
          "Problem",
          message.contains(problem.domain()) ? message : message + " (" + problem.domain() + ")");
    }
    line(
        lines,
        "Lookups",
        result.dnsTerms()
            + " of "
            + limits.maxDnsTerms()
            + " DNS-querying terms, "
            + result.voidLookups()
            + " of "
            + limits.maxVoidLookups()
            + " void lookups, "
            + result.dnsQueries()
            + (result.dnsQueries() == 1 ? " DNS query" : " DNS queries"));
    lines.add("");
    lines.add(result.receivedSpf());
    lines.add("Authentication-Results clause: " + result.authenticationResultsClause());
    return lines;
  }

  private static void line(List<String> lines, String label, String value) {
    lines.add(String.format("%-" + LABEL_WIDTH + "s%s", label + ":", value));
  }

  static @Nullable Map<String, @Nullable Object> problem(@Nullable Problem problem) {
    if (problem == null) {
      return null;
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("kind", Json.kebab(problem.kind()));
    out.put("message", problem.message());
    out.put("domain", problem.domain());
    SyntaxError syntax = problem.syntaxError();
    out.put("position", syntax == null ? null : syntax.position());
    out.put("hint", syntax == null ? null : syntax.hint());
    return out;
  }

  private static Map<String, @Nullable Object> domain(Trace.Domain domain) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("domain", domain.domain());
    out.put("via", Texts.via(domain.via()));
    out.put("record", domain.record());
    out.put("result", domain.result().token());
    out.put("dnsTerms", domain.dnsTerms());
    out.put("queries", lookups(domain.lookups()));
    List<Map<String, @Nullable Object>> terms = new ArrayList<>();
    for (Trace.TermStep step : domain.terms()) {
      Map<String, @Nullable Object> term = new LinkedHashMap<>();
      term.put("term", step.term());
      term.put("outcome", Json.kebab(step.outcome()));
      term.put("target", step.target());
      term.put("detail", step.detail());
      term.put("queries", lookups(step.lookups()));
      Trace.Domain nested = step.nested();
      term.put("nested", nested == null ? null : domain(nested));
      terms.add(term);
    }
    out.put("terms", terms);
    return out;
  }

  private static List<Map<String, @Nullable Object>> lookups(List<Trace.Lookup> lookups) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Trace.Lookup lookup : lookups) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("name", lookup.name());
      item.put("type", Json.kebab(lookup.type()));
      item.put("answer", Texts.answerKind(lookup.answer()));
      DnsAnswer answer = lookup.answer();
      item.put("data", answer instanceof DnsAnswer.Records records ? records.data() : List.of());
      item.put(
          "reason",
          answer instanceof DnsAnswer.TemporaryFailure failure ? failure.reason() : null);
      out.add(item);
    }
    return out;
  }
}
