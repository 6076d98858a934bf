package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Flattens a domain's SPF tree: replaces {@code include}s (and, if asked, the domain's own {@code
 * a} and {@code mx}) by the addresses they stand for now, keeps every term with a macro and every
 * term it cannot expand safely ({@code ptr}, {@code exists}, an include of a record that has
 * them, a target that could not be read) in its place, merges ranges, and, when the record would
 * be over 450 bytes, moves ranges into a chain {@code _spf1.DOMAIN}, {@code _spf2.DOMAIN} ... that
 * the domain's record includes.
 *
 * <p>It proves what it offers: before a {@link Flattening} is returned, spf-core's {@code
 * check_host()} is run over the original tree and over the flattened records for probe addresses
 * (both ends of every range in either, the addresses just outside them, and an address outside
 * all of them); the flattened records must give the original's result: the one it gives when it
 * does not run out of lookups (where the original ran out before its match, the flattened records
 * pass), or the one it gives within the limits (where they keep the terms that make it run out). A flattening
 * that fails the proof, still needs more DNS-querying terms than the limit, or cannot be read
 * whole (a lookup under the flattened records failed or ran out of time, so the terms they need
 * are not known) is {@link FlattenResult.Refused}. Every answer the flattening and its proof use is read once, so DNS
 * changing meanwhile cannot make them disagree.
 *
 * <pre>{@code
 * SpfFlattener flattener = SpfFlattener.builder().dns(lookup).build();
 * if (flattener.flatten("example.com") instanceof Flattening flat) {
 *   flat.zoneLines().forEach(System.out::println);
 * }
 * Drift drift = flattener.check("example.com", publishedRecords);   // drift.drifted()?
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use; no thread waits for DNS in the asynchronous forms.
 */
public final class SpfFlattener {

  /** The byte budget of one record, so answers fit in UDP (RFC 7208 §3.4). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 450;

  private final SpfLinter linter;
  private final Limits limits;
  private final boolean expandHosts;
  private final int maxRecordBytes;
  private final Clock clock;

  private SpfFlattener(Builder builder) {
    DnsLookup dns = Objects.requireNonNull(builder.dns, "dns: call dns(...) before build()");
    this.limits = builder.limits;
    SpfLinter.Builder linter = SpfLinter.builder().dns(dns).limits(limits);
    if (builder.timeout != null) {
      linter.timeout(builder.timeout);
    }
    this.linter = linter.build();
    this.expandHosts = builder.expandHosts;
    this.maxRecordBytes = builder.maxRecordBytes;
    this.clock = builder.clock;
  }

  /**
   * Starts a flattener; {@link Builder#dns(DnsLookup)} is the one required setting.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Flattens the tree published at {@code domain}, waiting for the result.
   *
   * @param domain a domain name
   * @return the proved flattening, or why there is none
   */
  public FlattenResult flatten(String domain) {
    return flattenAsync(domain).toCompletableFuture().join();
  }

  /**
   * Flattens the tree published at {@code domain} without blocking. Never completes exceptionally.
   *
   * @param domain a domain name
   * @return the proved flattening, or why there is none, eventually
   */
  public CompletionStage<FlattenResult> flattenAsync(String domain) {
    Objects.requireNonNull(domain, "domain");
    Answers answers = linter.answers();
    String name = Names.normalize(domain);
    return linter.walk(answers, name, null).thenCompose(original -> flatten(answers, name, original));
  }

  /**
   * Checks flattened records against the tree as DNS has it now: the equivalence proof for the
   * published records, and the ranges a flattening made now adds or removes.
   *
   * @param domain the domain
   * @param published the published records, the domain's and its chain (any order)
   * @return the drift, possibly none
   */
  public Drift check(String domain, List<FlatRecord> published) {
    return checkAsync(domain, published).toCompletableFuture().join();
  }

  /**
   * Asynchronous form of {@link #check(String, List)}; the result is the same.
   *
   * @param domain the domain
   * @param published the published records
   * @return the drift, eventually
   */
  public CompletionStage<Drift> checkAsync(String domain, List<FlatRecord> published) {
    Objects.requireNonNull(domain, "domain");
    List<FlatRecord> records = List.copyOf(published);
    Answers answers = linter.answers();
    String name = Names.normalize(domain);
    return linter
        .walk(answers, name, null)
        .thenCompose(
            original ->
                flatten(answers, name, original)
                    .thenCompose(
                        now ->
                            proveOn(answers, name, records, original)
                                .thenApply(proof -> drift(name, records, proof, now, answers))));
  }

  /**
   * Proves any set of flattened records against the tree published at {@code domain} now, the way
   * {@link #flatten(String)} proves its own.
   *
   * @param domain the domain
   * @param records the flattened records, the domain's and its chain
   * @return the proof, which holds if every probe gives the original's result
   */
  public EquivalenceProof prove(String domain, List<FlatRecord> records) {
    Objects.requireNonNull(domain, "domain");
    List<FlatRecord> copy = List.copyOf(records);
    Answers answers = linter.answers();
    String name = Names.normalize(domain);
    return linter
        .walk(answers, name, null)
        .thenCompose(original -> proveOn(answers, name, copy, original))
        .toCompletableFuture()
        .join();
  }

  private CompletionStage<EquivalenceProof> proveOn(
      Answers answers, String domain, List<FlatRecord> records, LintReport original) {
    List<String> texts = new ArrayList<>();
    collect(original.tree(), texts);
    for (FlatRecord record : records) {
      texts.add(record.text());
    }
    List<IpAddress> probes = Prover.probes(texts, original.terms());
    return Prover.prove(domain, answers, original.lookups(), records, limits, probes);
  }

  private static void collect(@Nullable LintNode node, List<String> texts) {
    if (node == null) {
      return;
    }
    if (node.record() != null) {
      texts.add(node.record());
    }
    for (LintNode child : node.children()) {
      collect(child, texts);
    }
  }

  private Drift drift(
      String domain, List<FlatRecord> records, EquivalenceProof proof, FlattenResult now, Answers answers) {
    FlattenPlan.Plan plan =
        new FlattenPlan(snapshot(records, answers), limits, expandHosts).plan(domain);
    RangeSet before = plan == null ? RangeSet.EMPTY : plan.covered();
    RangeSet after = RangeSet.EMPTY;
    if (now instanceof Flattening) {
      FlattenPlan.Plan fresh = new FlattenPlan(answers::cached, limits, expandHosts).plan(domain);
      after = fresh == null ? RangeSet.EMPTY : fresh.covered();
    }
    return new Drift(
        domain, records, proof, after.minus(before).cidrs(), before.minus(after).cidrs(), now);
  }

  private static FlattenPlan.Snapshot snapshot(List<FlatRecord> records, Answers answers) {
    java.util.Map<String, String> texts = new java.util.HashMap<>();
    for (FlatRecord record : records) {
      texts.put(Names.key(record.name()), record.text());
    }
    return (name, type) -> {
      String text = type == RecordType.TXT ? texts.get(Names.key(name)) : null;
      return text != null ? new DnsAnswer.Records(List.of(text), 0) : answers.cached(name, type);
    };
  }

  private CompletionStage<FlattenResult> flatten(Answers answers, String domain, LintReport original) {
    LintNode tree = original.tree();
    FlattenPlan planner = new FlattenPlan(answers::cached, limits, expandHosts);
    FlattenPlan.Plan plan = tree == null || tree.record() == null ? null : planner.plan(domain);
    if (plan == null) {
      return CompletableFuture.completedFuture(
          new FlattenResult.Refused(
              domain, domain + " has no SPF record that can be read: see the lint", null, original));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<FlatRecord> records = Layout.records(domain, plan, maxRecordBytes);
    Answers flat = new Answers(Prover.overlay(records, answers), System.nanoTime() + limits.deadline().toNanos());
    return linter
        .walk(flat, domain, null)
        .thenCompose(
            lint -> {
              Optional<Finding> unread = unreadRecord(lint);
              if (unread.isPresent()) {
                return CompletableFuture.completedFuture(
                    new FlattenResult.Refused(
                        domain,
                        "the flattened records could not be read whole, so the DNS-querying terms"
                            + " they need are not known: " + unread.get().message(),
                        null,
                        original));
              }
              if (lint.lookups() > limits.maxDnsTerms()) {
                return CompletableFuture.completedFuture(
                    new FlattenResult.Refused(
                        domain,
                        "the flattened records still need " + lint.lookups()
                            + " DNS-querying terms, more than " + limits.maxDnsTerms()
                            + ", because of the terms that must be kept: " + kept(plan),
                        null,
                        original));
              }
              Optional<FlatRecord> tooLong =
                  records.stream().filter(r -> r.bytes() > maxRecordBytes).findFirst();
              if (tooLong.isPresent()) {
                // only ranges move into the chain: what stays in the record does not fit
                return CompletableFuture.completedFuture(
                    new FlattenResult.Refused(
                        domain,
                        tooLong.get().name() + "'s flattened record takes " + tooLong.get().bytes()
                            + " bytes, over the budget of " + maxRecordBytes
                            + ": the terms that stay in it (kept terms, modifiers and the includes"
                            + " of its chain) do not fit",
                        null,
                        original));
              }
              return proveOn(answers, domain, records, original)
                  .thenApply(
                      proof -> {
                        if (!proof.holds()) {
                          return new FlattenResult.Refused(
                              domain,
                              "the flattened records fail the equivalence proof: " + proof.mismatchCount()
                                  + " of " + proof.probes() + " probe addresses get another result ("
                                  + Prover.first(proof.mismatches()).orElse("") + ")",
                              proof,
                              original);
                        }
                        return new Flattening(
                            domain,
                            records,
                            lint.lookups(),
                            original.lookups(),
                            plan.covered().cidrs(),
                            keptTerms(plan),
                            upstream(plan, answers, now),
                            proof,
                            now);
                      });
            });
  }

  /**
   * A record of the flattened tree whose TXT lookup failed (a DNS error without a position: the
   * failed queries of terms carry theirs), so the terms beneath it are not counted.
   */
  static Optional<Finding> unreadRecord(LintReport lint) {
    return lint.findings().stream()
        .filter(f -> f.code() == Finding.Code.DNS_ERROR && f.position() == null)
        .findFirst();
  }

  private static String kept(FlattenPlan.Plan plan) {
    List<String> terms = keptTerms(plan);
    return terms.isEmpty() ? "none" : String.join("; ", terms);
  }

  private static List<String> keptTerms(FlattenPlan.Plan plan) {
    List<String> out = new ArrayList<>();
    for (FlattenPlan.Step step : plan.steps()) {
      if (step instanceof FlattenPlan.Kept kept) {
        out.add(kept.term() + ": " + kept.why());
      }
    }
    if (plan.redirect() != null) {
      out.add(plan.redirect() + ": its target cannot be expanded safely");
    }
    return out;
  }

  private static List<Upstream> upstream(FlattenPlan.Plan plan, Answers answers, Instant now) {
    List<Upstream> out = new ArrayList<>();
    FlattenPlan reader = new FlattenPlan(answers::cached, Limits.RFC, false);
    for (String domain : plan.upstream()) {
      DnsAnswer answer = answers.cached(domain, RecordType.TXT);
      var record = reader.record(domain);
      if (record != null) {
        out.add(new Upstream(domain, record.toString(), answer == null ? 0 : answer.ttlSeconds(), now));
      }
    }
    return out;
  }

  /** Settings for a flattener. Each setter validates its argument at once. */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private Limits limits = Limits.RFC;
    private @Nullable Duration timeout;
    private boolean expandHosts;
    private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private Clock clock = Clock.systemUTC();

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
     * The limits the flattened records must stay within and the proof evaluates with; {@link
     * Limits#RFC} by default.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The time reading the tree may take; by default the deadline of the limits.
     *
     * @param timeout positive
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
     * Whether the domain's own {@code a} and {@code mx} terms are replaced by their addresses too
     * (those of included records always are); off by default, since a domain's own hosts change
     * without anyone re-flattening.
     *
     * @param expand true to expand them
     * @return this builder
     */
    public Builder expandHosts(boolean expand) {
      this.expandHosts = expand;
      return this;
    }

    /**
     * The most bytes one record may have before ranges move into the chain; 450 by default.
     *
     * @param bytes at least 100
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is under 100
     */
    public Builder maxRecordBytes(int bytes) {
      if (bytes < 100) {
        throw new IllegalArgumentException("maxRecordBytes must be at least 100: " + bytes);
      }
      this.maxRecordBytes = bytes;
      return this;
    }

    /**
     * The clock the flattening is dated by; the system's UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the flattener.
     *
     * @return an immutable flattener
     * @throws NullPointerException if no DNS seam was set
     */
    public SpfFlattener build() {
      return new SpfFlattener(this);
    }
  }
}
