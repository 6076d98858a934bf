package io.github.spfkit.core;

import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.internal.Evaluator;
import io.github.spfkit.core.internal.RecordCache;
import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates SPF policies: RFC 7208 {@code check_host()} for the MAIL FROM and HELO identities.
 *
 * <p>Build one checker and share it: it is immutable and safe for concurrent use by any number of
 * threads. Each check is described by a small request from {@link #check()}:
 *
 * <pre>{@code
 * SpfChecker checker = SpfChecker.builder().dns(lookup).build();
 * SpfResult result = checker.check()
 *     .ip("192.0.2.1")
 *     .mailFrom("alice@example.com")
 *     .helo("mail.example.com")
 *     .evaluate();
 * }</pre>
 *
 * <p>Nothing a policy or DNS says makes a check throw: malformed records give {@code permerror},
 * DNS failures and the deadline give {@code temperror}, each with a {@link Problem} saying why.
 * Blocking and asynchronous evaluation give identical results.
 */
public final class SpfChecker {

  private final Evaluator evaluator;
  private final @Nullable String receiver;

  private SpfChecker(Builder builder) {
    this.receiver = builder.receiver;
    this.evaluator =
        new Evaluator(
            Objects.requireNonNull(builder.dns, "dns"),
            builder.limits,
            builder.defaultExplanation,
            new RecordCache(builder.recordCacheSize),
            builder.prefetch);
  }

  /**
   * Starts a checker; {@link Builder#dns(DnsLookup)} is the one required setting.
   *
   * @return a new builder with the defaults: {@link Limits#RFC}, {@link
   *     Builder#DEFAULT_EXPLANATION}, no receiver name, 1024 cached records, no prefetch
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts describing one check. The request is not thread safe; the checker is.
   *
   * @return a new, empty check bound to this checker, with the checker's receiver name
   */
  public Check check() {
    return new Check(evaluator, receiver);
  }

  /**
   * RFC 7208 {@code check_host(ip, domain, sender)} itself (§4), for callers that choose the
   * identity themselves.
   *
   * @param ip the client's address
   * @param domain the domain whose policy to evaluate
   * @param sender the sender, {@code local-part@domain}
   * @return the result, never exceptionally
   */
  public CompletionStage<SpfResult> checkHostAsync(IpAddress ip, String domain, String sender) {
    return evaluateAsync(new SpfRequest(ip, Identity.MAIL_FROM, domain, sender, null, null));
  }

  /**
   * Evaluates one request asynchronously. A request without a receiver name gets the checker's.
   *
   * @param request the check to run; not null
   * @return a stage completed with the result once evaluation ends (at the latest at the {@link
   *     Limits#deadline() deadline}, as a {@code temperror}); never completed exceptionally for
   *     anything DNS or a policy does
   */
  public CompletionStage<SpfResult> evaluateAsync(SpfRequest request) {
    Objects.requireNonNull(request, "request");
    SpfRequest effective =
        request.receiver() == null && receiver != null ? request.withReceiver(receiver) : request;
    return evaluator.evaluate(effective, null);
  }

  /**
   * Evaluates one request and waits for the result, as {@link #evaluateAsync(SpfRequest)} does.
   * An interrupt does not cut the wait short; the thread's interrupt flag is set again when the
   * result is returned.
   *
   * @param request the check to run; not null
   * @return the result, never null; DNS failures and the deadline are {@code temperror}, a broken
   *     policy is {@code permerror}
   */
  public SpfResult evaluate(SpfRequest request) {
    return Check.join(evaluateAsync(request));
  }

  /**
   * Blocking form of {@link #checkHostAsync(IpAddress, String, String)}.
   *
   * @param ip the client's address; not null
   * @param domain the domain whose policy to evaluate; an invalid domain name gives {@code none};
   *     not null
   * @param sender the sender, {@code local-part@domain}; not null
   * @return the result, never null; DNS failures and the deadline are {@code temperror}
   */
  public SpfResult checkHost(IpAddress ip, String domain, String sender) {
    return Check.join(checkHostAsync(ip, domain, sender));
  }

  /**
   * Settings for a checker. Each setter validates its argument at once; a builder may build any
   * number of checkers.
   */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private Limits limits = Limits.RFC;
    private @Nullable String defaultExplanation = DEFAULT_EXPLANATION;
    private @Nullable String receiver;
    private int recordCacheSize = 1024;
    private boolean prefetch;

    /**
     * The explanation given for {@code fail} when the policy has no {@code exp=} or it yields
     * nothing: {@value}. {@code %{c}} is the client's address in its readable form ({@code
     * 2001:db8::1}, RFC 7208 §7.3), not the dotted nibbles of {@code %{i}}: the text goes into
     * SMTP rejections that people read.
     */
    public static final String DEFAULT_EXPLANATION =
        "%{c} is not one of %{o}'s permitted senders";

    private Builder() {}

    /**
     * The DNS seam every lookup goes through. Required.
     *
     * @param dns the lookup every query of every check goes to; must be safe for concurrent use;
     *     not null
     * @return this builder
     */
    public Builder dns(DnsLookup dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * The processing limits; {@link Limits#RFC} by default.
     *
     * @param limits the limits every check of the built checker obeys; not null
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The explanation for {@code fail} results without one from the policy (RFC 7208 §6.2): a
     * macro-string, so {@code %{i}}, {@code %{s}} and friends expand. {@code null} gives no
     * explanation. Defaults to {@link #DEFAULT_EXPLANATION}.
     *
     * @param explanation a macro-string, or null for no explanation when the policy gives none
     * @return this builder
     */
    public Builder defaultExplanation(@Nullable String explanation) {
      this.defaultExplanation = explanation;
      return this;
    }

    /**
     * The receiving host's name, used for the {@code %{r}} macro and in headers; a request may
     * override it.
     *
     * @param receiver the receiving host's domain name, e.g. {@code mx.example.org}; not null
     * @return this builder
     */
    public Builder receiver(String receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver");
      return this;
    }

    /**
     * How many parsed records to keep, by text, so repeated checks do not parse again; 0 turns
     * the cache off. Default 1024.
     *
     * @param size the number of distinct record texts kept; 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Builder recordCacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("recordCacheSize must not be negative: " + size);
      }
      this.recordCacheSize = size;
      return this;
    }

    /**
     * Whether to start, as soon as a record is parsed, the lookups its DNS terms without macros
     * will need, so they overlap instead of waiting in turn. Results are identical to sequential
     * evaluation and the lookup limits still hold. Off by default.
     *
     * @param prefetch true to start those lookups early, false to look up each term in turn
     * @return this builder
     */
    public Builder prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * Builds the checker.
     *
     * @return a new immutable checker with this builder's settings, safe to share between threads
     * @throws NullPointerException if no DNS seam was set
     */
    public SpfChecker build() {
      if (dns == null) {
        throw new NullPointerException("dns is required: call dns(DnsLookup) first");
      }
      return new SpfChecker(this);
    }
  }
}
