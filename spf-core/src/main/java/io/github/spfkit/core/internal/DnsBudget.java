package io.github.spfkit.core.internal;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation's dealings with DNS: the calls to the seam, the counters the limits of RFC 7208
 * §4.6.4 apply to, the evaluation's one deadline, and the {@link Problem} a failed lookup becomes.
 *
 * <p>A lookup whose answer is ready continues at once on the calling thread; only a pending one
 * waits, racing the deadline. The deadline is one timer per evaluation, started by the first
 * lookup that has to wait and cancelled when the evaluation ends. Terms run one after another, so
 * the term and void counters need no locking; the query counter is shared with prefetching.
 */
final class DnsBudget {

  /** The answer a lookup gets when the evaluation's deadline passes first. */
  private static final DnsAnswer.TemporaryFailure DEADLINE =
      new DnsAnswer.TemporaryFailure("the evaluation's deadline passed");

  private final DnsLookup dns;
  private final Limits limits;
  private final long deadline;
  private final Consumer<Throwable> crash;
  private final AtomicInteger queries = new AtomicInteger();
  private @Nullable CompletableFuture<DnsAnswer> timer;
  private @Nullable Prefetcher prefetcher;
  private int dnsTerms;
  private int voidLookups;

  /**
   * @param crash where an exception thrown by a continuation goes (a bug: the evaluation then
   *     completes exceptionally rather than never)
   */
  DnsBudget(DnsLookup dns, Limits limits, Consumer<Throwable> crash) {
    this.dns = dns;
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.deadline().toNanos();
    this.crash = crash;
  }

  void prefetcher(Prefetcher prefetcher) {
    this.prefetcher = prefetcher;
  }

  Limits limits() {
    return limits;
  }

  int dnsTerms() {
    return dnsTerms;
  }

  int voidLookups() {
    return voidLookups;
  }

  int queries() {
    return queries.get();
  }

  /** Counts a DNS-querying term; false once over the limit. */
  boolean countDnsTerm() {
    dnsTerms++;
    return dnsTerms <= limits.maxDnsTerms();
  }

  /** Counts a void lookup; false once over the limit. */
  boolean countVoid() {
    voidLookups++;
    return voidLookups <= limits.maxVoidLookups();
  }

  /**
   * Counts an answer behind a term's own query (the address queries of MX hosts and PTR names)
   * when {@link Limits.VoidLookupCounting#EVERY_QUERY} says so.
   *
   * @return false once over the limit
   */
  boolean countVoidBehindTerm(DnsAnswer answer) {
    if (limits.voidLookupCounting() == Limits.VoidLookupCounting.EVERY_QUERY && isVoid(answer)) {
      return countVoid();
    }
    return true;
  }

  boolean voidLimitExceeded() {
    return voidLookups > limits.maxVoidLookups();
  }

  static boolean isVoid(DnsAnswer answer) {
    return answer instanceof DnsAnswer.NoRecords || answer instanceof DnsAnswer.NoSuchDomain;
  }

  /** Asks, prefetched or not, and calls {@code then} with the answer: at once if it is ready. */
  void lookup(String name, RecordType type, Consumer<DnsAnswer> then) {
    Prefetcher early = prefetcher;
    if (early != null) {
      CompletableFuture<DnsAnswer> answer = early.take(name, type);
      if (answer != null) {
        await(answer, then);
        return;
      }
    }
    if (System.nanoTime() - deadline > 0) {
      then.accept(DEADLINE);
      return;
    }
    queries.incrementAndGet();
    CompletableFuture<DnsAnswer> stage;
    try {
      stage = Objects2.nonNull(dns.lookup(name, type)).toCompletableFuture();
    } catch (RuntimeException e) {
      then.accept(failure("lookup failed", e));
      return;
    }
    if (stage.isDone() && !stage.isCompletedExceptionally()) {
      // the answer is at hand (a synchronous seam, a cache hit): no future is made around it
      DnsAnswer now = stage.join();
      then.accept(now == null ? failure("no answer", null) : now);
      return;
    }
    await(settled(stage), then);
  }

  /** Asks (or takes the prefetched question) without waiting. */
  CompletableFuture<DnsAnswer> start(String name, RecordType type) {
    Prefetcher early = prefetcher;
    if (early != null) {
      CompletableFuture<DnsAnswer> answer = early.take(name, type);
      if (answer != null) {
        return answer;
      }
    }
    return send(name, type);
  }

  /** Calls {@code then} with the answer, or with a deadline failure if the deadline comes first. */
  void await(CompletableFuture<DnsAnswer> answer, Consumer<DnsAnswer> then) {
    if (answer.isDone()) {
      then.accept(answer.join());
      return;
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      then.accept(DEADLINE);
      return;
    }
    CompletableFuture<DnsAnswer> first = timer;
    if (first == null) {
      first = new CompletableFuture<DnsAnswer>().completeOnTimeout(DEADLINE, remaining, TimeUnit.NANOSECONDS);
      timer = first;
    }
    CompletableFuture<Void> unused =
        answer
            .applyToEither(first, a -> a)
            .thenAccept(
                result -> {
                  try {
                    then.accept(result);
                  } catch (RuntimeException | Error e) {
                    crash.accept(e);
                  }
                });
  }

  /** Ends the deadline's timer; called once the evaluation has its result. */
  void finish() {
    CompletableFuture<DnsAnswer> running = timer;
    if (running != null) {
      running.complete(DEADLINE);
    }
  }

  /**
   * Sends a question to the seam, counting it. Never completes exceptionally: a thrown exception
   * or an exceptional stage is a temporary failure.
   */
  CompletableFuture<DnsAnswer> send(String name, RecordType type) {
    if (System.nanoTime() - deadline > 0) {
      return CompletableFuture.completedFuture(DEADLINE);
    }
    queries.incrementAndGet();
    try {
      CompletableFuture<DnsAnswer> stage =
          Objects2.nonNull(dns.lookup(name, type)).toCompletableFuture();
      if (stage.isDone() && !stage.isCompletedExceptionally()) {
        DnsAnswer now = stage.join();
        return now == null ? CompletableFuture.completedFuture(failure("no answer", null)) : stage;
      }
      return settled(stage);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure("lookup failed", e));
    }
  }

  /** The answer of a stage that may fail or give null: a temporary failure then. */
  private static CompletableFuture<DnsAnswer> settled(CompletableFuture<DnsAnswer> stage) {
    return stage.handle(
        (result, error) ->
            error != null || result == null ? failure("lookup failed", error) : result);
  }

  private static DnsAnswer failure(String what, @Nullable Throwable error) {
    Throwable cause = error;
    while (cause != null && cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    return new DnsAnswer.TemporaryFailure(
        cause == null ? what : what + ": " + cause.getClass().getSimpleName());
  }

  /** The deadline's answer is one instance, told apart from equal-looking DNS failures. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isDeadline(DnsAnswer.TemporaryFailure failure) {
    return failure == DEADLINE;
  }

  /** The problem a failed lookup of {@code name} is: the deadline, or a DNS error. */
  Problem temporary(DnsAnswer.TemporaryFailure failure, String name) {
    if (isDeadline(failure)) {
      return new Problem(
          Problem.Kind.DEADLINE_EXCEEDED,
          "the evaluation took longer than " + limits.deadline().toMillis() + " ms",
          name,
          null);
    }
    return new Problem(
        Problem.Kind.DNS_ERROR, "DNS lookup of " + name + " failed: " + failure.reason(), name, null);
  }

  /** The problem of one DNS-querying term too many, in {@code domain}'s record. */
  Problem tooManyDnsTerms(String domain) {
    return new Problem(
        Problem.Kind.TOO_MANY_LOOKUPS,
        "more than "
            + limits.maxDnsTerms()
            + " DNS-querying terms (include, a, mx, ptr, exists, redirect)",
        domain,
        null);
  }

  /** The problem of one void lookup too many, the last of {@code name}, in {@code domain}. */
  Problem tooManyVoidLookups(String domain, String name) {
    return new Problem(
        Problem.Kind.TOO_MANY_VOID_LOOKUPS,
        "more than " + limits.maxVoidLookups() + " lookups found nothing (the last: " + name + ")",
        domain,
        null);
  }
}
