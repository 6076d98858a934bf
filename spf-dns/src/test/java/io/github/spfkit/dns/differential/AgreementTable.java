package io.github.spfkit.dns.differential;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agreement table the README's Conformance section shows: one row per kind (all three agree,
 * then each {@link Rule}) with its count, the references it explains, the most frequent pattern of
 * results, our verdict and the RFC section, and below it what each kind is.
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
    out.append("| kind | cases | differs from spfkit | most often | verdict | RFC 7208 |\n");
    out.append("|---|---:|---|---|---|---|\n");
    out.append(
        String.format(
            Locale.ROOT, "| all three agree | %,d | | spfkit = pyspf = Mail::SPF | | |%n", agreeing));
    for (Rule rule : Rules.ALL) {
      List<Observation> seen = byKind.getOrDefault(rule.name(), List.of());
      Map<String, Long> patterns =
          seen.stream().collect(Collectors.groupingBy(Observation::pattern, TreeMap::new, Collectors.counting()));
      String mostOften =
          patterns.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse("(none with this seed)");
      String who =
          Stream.of(Implementation.PYSPF, Implementation.MAIL_SPF)
              .filter(rule.explains()::contains)
              .map(Implementation::label)
              .collect(Collectors.joining(", "));
      out.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %,d | %s | %s | %s | %s |%n",
              rule.name(),
              seen.size(),
              who,
              mostOften,
              rule.verdict().label(),
              rule.section()));
    }
    if (unclassified > 0) {
      out.append(String.format(Locale.ROOT, "| UNCLASSIFIED | %,d | | | | |%n", unclassified));
    }
    out.append(String.format(Locale.ROOT, "| **all cases** | **%,d** | | | | |%n%n", cases));
    for (Rule rule : Rules.ALL) {
      out.append("- `").append(rule.name()).append("`: ").append(rule.summary()).append(".\n");
    }
    return out.toString();
  }
}
