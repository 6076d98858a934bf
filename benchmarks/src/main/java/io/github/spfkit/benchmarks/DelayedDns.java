package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link DnsLookup} that gives another's answer a fixed delay later, as a resolver one round
 * trip away would. The calling thread never blocks; answers complete on {@code workers}, which is
 * where the evaluations then continue. Thread safe if the delegate is; {@link #close()} stops it.
 *
 * <p>One timer thread hands out every answer that is due each time it wakes, as a resolver's event
 * loop hands out every response that arrived: with thousands of questions in flight, a timer task
 * per answer would measure the operating system's timer wake-ups instead of the evaluator.
 */
final class DelayedDns implements DnsLookup, AutoCloseable {
  private final DnsLookup delegate;
  private final long delayNanos;
  private final Executor workers;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean idle = new AtomicBoolean();
  private volatile boolean running = true;
  private final Thread timer;

  private record Pending(
      long due, CompletionStage<DnsAnswer> answer, CompletableFuture<DnsAnswer> delayed) {
    void complete() {
      answer.whenComplete(
          (value, error) -> {
            if (error != null) {
              delayed.completeExceptionally(error);
            } else {
              delayed.complete(value);
            }
          });
    }
  }

  DelayedDns(DnsLookup delegate, Duration delay, Executor workers) {
    this.delegate = delegate;
    this.delayNanos = delay.toNanos();
    this.workers = workers;
    this.timer = new Thread(this::run, "dns-timer");
    timer.setDaemon(true);
    timer.start();
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    CompletableFuture<DnsAnswer> delayed = new CompletableFuture<>();
    queue.add(new Pending(System.nanoTime() + delayNanos, delegate.lookup(name, type), delayed));
    if (idle.get() && idle.compareAndSet(true, false)) {
      LockSupport.unpark(timer);
    }
    return delayed;
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(timer);
  }

  private void run() {
    while (running) {
      Pending head = queue.peek();
      if (head == null) {
        idle.set(true);
        if (queue.isEmpty()) {
          LockSupport.park(this);
        }
        idle.set(false);
        continue;
      }
      long wait = head.due() - System.nanoTime();
      if (wait > 0) {
        // every later question is due later: the delay is fixed
        LockSupport.parkNanos(this, wait);
        continue;
      }
      queue.poll();
      workers.execute(head::complete);
    }
  }
}
