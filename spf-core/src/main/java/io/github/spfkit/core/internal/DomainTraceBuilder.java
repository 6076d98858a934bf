package io.github.spfkit.core.internal;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.Trace;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects one domain's part of a {@link Trace} while its evaluation runs; not thread safe. */
final class DomainTraceBuilder {
  final String domain;
  final Trace.Via via;
  final int dnsTermsAtStart;
  @Nullable String record;
  final List<Trace.Lookup> lookups = new ArrayList<>(1);
  final List<Trace.TermStep> terms = new ArrayList<>(8);

  DomainTraceBuilder(String domain, Trace.Via via, int dnsTermsAtStart) {
    this.domain = domain;
    this.via = via;
    this.dnsTermsAtStart = dnsTermsAtStart;
  }

  Trace.Domain build(Result result, int dnsTermsAtEnd) {
    return new Trace.Domain(
        domain, via, record, lookups, terms, result, dnsTermsAtEnd - dnsTermsAtStart);
  }
}
