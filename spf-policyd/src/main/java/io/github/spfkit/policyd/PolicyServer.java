package io.github.spfkit.policyd;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.dns.DnsLookup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of an SPF policy server, without the socket: a {@link PolicyRequest} in, a {@link
 * Decision} (with the {@link PolicyAction} for Postfix) out, made as policyd-spf 3.0.4 makes them
 * from the same {@link PolicyConfig}. A Java MTA can call it at RCPT time directly.
 *
 * <p>Safe for concurrent use by any number of threads; build one and share it. Nothing a request,
 * DNS or a policy says makes it throw or hang: a request that is not {@code smtpd_access_policy}
 * gets {@code DUNNO}, and every decision ends by its {@link Builder#deadline(Duration) deadline},
 * after which the configured temperror action is answered ({@code TempError_Defer = True}: defer,
 * otherwise {@code DUNNO}).
 *
 * <p>The first decision of each transaction ({@code instance}) is kept and reused for its other
 * recipients: HELO and MAIL FROM are checked once per message, a header is prepended once, and
 * every recipient of a rejected transaction gets the same reject.
 */
public final class PolicyServer {

  private final PolicyConfig config;
  private final Decider decider;
  private final Map<String, Decider> perUser;
  private final InstanceCache instances;
  private final Duration deadline;

  private PolicyServer(Builder builder) {
    DnsLookup dns = Objects.requireNonNull(builder.dns, "dns");
    this.config = builder.config;
    this.deadline =
        builder.deadline != null
            ? builder.deadline
            : config.lookupTime().multipliedBy(2).plus(Duration.ofSeconds(5));
    this.decider = decider(config, dns, builder.receiver);
    Map<String, Decider> users = new HashMap<>();
    config.perUser().forEach((user, c) -> users.put(user, decider(c, dns, builder.receiver)));
    this.perUser = Map.copyOf(users);
    this.instances = new InstanceCache(builder.transactions);
  }

  private static Decider decider(PolicyConfig config, DnsLookup dns, @Nullable String receiver) {
    Limits limits =
        Limits.RFC.withMaxVoidLookups(config.voidLimit()).withDeadline(config.lookupTime());
    SpfChecker checker = SpfChecker.builder().dns(dns).limits(limits).build();
    SpfChecker whitelistChecker =
        SpfChecker.builder()
            .dns(dns)
            .limits(Limits.RFC.withDeadline(config.whitelistLookupTime()))
            .build();
    return new Decider(config, checker, new Bypass(config, dns, whitelistChecker), receiver);
  }

  /**
   * Starts a server; {@link Builder#dns(DnsLookup)} is the one required setting.
   *
   * @return a builder with policyd-spf's default configuration, no receiver name, a deadline of
   *     twice {@code Lookup_Time} plus 5 s, and 10,000 remembered transactions
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration in use.
   *
   * @return the configuration, {@code Authserv_Id} resolved
   */
  public PolicyConfig config() {
    return config;
  }

  /**
   * The deadline of one decision.
   *
   * @return the time after which the temperror action is answered
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Decides one request. The stage completes within the {@link #deadline()} and never
   * exceptionally.
   *
   * @param request the request as Postfix sent it; not null
   * @return the decision
   */
  public CompletionStage<Decision> decide(PolicyRequest request) {
    Objects.requireNonNull(request, "request");
    long start = System.nanoTime();
    String type = request.request();
    if (!PolicyRequest.SMTPD_ACCESS_POLICY.equals(type)) {
      String note = type == null ? "request attribute missing"
          : "unknown request type \"" + SafeText.oneLine(type, 64) + "\"";
      return CompletableFuture.completedFuture(
          new Decision(new PolicyAction.Dunno(note), "none", null, note, elapsed(start)));
    }
    String recipient = request.recipient();
    Decider user = recipient == null ? null
        : perUser.get(recipient.trim().toLowerCase(java.util.Locale.ROOT));
    // a recipient with per-user settings is decided on its own, as policyd-spf does
    String instance = user != null ? null : request.instance();
    Decider chosen = user != null ? user : decider;
    PolicyConfig settings = chosen.config();
    if (instance != null && !instance.isEmpty()) {
      Decision first = instances.get(instance);
      if (first != null) {
        PolicyAction again = first.action() instanceof PolicyAction.Prepend
            ? new PolicyAction.Dunno("header already prepended")
            : first.action();
        return CompletableFuture.completedFuture(
            new Decision(again, first.identity(), first.result(), "same transaction",
                elapsed(start)));
      }
    }
    CompletableFuture<Decision> decided;
    try {
      decided = chosen.decide(request);
    } catch (RuntimeException e) {
      decided = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Decision> finished = decided
        .exceptionally(
            e -> new Decision(new PolicyAction.Dunno("internal error"), "none", null,
                "internal error: " + e, Duration.ZERO))
        .thenApply(d -> finish(d, settings));
    if (!finished.isDone()) {
      // answered from the cache, most decisions are done here already: no timer for them
      finished = finished.completeOnTimeout(overDeadline(settings), deadline.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return finished
        .thenApply(
            decision -> {
              Decision timed = decision.withElapsed(elapsed(start));
              if (instance != null && !instance.isEmpty()
                  && !timed.note().startsWith("deadline")) {
                instances.put(instance, timed);
              }
              return timed;
            });
  }

  /**
   * Decides one request and waits for it (at most the {@link #deadline()}).
   *
   * @param request the request; not null
   * @return the decision
   */
  public Decision decideNow(PolicyRequest request) {
    CompletableFuture<Decision> stage = decide(request).toCompletableFuture();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return stage.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException e) {
          // decide() never completes exceptionally
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** TestOnly and Prospective act on the answer last, as in policyd-spf's main loop. */
  private static Decision finish(Decision decision, PolicyConfig config) {
    PolicyAction action = decision.action();
    if (config.testOnly() == 0 && !(action instanceof PolicyAction.Prepend)
        && !(action instanceof PolicyAction.Dunno)) {
      return decision.withAction(new PolicyAction.Dunno("TestOnly = 0"), "TestOnly = 0, would "
          + action.kind());
    }
    if (config.prospective() != null && action instanceof PolicyAction.Prepend) {
      return decision.withAction(new PolicyAction.Dunno("Prospective"), "Prospective: no header");
    }
    return decision;
  }

  private Decision overDeadline(PolicyConfig config) {
    String note = "deadline of " + deadline.toMillis() + " ms passed";
    PolicyAction action =
        config.tempErrorDefer() && config.testOnly() != 0
            ? new PolicyAction.Defer(
                config.enhancedStatusCodes() ? "451 4.7.24" : "451",
                ReasonMessage.format(
                    config.reasonMessage(), "deferred",
                    "SPF Temporary Error: the check did not finish in time", ""))
            : new PolicyAction.Dunno(note);
    return new Decision(action, "none", null, note, deadline);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Builds a {@link PolicyServer}. Not thread safe; each setting once. */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private PolicyConfig config = PolicyConfig.defaults();
    private @Nullable String receiver;
    private @Nullable Duration deadline;
    private int transactions = 10_000;

    private Builder() {}

    /**
     * The DNS to check with; share a {@code CachingLookup} (spf-dns) between servers.
     *
     * @param dns the lookup; not null
     * @return this builder
     */
    public Builder dns(DnsLookup dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * The configuration, e.g. from {@link PolicyConfig#read(java.nio.file.Path)}.
     *
     * @param config the configuration; {@code Authserv_Id = HOSTNAME} should be resolved with
     *     {@link PolicyConfig#withHostName(String)} first; not null
     * @return this builder
     */
    public Builder config(PolicyConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The receiving host's name, for {@code %{r}} and the headers' {@code receiver=}; left out
     * when {@code Hide_Receiver} is set.
     *
     * @param receiver the host name, e.g. {@code mx.example.org}; not null
     * @return this builder
     */
    public Builder receiver(String receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver");
      return this;
    }

    /**
     * The deadline of one decision; keep it below Postfix's {@code
     * smtpd_policy_service_timeout} (default 100 s).
     *
     * @param deadline positive; not null
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive: " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * How many transactions' first decisions are kept for their other recipients.
     *
     * @param count 0 or more (0: every recipient is decided on its own)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder transactions(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("transactions must be 0 or more: " + count);
      }
      this.transactions = count;
      return this;
    }

    /**
     * Builds the server.
     *
     * @return the server
     * @throws NullPointerException if no DNS was set
     */
    public PolicyServer build() {
      return new PolicyServer(this);
    }
  }
}
