package io.github.spfkit.benchmarks;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** Schedulers for the delayed DNS, on daemon threads so a failed run still exits. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** A scheduler with {@code threads} daemon threads named {@code name-N}. */
  static ScheduledThreadPoolExecutor scheduler(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            threads,
            task -> {
              Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}
