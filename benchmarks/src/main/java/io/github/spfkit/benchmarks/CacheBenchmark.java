package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.dns.CachingLookup;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Questions per second through a {@link CachingLookup} of 10,000 answers, on a Zipf-distributed (exponent 1)
 * stream over 100,000 names whose answers are at hand (so the score is the cache's own cost,
 * misses and evictions included). Run with {@code -t 1} and {@code -t 8}. It was
 * measured against a Caffeine-based cache in the same run (README.md, "Testing").
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CacheBenchmark {

  private static final int NAMES = 100_000;
  private static final int STREAM = 1 << 20;

  /** The cache under test, shared by every benchmark thread. */
  @State(Scope.Benchmark)
  public static class Shared {
    DnsLookup lookup = (name, type) -> CompletableFuture.completedFuture(new DnsAnswer.NoRecords(0));
    String[] names = new String[0];

    /** Builds the cache and the stream of names. */
    @Setup
    public void setUp() {
      DnsLookup answers =
          (name, type) ->
              CompletableFuture.completedFuture(
                  new DnsAnswer.Records(List.of("v=spf1 -all"), 86_400));
      lookup = CachingLookup.builder(answers).maximumSize(10_000).build();
      double[] cumulative = new double[NAMES];
      double sum = 0;
      for (int rank = 1; rank <= NAMES; rank++) {
        sum += 1.0 / rank;
        cumulative[rank - 1] = sum;
      }
      SplittableRandom random = new SplittableRandom(7208);
      names = new String[STREAM];
      for (int i = 0; i < STREAM; i++) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
        names[i] = "n" + Math.min(index >= 0 ? index : -index - 1, NAMES - 1) + ".zipf.test";
      }
    }
  }

  /** Where each thread is in the stream. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    /** Starts each thread at a different place. */
    @Setup
    public void setUp() {
      next = (int) (Thread.currentThread().getId() * 7919) & (STREAM - 1);
    }
  }

  /**
   * One question.
   *
   * @param shared the cache
   * @param cursor this thread's place in the stream
   * @return the answer
   */
  @Benchmark
  public DnsAnswer lookup(Shared shared, Cursor cursor) {
    String name = shared.names[cursor.next];
    cursor.next = (cursor.next + 1) & (STREAM - 1);
    return shared.lookup.lookup(name, RecordType.TXT).toCompletableFuture().join();
  }
}
