package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * One million questions over 100,000 names, drawn from a Zipf distribution (exponent 1, fixed
 * seed), through a cache of 10,000 answers whose TTLs do not run out: the hit rate least recently
 * used eviction reaches on that stream, printed for the project's notes.
 */
final class ZipfCacheHitRateTest {

  private static final int NAMES = 100_000;
  private static final int QUESTIONS = 1_000_000;
  private static final int CACHE_SIZE = 10_000;
  private static final long SEED = 7208;

  private static final DnsLookup ANSWERS =
      new DnsLookup() {
        @Override
        public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
          return CompletableFuture.completedFuture(
              new DnsAnswer.Records(List.of("v=spf1 -all"), 86_400));
        }
      };

  /** The questions, in order: names drawn by Zipf rank. */
  static String[] questions() {
    double[] cumulative = new double[NAMES];
    double sum = 0;
    for (int rank = 1; rank <= NAMES; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    SplittableRandom random = new SplittableRandom(SEED);
    String[] questions = new String[QUESTIONS];
    for (int i = 0; i < QUESTIONS; i++) {
      double u = random.nextDouble() * sum;
      int index = Arrays.binarySearch(cumulative, u);
      int rank = index >= 0 ? index : -index - 1;
      questions[i] = "n" + Math.min(rank, NAMES - 1) + ".zipf.test";
    }
    return questions;
  }

  @Test
  void keepsTheMostAskedNamesOfAZipfWorkloadWithinItsBound() {
    String[] questions = questions();
    CachingLookup cache =
        CachingLookup.builder(ANSWERS).ticker(() -> 0L).maximumSize(CACHE_SIZE).build();
    for (String name : questions) {
      cache.lookup(name, RecordType.TXT).toCompletableFuture().join();
    }
    CacheStats stats = cache.stats();

    assertThat(stats.requests()).isEqualTo(QUESTIONS);
    assertThat(stats.size()).isEqualTo(CACHE_SIZE);
    assertThat(stats.evictions()).isEqualTo(stats.misses() - CACHE_SIZE);
    // The figure of the deterministic stream (README.md, "Testing"): 73.49 %.
    assertThat(stats.hitRate()).isBetween(0.7345, 0.7355);
    System.out.printf(
        Locale.ROOT,
        "Zipf(1) workload, %,d questions over %,d names, CachingLookup of %,d: hit rate %.2f%%"
            + " (%d misses, %d evictions)%n",
        QUESTIONS, NAMES, CACHE_SIZE, 100 * stats.hitRate(), stats.misses(), stats.evictions());
  }
}
