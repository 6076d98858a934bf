package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Lints a domain's SPF tree: every record reached through {@code include} and {@code redirect},
 * with DNS-querying terms counted as the evaluator would count them if nothing matched (numbered on
 * past the limit, each with the rule that counts it), void lookups for IPv4 and for IPv6 senders
 * under both readings of RFC 7208 §4.6.4, and the other checks of {@link Finding.Code}. Records are
 * selected with spf-core's {@link io.github.spfkit.core.record.RecordSelection} and parsed with its
 * {@link io.github.spfkit.core.record.RecordParser}; all DNS goes through the {@link DnsLookup}
 * seam, each question once per lint.
 *
 * <pre>{@code
 * SpfLinter linter = SpfLinter.builder().dns(lookup).build();
 * LintReport report = linter.lint("example.com");
 * LintReport whatIf = linter.lint("example.com", "v=spf1 ip4:192.0.2.1 include:_spf.example.net -all");
 * System.out.println(LintText.render(report));
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use. {@link #lintAsync(String)} blocks no thread: each step
 * of the walk runs when the answer it needs comes in. Nothing DNS answers makes it throw: failures
 * become findings. A lint finishes within its timeout (by default the deadline of its {@link
 * Limits}); lookups still outstanding then count as DNS failures. The tree is bounded in depth and
 * size so hostile records cannot make it run long.
 */
public final class SpfLinter {

  private final DnsLookup dns;
  private final Limits limits;
  private final Duration timeout;

  private SpfLinter(Builder builder) {
    this.dns = Objects.requireNonNull(builder.dns, "dns: call dns(...) before build()");
    this.limits = builder.limits;
    this.timeout = builder.timeout == null ? builder.limits.deadline() : builder.timeout;
  }

  /**
   * Starts a linter; {@link Builder#dns(DnsLookup)} is the one required setting.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lints the SPF tree published at {@code domain}, waiting for the result.
   *
   * @param domain a domain name, with or without a trailing dot
   * @return the report; a domain that is not a valid name gets a report with a {@link
   *     Finding.Code#NO_RECORD} finding
   */
  public LintReport lint(String domain) {
    return lintAsync(domain).toCompletableFuture().join();
  }

  /**
   * Lints a what-if record as if it were published at {@code domain}: the record text is used in
   * place of the published one, everything it includes still comes from DNS.
   *
   * @param domain the domain the record would be published at
   * @param record the record text, {@code v=spf1 ...}
   * @return the report
   */
  public LintReport lint(String domain, String record) {
    return lintAsync(domain, record).toCompletableFuture().join();
  }

  /**
   * Lints the SPF tree published at {@code domain} without blocking; the result is the one {@link
   * #lint(String)} gives. Never completes exceptionally.
   *
   * @param domain a domain name
   * @return the report, eventually
   */
  public CompletionStage<LintReport> lintAsync(String domain) {
    Objects.requireNonNull(domain, "domain");
    return walk(answers(), domain, null);
  }

  /**
   * Asynchronous form of {@link #lint(String, String)}; the result is the same.
   *
   * @param domain the domain the record would be published at
   * @param record the record text
   * @return the report, eventually
   */
  public CompletionStage<LintReport> lintAsync(String domain, String record) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
    return walk(answers(), domain, record);
  }

  /**
   * The limits findings are measured against.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  Answers answers() {
    return new Answers(dns, System.nanoTime() + timeout.toNanos());
  }

  CompletionStage<LintReport> walk(Answers answers, String domain, @Nullable String record) {
    return new TreeWalk(answers, limits).lint(domain, record);
  }

  /** Settings for a linter. Each setter validates its argument at once. */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private Limits limits = Limits.RFC;
    private @Nullable Duration timeout;

    private Builder() {}

    /**
     * The DNS seam every lookup goes through. Required.
     *
     * @param dns the DNS seam
     * @return this builder
     */
    public Builder dns(DnsLookup dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * The limits findings are measured against, and whose deadline bounds a lint unless {@link
     * #timeout(Duration)} is set; {@link Limits#RFC} by default.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The time one lint may take; by default the deadline of the {@link #limits(Limits) limits}
     * (20 seconds for {@link Limits#RFC}).
     *
     * @param timeout the time budget of one lint, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Builds the linter.
     *
     * @return an immutable linter
     * @throws NullPointerException if no DNS seam was set
     */
    public SpfLinter build() {
      return new SpfLinter(this);
    }
  }
}
