package io.github.spfkit.core.internal;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.net.IpAddress;
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

  /**
   * One check to run.
   *
   * @param ip the client address as given
   * @param domain the domain to start from
   * @param sender the sender, {@code local-part@domain}
   * @param helo the HELO name, if known
   * @param receiver the receiving host, if known
   * @param identity the identity checked
   * @param policy a what-if record to use for {@code domain} in place of its published one
   */
  public record Request(
      IpAddress ip,
      String domain,
      String sender,
      @Nullable String helo,
      @Nullable String receiver,
      Identity identity,
      @Nullable String policy) {
    /** Checks the required parts. */
    public Request {
      Objects.requireNonNull(ip, "ip");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(identity, "identity");
    }
  }

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

  /** Evaluates one request; the stage never completes exceptionally for DNS or policy content. */
  public CompletionStage<SpfResult> evaluate(Request request) {
    return new Evaluation(this, request).run();
  }
}
