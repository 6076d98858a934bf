package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an evaluation {@link Trace} as a {@link TextTree}: each domain with why it was visited,
 * its result and the DNS-querying terms it and its includes used; beneath it the lookups that
 * fetched its record and each term evaluated, with the term's lookups and, for {@code include}
 * and {@code redirect}, the nested domain. Stateless.
 */
final class TraceTree {
  private TraceTree() {}

  static TextTree of(Trace trace) {
    return domain(trace.root());
  }

  private static TextTree domain(Trace.Domain domain) {
    List<TextTree> children = new ArrayList<>();
    for (Trace.Lookup lookup : domain.lookups()) {
      children.add(TextTree.leaf(Texts.lookup(lookup)));
    }
    String record = domain.record();
    if (record != null && !fetched(domain.lookups(), record)) {
      // a what-if record, or one picked from several answers: say which was evaluated
      children.add(TextTree.leaf("record: " + record));
    }
    for (Trace.TermStep step : domain.terms()) {
      children.add(term(step));
    }
    String label =
        domain.domain()
            + " ["
            + Texts.via(domain.via())
            + "] -> "
            + Texts.result(domain.result())
            + " ("
            + Texts.count(domain.dnsTerms(), "lookup")
            + ")";
    return new TextTree(label, children);
  }

  private static boolean fetched(List<Trace.Lookup> lookups, String record) {
    if (lookups.size() != 1) {
      return false;
    }
    return lookups.get(0).answer() instanceof DnsAnswer.Records records
        && records.data().size() == 1
        && records.data().get(0).equals(record);
  }

  private static TextTree term(Trace.TermStep step) {
    StringBuilder label = new StringBuilder(step.term()).append(": ").append(Texts.outcome(step.outcome()));
    if (step.detail() != null) {
      label.append(" (").append(step.detail()).append(')');
    }
    List<TextTree> children = new ArrayList<>();
    for (Trace.Lookup lookup : step.lookups()) {
      children.add(TextTree.leaf(Texts.lookup(lookup)));
    }
    Trace.Domain nested = step.nested();
    if (nested != null) {
      children.add(domain(nested));
    }
    return new TextTree(label.toString(), children);
  }
}
