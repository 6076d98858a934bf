package io.github.spfkit.lint;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A memo in front of the seam for one lint or flattening: each question is asked once, and every
 * answer is in by a deadline (an outstanding one then reads as a temporary failure). No thread waits
 * for an answer: the timeout is a {@link CompletableFuture#completeOnTimeout} on a future of our
 * own, so a future the seam shares with others is never completed by us. Safe for concurrent use.
 */
final class Answers implements DnsLookup {
  static final String DEADLINE = "deadline exceeded";

  private final DnsLookup dns;
  private final long deadlineNanos;
  private final Map<String, CompletableFuture<DnsAnswer>> memo = new ConcurrentHashMap<>();

  Answers(DnsLookup dns, long deadlineNanos) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    return memo.computeIfAbsent(key(name, type), k -> ask(name, type));
  }

  /** The answer if it is already in, else {@code null}. */
  @Nullable DnsAnswer cached(String name, RecordType type) {
    CompletableFuture<DnsAnswer> future = memo.get(key(name, type));
    return future == null || !future.isDone() ? null : future.getNow(new DnsAnswer.TemporaryFailure(DEADLINE));
  }

  private CompletableFuture<DnsAnswer> ask(String name, RecordType type) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure(DEADLINE));
    }
    CompletableFuture<DnsAnswer> own = new CompletableFuture<>();
    try {
      dns.lookup(name, type)
          .whenComplete(
              (answer, failure) ->
                  own.complete(
                      answer != null
                          ? answer
                          : new DnsAnswer.TemporaryFailure(
                              "lookup failed: " + (failure == null ? "no answer" : failure))));
    } catch (RuntimeException e) {
      own.complete(new DnsAnswer.TemporaryFailure("lookup failed: " + e));
    }
    return own.completeOnTimeout(new DnsAnswer.TemporaryFailure(DEADLINE), remaining, TimeUnit.NANOSECONDS);
  }

  private static String key(String name, RecordType type) {
    return Names.normalize(name).toLowerCase(Locale.ROOT) + "/" + type;
  }
}
