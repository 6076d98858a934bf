package io.github.spfkit.core.internal;

import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects one term's {@link Trace.TermStep} while it is evaluated: its target, its lookups and
 * the policy it evaluated. Only the trace: what the term gave is its {@link TermVerdict}. Not
 * thread safe (a term's steps run one after another).
 */
final class TermTrace {
  private final String term;
  private @Nullable String target;
  private Trace.@Nullable Lookup first;
  private @Nullable List<Trace.Lookup> more;
  private Trace.@Nullable Domain nested;

  TermTrace(String term) {
    this.term = term;
  }

  void target(String name) {
    this.target = name;
  }

  void nested(Trace.Domain domain) {
    this.nested = domain;
  }

  void lookup(String name, RecordType type, DnsAnswer answer) {
    Trace.Lookup lookup = new Trace.Lookup(name, type, answer);
    if (first == null) {
      first = lookup;
      return;
    }
    List<Trace.Lookup> list = more;
    if (list == null) {
      list = new ArrayList<>(4);
      list.add(first);
      more = list;
    }
    list.add(lookup);
  }

  /** The step for what the term gave. */
  Trace.TermStep build(TermVerdict verdict) {
    if (verdict instanceof TermVerdict.Match match) {
      return build(Trace.Outcome.MATCH, match.detail());
    }
    if (verdict instanceof TermVerdict.NoMatch noMatch) {
      return build(Trace.Outcome.NO_MATCH, noMatch.detail());
    }
    return build(Trace.Outcome.ERROR, ((TermVerdict.Failed) verdict).problem().message());
  }

  /** The step of a {@code redirect} that was followed. */
  Trace.TermStep applied() {
    return build(Trace.Outcome.APPLIED, null);
  }

  private Trace.TermStep build(Trace.Outcome outcome, @Nullable String detail) {
    List<Trace.Lookup> lookups =
        more != null ? more : first != null ? List.of(first) : List.of();
    return new Trace.TermStep(term, outcome, target, lookups, nested, detail);
  }
}
