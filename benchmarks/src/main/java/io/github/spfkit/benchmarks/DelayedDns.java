package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DnsLookup} that gives another's answer a fixed delay later, as a resolver one round
 * trip away would: the answer completes on a thread of the given scheduler, which is where the
 * evaluation then continues. The calling thread never blocks. Thread safe if the delegate is.
 */
final class DelayedDns implements DnsLookup {
  private final DnsLookup delegate;
  private final long delayNanos;
  private final ScheduledExecutorService scheduler;

  DelayedDns(DnsLookup delegate, Duration delay, ScheduledExecutorService scheduler) {
    this.delegate = delegate;
    this.delayNanos = delay.toNanos();
    this.scheduler = scheduler;
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    CompletableFuture<DnsAnswer> delayed = new CompletableFuture<>();
    delegate
        .lookup(name, type)
        .whenComplete(
            (answer, error) ->
                scheduler.schedule(
                    () -> {
                      if (error != null) {
                        delayed.completeExceptionally(error);
                      } else {
                        delayed.complete(answer);
                      }
                    },
                    delayNanos,
                    TimeUnit.NANOSECONDS));
    return delayed;
  }
}
