package io.github.spfkit.dns.differential;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The README's agreement table: one row per kind, with count, who said what, verdict and section. */
final class AgreementTable {

  private AgreementTable() {}

  static String render(int cases, int agreeing, Map<String, List<Observation>> byKind, int unclassified) {
    StringBuilder out = new StringBuilder();
    out.append("| kind | cases | results | verdict | RFC 7208 |\n|---|---:|---|---|---|\n");
    out.append(String.format(Locale.ROOT, "| all three agree | %,d | spfkit = pyspf = Mail::SPF | | |%n", agreeing));
    for (Rule rule : Rules.ALL) {
      List<Observation> seen = byKind.get(rule.name());
      Set<String> patterns = new LinkedHashSet<>();
      if (seen != null) {
        seen.stream().map(Observation::pattern).sorted().forEach(patterns::add);
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| %s: %s | %,d | %s | %s | %s |%n",
              rule.name(),
              rule.summary(),
              seen == null ? 0 : seen.size(),
              patterns.isEmpty() ? "(not met by this seed)" : String.join("; ", patterns),
              rule.verdict().label(),
              rule.section()));
    }
    if (unclassified > 0) {
      out.append(String.format(Locale.ROOT, "| UNCLASSIFIED | %,d | | | |%n", unclassified));
    }
    out.append(String.format(Locale.ROOT, "%n%,d cases in all.%n", cases));
    return out.toString();
  }
}
