package io.github.spfkit.dns.differential;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agreement table the README's Conformance section shows: one row per kind (all three agree,
 * then each {@link Rule}) with its count, who said what, our verdict and the RFC section, and
 * below it what each kind is.
 */
final class AgreementTable {

  private AgreementTable() {}

  /**
   * Renders the table as Markdown.
   *
   * @param cases how many cases ran
   * @param agreeing how many of them all three agreed on
   * @param byKind the disagreeing observations by rule name
   * @param unclassified how many disagreements no rule matched
   */
  static String render(
      int cases, int agreeing, Map<String, List<Observation>> byKind, int unclassified) {
    StringBuilder out = new StringBuilder();
    out.append("| kind | cases | results seen | verdict | RFC 7208 |\n");
    out.append("|---|---:|---|---|---|\n");
    out.append(
        String.format(
            Locale.ROOT, "| all three agree | %,d | spfkit = pyspf = Mail::SPF | | |%n", agreeing));
    for (Rule rule : Rules.ALL) {
      List<Observation> seen = byKind.getOrDefault(rule.name(), List.of());
      Set<String> patterns = new LinkedHashSet<>();
      seen.stream().map(Observation::pattern).sorted().forEach(patterns::add);
      out.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %,d | %s | %s | %s |%n",
              rule.name(),
              seen.size(),
              patterns.isEmpty() ? "(none with this seed)" : String.join("<br>", patterns),
              rule.verdict().label(),
              rule.section()));
    }
    if (unclassified > 0) {
      out.append(String.format(Locale.ROOT, "| UNCLASSIFIED | %,d | | | |%n", unclassified));
    }
    out.append(String.format(Locale.ROOT, "| **all cases** | **%,d** | | | |%n%n", cases));
    for (Rule rule : Rules.ALL) {
      out.append("- `").append(rule.name()).append("`: ").append(rule.summary()).append(".\n");
    }
    return out.toString();
  }
}
