package io.github.spfkit.diagnosis;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The DNS seam with one deadline for a whole diagnosis: every lookup still unanswered at the
 * deadline answers {@link DnsAnswer.TemporaryFailure}, and a lookup that throws does too. So a
 * diagnosis ends on time however slow or broken DNS is.
 */
final class DeadlineDns implements DnsLookup {
  private final DnsLookup dns;
  private final long deadlineNanos;

  DeadlineDns(DnsLookup dns, long deadlineNanos) {
    this.dns = dns;
    this.deadlineNanos = deadlineNanos;
  }

  long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  boolean expired() {
    return remainingNanos() <= 0;
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    long remaining = remainingNanos();
    if (remaining <= 0) {
      return CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("diagnosis deadline exceeded"));
    }
    CompletableFuture<DnsAnswer> answer;
    try {
      answer = dns.lookup(name, type).toCompletableFuture().copy();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("lookup failed: " + e));
    }
    return answer
        .exceptionally(e -> new DnsAnswer.TemporaryFailure("lookup failed: " + e))
        .completeOnTimeout(
            new DnsAnswer.TemporaryFailure("diagnosis deadline exceeded"),
            remaining,
            TimeUnit.NANOSECONDS);
  }

  /** Blocking form, for the diagnoser's own few lookups. */
  DnsAnswer get(String name, RecordType type) {
    try {
      DnsAnswer answer = lookup(name, type).toCompletableFuture().get(Math.max(1, remainingNanos()) + 1_000_000L, TimeUnit.NANOSECONDS);
      return answer == null ? new DnsAnswer.TemporaryFailure("no answer") : answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DnsAnswer.TemporaryFailure("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return new DnsAnswer.TemporaryFailure("diagnosis deadline exceeded");
    }
  }
}
