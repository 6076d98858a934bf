package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One million questions over 100,000 names, drawn from a Zipf distribution (exponent 1, fixed
 * seed), through a cache of 10,000 answers whose TTLs do not run out: the hit rate the eviction
 * policy reaches, printed for the project's notes.
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

  /** The same questions for every cache: names by Zipf rank. */
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
      int index = java.util.Arrays.binarySearch(cumulative, u);
      int rank = index >= 0 ? index : -index - 1;
      questions[i] = "n" + Math.min(rank, NAMES - 1) + ".zipf.test";
    }
    return questions;
  }

  private static CacheStats run(String[] questions, Function<DnsLookup, DnsLookup> build,
      Function<DnsLookup, CacheStats> stats) {
    DnsLookup cache = build.apply(ANSWERS);
    for (String name : questions) {
      cache.lookup(name, RecordType.TXT).toCompletableFuture().join();
    }
    return stats.apply(cache);
  }

  @Test
  void measuresTheHitRateOfBothCachesOnTheSameZipfWorkload() {
    String[] questions = questions();
    Ticker still = () -> 0L;
    CacheStats lru =
        run(
            questions,
            d -> CachingLookup.builder(d).ticker(still).maximumSize(CACHE_SIZE).build(),
            c -> ((CachingLookup) c).stats());
    CacheStats tinyLfu =
        run(
            questions,
            d -> CachingLookup.builder(d).ticker(still).maximumSize(CACHE_SIZE).buildCaffeine(),
            c -> ((CaffeineCachingLookup) c).stats());

    for (int size : new int[] {12_000, 14_000, 16_000}) {
      CacheStats bigger =
          run(
              questions,
              d -> CachingLookup.builder(d).ticker(still).maximumSize(size).build(),
              c -> ((CachingLookup) c).stats());
      System.out.printf(Locale.ROOT, "  CachingLookup (LRU) of %,d: hit rate %.2f%%%n", size,
          100 * bigger.hitRate());
    }
    assertThat(lru.requests()).isEqualTo(QUESTIONS);
    assertThat(tinyLfu.requests()).isEqualTo(QUESTIONS);
    assertThat(lru.size()).isEqualTo(CACHE_SIZE);
    assertThat(tinyLfu.size()).isEqualTo(CACHE_SIZE);
    System.out.printf(
        Locale.ROOT,
        "Zipf(1) workload, %,d questions over %,d names, cache of %,d:%n"
            + "  CachingLookup (LRU):             hit rate %.2f%% (%d misses, %d evictions)%n"
            + "  CaffeineCachingLookup (W-TinyLFU): hit rate %.2f%% (%d misses, %d evictions)%n",
        QUESTIONS, NAMES, CACHE_SIZE,
        100 * lru.hitRate(), lru.misses(), lru.evictions(),
        100 * tinyLfu.hitRate(), tinyLfu.misses(), tinyLfu.evictions());
  }
}
