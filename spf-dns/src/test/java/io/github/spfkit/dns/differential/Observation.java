package io.github.spfkit.dns.differential;

import io.github.spfkit.core.Problem;
import io.github.spfkit.core.SpfResult;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One case and what each implementation made of it.
 *
 * @param c the case
 * @param spfkitResult this library's full result (trace, counters, problem) for the rules to look at
 * @param outcomes every implementation's outcome, this library's included
 */
record Observation(DiffCase c, SpfResult spfkitResult, Map<Implementation, Outcome> outcomes) {

  Observation {
    Objects.requireNonNull(c, "c");
    outcomes = Map.copyOf(new EnumMap<>(outcomes));
  }

  /** The result code of {@code implementation}. */
  String result(Implementation implementation) {
    return outcomes.get(implementation).result();
  }

  String ours() {
    return result(Implementation.SPFKIT);
  }

  String pyspf() {
    return result(Implementation.PYSPF);
  }

  String mailSpf() {
    return result(Implementation.MAIL_SPF);
  }

  /** Whether the generator put {@code fact} into the case. */
  boolean has(Fact fact) {
    return c.facts().contains(fact);
  }

  /** What {@code implementation} said about its result (matched term or error). */
  String detail(Implementation implementation) {
    return outcomes.get(implementation).detail();
  }

  /** The explanation {@code implementation} gave, or null. */
  @Nullable String explanation(Implementation implementation) {
    return outcomes.get(implementation).explanation();
  }

  /** Whether this library's result has a problem of {@code kind}. */
  boolean ourProblem(Problem.Kind kind) {
    return spfkitResult.problem() != null && spfkitResult.problem().kind() == kind;
  }

  /**
   * Whether this library's syntax error lies after the term pyspf matched, in the same record:
   * the error is in a term the references never reach.
   */
  boolean ourSyntaxErrorAfterPyspfMatch() {
    Problem problem = spfkitResult.problem();
    if (problem == null || problem.syntaxError() == null) {
      return false;
    }
    String matched = detail(Implementation.PYSPF);
    if (matched.isEmpty()) {
      return false;
    }
    for (World.Rr rr : c.records()) {
      String text = String.join("", rr.data());
      if (rr.type().equals("TXT")
          && rr.owner().equalsIgnoreCase(problem.domain())
          && text.regionMatches(true, 0, "v=spf1", 0, 6)) {
        int at = text.indexOf(matched);
        return at >= 0 && at < problem.syntaxError().position();
      }
    }
    return false;
  }

  /** Whether some TXT record of the case matches {@code regex} (a find, not a full match). */
  boolean anyTxt(String regex) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    return c.records().stream()
        .filter(rr -> rr.type().equals("TXT"))
        .anyMatch(rr -> pattern.matcher(String.join("", rr.data())).find());
  }

  /** Whether the client is an IPv6 address (an IPv4-mapped one is not). */
  boolean ip6Client() {
    return c.ip().indexOf(':') >= 0 && !has(Fact.MAPPED_CLIENT);
  }

  /**
   * Whether {@code reference} differs from this library: another result code, or for {@code fail}
   * from both, another explanation.
   */
  boolean differs(Implementation reference) {
    if (!result(reference).equals(ours())) {
      return true;
    }
    return ours().equals("fail")
        && !Objects.equals(explanation(Implementation.SPFKIT), explanation(reference));
  }

  /** Whether both say {@code fail} and their explanations differ only in delimiter characters. */
  boolean explanationsDifferInDelimitersOnly(Implementation reference) {
    String ours = explanation(Implementation.SPFKIT);
    String theirs = explanation(reference);
    if (!ours().equals("fail") || !result(reference).equals("fail") || ours == null || theirs == null) {
      return false;
    }
    String delimiters = "[-.+,/_=]";
    return ours.length() == theirs.length()
        && ours.replaceAll(delimiters, ".").equals(theirs.replaceAll(delimiters, "."));
  }

  /** Whether both references give this library's result (and, for fail, its explanation). */
  boolean agrees() {
    return !differs(Implementation.PYSPF) && !differs(Implementation.MAIL_SPF);
  }

  /** Who said what, e.g. {@code spfkit, pyspf: permerror / Mail::SPF: pass}. */
  String pattern() {
    Map<String, List<String>> byResult = new LinkedHashMap<>();
    for (Implementation i : Implementation.values()) {
      byResult.computeIfAbsent(result(i), r -> new java.util.ArrayList<>()).add(i.label());
    }
    return byResult.entrySet().stream()
        .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
        .collect(Collectors.joining(" / "));
  }

  /** The case and every outcome, for a failure message. */
  String describe() {
    StringBuilder out = new StringBuilder(c.describe());
    for (Implementation i : Implementation.values()) {
      out.append("  => ").append(i.label()).append(": ").append(outcomes.get(i)).append('\n');
    }
    out.append("  spfkit counted ")
        .append(spfkitResult.dnsTerms())
        .append(" DNS terms, ")
        .append(spfkitResult.voidLookups())
        .append(" void lookups\n");
    return out.toString();
  }
}
