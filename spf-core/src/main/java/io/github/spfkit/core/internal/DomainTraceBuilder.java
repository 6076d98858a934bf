package io.github.spfkit.core.internal;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.Trace;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects one domain's part of a {@link Trace} while its evaluation runs; not thread safe. */
final class DomainTraceBuilder {
  private static final Trace.TermStep[] NONE = new Trace.TermStep[0];

  final String domain;
  final Trace.Via via;
  final int dnsTermsAtStart;
  @Nullable String record;
  /** The lookup of the record: one, or none for a what-if record or an invalid name. */
  private Trace.@Nullable Lookup lookup;
  private Trace.TermStep[] terms = NONE;
  private int count;

  DomainTraceBuilder(String domain, Trace.Via via, int dnsTermsAtStart) {
    this.domain = domain;
    this.via = via;
    this.dnsTermsAtStart = dnsTermsAtStart;
  }

  void lookup(Trace.Lookup lookup) {
    this.lookup = lookup;
  }

  void add(Trace.TermStep step) {
    if (count == terms.length) {
      terms = Arrays.copyOf(terms, Math.max(4, count * 2));
    }
    terms[count++] = step;
  }

  Trace.Domain build(Result result, int dnsTermsAtEnd) {
    Trace.Lookup fetched = lookup;
    return new Trace.Domain(
        domain,
        via,
        record,
        fetched == null ? List.of() : List.of(fetched),
        steps(),
        result,
        dnsTermsAtEnd - dnsTermsAtStart);
  }

  private List<Trace.TermStep> steps() {
    return switch (count) {
      case 0 -> List.of();
      case 1 -> List.of(terms[0]);
      case 2 -> List.of(terms[0], terms[1]);
      default -> List.of(count == terms.length ? terms : Arrays.copyOf(terms, count));
    };
  }
}
