package io.github.spfkit.benchmarks;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@value #CHECKS} checks of the realistic tree in flight at once through the asynchronous API.
 *
 * <ul>
 *   <li>{@code batch}: every DNS answer comes {@code delayMs} later on a pool of {@code threads}
 *       threads, where the evaluations continue; the score is the wall time until all
 *       {@value #CHECKS} have their result (the floor for one check is 11 round trips one after
 *       another, 4 with prefetch).
 *   <li>{@code heapPerCheckInFlight}: DNS answers at once except questions about {@code gate},
 *       which are held until all {@value #CHECKS} checks wait there; the heap in use then (after
 *       full GCs) less the heap in use before they started, divided by {@value #CHECKS}: the
 *       secondary results {@code heldBytes / checksHeld}, printed after each iteration too. {@code relay.a.example} is the deepest point of the
 *       tree (three records under evaluation), {@code example.com} the first question. The time
 *       score of this method is meaningless (it includes the GCs).
 * </ul>
 *
 * Every check must pass; a batch that does not is an error, not a figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConcurrencyBenchmark {

  /** Checks in flight at once. */
  public static final int CHECKS = 10_000;

  /** Checkers on delayed DNS. */
  @State(Scope.Benchmark)
  public static class Delayed {
    /** Whether the checker prefetches. */
    @Param({"false", "true"})
    public boolean prefetch;

    /** The delay of every DNS answer, in milliseconds. */
    @Param({"5"})
    public int delayMs = 5;

    /** Threads answering DNS and running the evaluations. */
    @Param({"2"})
    public int threads = 2;

    @SuppressWarnings("NullAway.Init") // @Setup
    private ExecutorService workers;

    @SuppressWarnings("NullAway.Init") // @Setup
    DelayedDns dns;

    @SuppressWarnings("NullAway.Init") // @Setup
    SpfChecker checker;

    /** Builds the checker. */
    @Setup
    public void setUp() {
      workers = DaemonThreads.pool("dns", threads);
      InMemoryDns memory = ZoneData.realisticTree().toInMemoryDns();
      dns = new DelayedDns(memory, Duration.ofMillis(delayMs), workers);
      checker = SpfChecker.builder().dns(dns).prefetch(prefetch).build();
    }

    /** Stops the DNS threads. */
    @TearDown
    public void tearDown() {
      dns.close();
      workers.shutdownNow();
    }
  }

  /** Checkers on DNS that holds one name's questions. */
  @State(Scope.Benchmark)
  public static class Gated {
    /** Whether the checker prefetches. */
    @Param({"false", "true"})
    public boolean prefetch;

    /** The name whose questions are held. */
    @Param({"relay.a.example", "example.com"})
    public String gate = "relay.a.example";

    @SuppressWarnings("NullAway.Init") // @Setup
    GatedDns dns;

    @SuppressWarnings("NullAway.Init") // @Setup
    SpfChecker checker;

    /** Builds the checker. */
    @Setup
    public void setUp() {
      dns = new GatedDns(ZoneData.realisticTree().toInMemoryDns(), gate);
      checker = SpfChecker.builder().dns(dns).prefetch(prefetch).build();
    }
  }

  /**
   * The heap measurement, reported as secondary results. JMH adds event counters up over the
   * iterations, so the figure is their quotient: {@code heldBytes / checksHeld} bytes per check.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    /** Heap in use with the checks held, less the heap in use before they started, in bytes. */
    public long heldBytes;

    /** Checks held at the gate. */
    public long checksHeld;
  }

  /** Starts {@value #CHECKS} checks and waits for them all. */
  @Benchmark
  public int batch(Delayed state) {
    CompletableFuture<?>[] all = start(state.checker);
    CompletableFuture.allOf(all).join();
    return passes(all);
  }

  /**
   * The same batch with no evaluation at all: {@value #CHECKS} chains of as many delayed questions
   * one after another as a check waits for (11, or 4 with prefetch), through the same DNS and
   * pool. What {@code batch} costs beyond this is the evaluator's.
   */
  @Benchmark
  public int batchFloor(Delayed state) {
    int steps = state.prefetch ? RealisticTree.DEPTH : RealisticTree.QUERIES;
    CompletableFuture<?>[] all = new CompletableFuture<?>[CHECKS];
    for (int i = 0; i < CHECKS; i++) {
      CompletableFuture<DnsAnswer> chain =
          state.dns.lookup(RealisticTree.DOMAIN, RecordType.TXT).toCompletableFuture();
      for (int step = 1; step < steps; step++) {
        chain =
            chain.thenCompose(answer -> state.dns.lookup(RealisticTree.DOMAIN, RecordType.TXT));
      }
      all[i] = chain;
    }
    CompletableFuture.allOf(all).join();
    return all.length;
  }

  /** Measures the heap held by {@value #CHECKS} checks waiting at the gate. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int heapPerCheckInFlight(Gated state, Heap heap) {
    long before = usedHeapAfterGc();
    CompletableFuture<?>[] all = start(state.checker);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (state.dns.held() < CHECKS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + state.dns.held() + " of " + CHECKS + " checks reached " + state.gate);
      }
      LockSupport.parkNanos(1_000_000);
    }
    long during = usedHeapAfterGc();
    state.dns.release();
    CompletableFuture.allOf(all).join();
    heap.heldBytes = during - before;
    heap.checksHeld = CHECKS;
    System.out.printf(" [%.0f bytes per check in flight]", (during - before) / (double) CHECKS);
    return passes(all);
  }

  private static CompletableFuture<?>[] start(SpfChecker checker) {
    CompletableFuture<?>[] all = new CompletableFuture<?>[CHECKS];
    for (int i = 0; i < CHECKS; i++) {
      all[i] =
          checker
              .check()
              .ip(RealisticTree.IP_PASS_VIA_MX)
              .mailFrom(RealisticTree.SENDER)
              .helo(RealisticTree.HELO)
              .evaluateAsync()
              .toCompletableFuture();
    }
    return all;
  }

  private static int passes(CompletableFuture<?>[] all) {
    int passes = 0;
    for (CompletableFuture<?> each : all) {
      if (each.join() instanceof SpfResult result && result.result() == Result.PASS) {
        passes++;
      }
    }
    if (passes != all.length) {
      throw new IllegalStateException(passes + " of " + all.length + " checks passed");
    }
    return passes;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
