package io.github.spfkit.core.internal;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfRequest;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.RecordParser;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * RFC 7208 {@code check_host()}: holds what every evaluation shares (the DNS seam, the limits, the
 * parsed-record cache) and starts one {@link Evaluation} per request. Immutable and thread safe.
 */
public final class Evaluator {

  final DnsLookup dns;
  final Limits limits;
  final @Nullable MacroString defaultExplanation;
  final RecordCache cache;
  final boolean prefetch;

  /**
   * Creates an evaluator.
   *
   * @param dns the DNS seam
   * @param limits the processing limits
   * @param defaultExplanation the explanation for {@code fail} without one, as a macro-string
   * @param cache the parsed-record cache
   * @param prefetch whether to start lookups as soon as records are parsed
   * @throws IllegalArgumentException if the default explanation is not a valid macro-string
   */
  public Evaluator(
      DnsLookup dns,
      Limits limits,
      @Nullable String defaultExplanation,
      RecordCache cache,
      boolean prefetch) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.prefetch = prefetch;
    if (defaultExplanation == null) {
      this.defaultExplanation = null;
    } else {
      this.defaultExplanation =
          RecordParser.parseExplanation(defaultExplanation)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "default explanation is not a valid macro-string: "
                              + defaultExplanation));
    }
  }

  /**
   * Evaluates one request; the stage never completes exceptionally for DNS or policy content.
   *
   * @param request the check, its receiver already resolved
   * @param policy a what-if record to use for the request's domain in place of its published one,
   *     or {@code null}
   * @return the result
   */
  public CompletionStage<SpfResult> evaluate(SpfRequest request, @Nullable String policy) {
    return new Evaluation(this, request, policy).run();
  }

  /**
   * The limits every evaluation obeys.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }
}
