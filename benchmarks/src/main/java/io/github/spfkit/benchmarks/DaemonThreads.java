package io.github.spfkit.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for the delayed DNS, on daemon threads so a failed run still exits. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** A fixed pool of {@code threads} daemon threads named {@code name-N}. */
  static ExecutorService pool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
