package io.github.spfkit.diagnosis.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * Lints a domain's SPF tree: every record reached through {@code include} and {@code redirect},
 * with DNS-querying terms counted as the evaluator would count them if nothing matched, void
 * lookups, multiple records, syntax errors with their position, and the other checks of {@link
 * Finding.Code}. All DNS goes through the {@link DnsLookup} seam; records are parsed with {@link
 * io.github.spfkit.core.record.RecordParser}.
 *
 * <pre>{@code
 * SpfLinter linter = SpfLinter.builder().dns(lookup).build();
 * LintReport report = linter.lint("example.com");
 * LintReport whatIf = linter.lint("example.com", "v=spf1 ip4:192.0.2.1 include:_spf.example.net -all");
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use. Nothing DNS answers makes it throw: failures become
 * findings. A lint finishes within its {@link Builder#timeout(Duration) timeout}; lookups still
 * outstanding then count as DNS failures. The tree is bounded in depth and size so hostile records
 * cannot make it run long.
 */
public final class SpfLinter {

  /** The default time one lint may take: {@value #DEFAULT_TIMEOUT_SECONDS} seconds. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 20;

  private final DnsLookup dns;
  private final Limits limits;
  private final Duration timeout;
  private final Executor executor;

  private SpfLinter(Builder builder) {
    this.dns = Objects.requireNonNull(builder.dns, "dns");
    this.limits = builder.limits;
    this.timeout = builder.timeout;
    this.executor = builder.executor;
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
   * Lints the SPF tree published at {@code domain}.
   *
   * @param domain a domain name, with or without a trailing dot
   * @return the report; a domain that is not a valid name gets a report with a {@link
   *     Finding.Code#NO_RECORD} finding
   */
  public LintReport lint(String domain) {
    Objects.requireNonNull(domain, "domain");
    return new TreeWalker(dns, limits, timeout).lint(domain, null);
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
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
    return new TreeWalker(dns, limits, timeout).lint(domain, record);
  }

  /**
   * Asynchronous form of {@link #lint(String)}; the result is the same. Never completes exceptionally.
   *
   * @param domain a domain name
   * @return the report, eventually
   */
  public CompletionStage<LintReport> lintAsync(String domain) {
    Objects.requireNonNull(domain, "domain");
    return CompletableFuture.supplyAsync(() -> lint(domain), executor);
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
    return CompletableFuture.supplyAsync(() -> lint(domain, record), executor);
  }

  /** Settings for a linter. Each setter validates its argument at once. */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private Limits limits = Limits.RFC;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private Executor executor = ForkJoinPool.commonPool();

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
     * The limits findings are measured against; {@link Limits#RFC} by default.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The time one lint may take, {@value SpfLinter#DEFAULT_TIMEOUT_SECONDS} seconds by default.
     *
     * @param timeout the time budget of one lint
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Where the asynchronous forms run; the common pool by default. An asynchronous call holds one thread of it
     * while DNS answers (at most the deadline): give heavy users a dedicated executor.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the linter.
     *
     * @return the linter, immutable and thread safe
     * @throws NullPointerException if no DNS seam was set
     */
    public SpfLinter build() {
      if (dns == null) {
        throw new NullPointerException("dns is required: call dns(DnsLookup) first");
      }
      return new SpfLinter(this);
    }
  }
}
