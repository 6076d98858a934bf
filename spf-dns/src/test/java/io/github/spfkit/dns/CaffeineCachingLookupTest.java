package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class CaffeineCachingLookupTest {

  /** A clock the test moves by hand. */
  private static final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  /** Answers from a table and records every question it is asked. */
  private static final class Recording implements DnsLookup {
    private final Map<String, DnsAnswer> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<DnsQuestion> asked = new ConcurrentLinkedQueue<>();

    Recording answer(String name, DnsAnswer answer) {
      answers.put(name, answer);
      return this;
    }

    @Override
    public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
      asked.add(new DnsQuestion(name, type));
      return CompletableFuture.completedFuture(
          answers.getOrDefault(name, new DnsAnswer.NoSuchDomain(300)));
    }

    int count() {
      return asked.size();
    }
  }

  private final FakeTicker ticker = new FakeTicker();

  private CaffeineCachingLookup cache(DnsLookup delegate) {
    return CachingLookup.builder(delegate).ticker(ticker).buildCaffeine();
  }

  private static DnsAnswer ask(DnsLookup lookup, String name) {
    return lookup.lookup(name, RecordType.TXT).toCompletableFuture().join();
  }

  @Test
  void servesARepeatedQuestionFromTheCacheUntilItsTtlRunsOut() {
    Recording dns = new Recording().answer("a.test", new DnsAnswer.Records(List.of("x"), 60));
    CaffeineCachingLookup cache = cache(dns);

    ask(cache, "a.test");
    ticker.advance(Duration.ofSeconds(59));
    ask(cache, "a.test");
    assertThat(dns.count()).isEqualTo(1);

    ticker.advance(Duration.ofSeconds(1));
    ask(cache, "a.test");
    assertThat(dns.count()).isEqualTo(2);
    assertThat(cache.stats()).isEqualTo(new CacheStats(1, 2, 0, 0, 1));
  }

  @Test
  void returnsACachedAnswerWithTheTtlItHasLeft() {
    Recording dns = new Recording().answer("a.test", new DnsAnswer.Records(List.of("x"), 60));
    CaffeineCachingLookup cache = cache(dns);
    ask(cache, "a.test");

    ticker.advance(Duration.ofMillis(20_500));

    assertThat(ask(cache, "a.test")).isEqualTo(new DnsAnswer.Records(List.of("x"), 39));
  }

  @Test
  void cachesNxdomainAndNodataForTheirTtl() {
    Recording dns =
        new Recording()
            .answer("nx.test", new DnsAnswer.NoSuchDomain(30))
            .answer("nodata.test", new DnsAnswer.NoRecords(30));
    CaffeineCachingLookup cache = cache(dns);

    ask(cache, "nx.test");
    ask(cache, "nodata.test");
    ticker.advance(Duration.ofSeconds(29));
    assertThat(ask(cache, "nx.test")).isEqualTo(new DnsAnswer.NoSuchDomain(1));
    assertThat(ask(cache, "nodata.test")).isEqualTo(new DnsAnswer.NoRecords(1));
    assertThat(dns.count()).isEqualTo(2);

    ticker.advance(Duration.ofSeconds(1));
    ask(cache, "nx.test");
    assertThat(dns.count()).isEqualTo(3);
  }

  @Test
  void neverCachesTemporaryFailures() {
    Recording dns =
        new Recording().answer("fail.test", new DnsAnswer.TemporaryFailure("SERVFAIL"));
    CaffeineCachingLookup cache = cache(dns);

    ask(cache, "fail.test");
    ask(cache, "fail.test");

    assertThat(dns.count()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void neverCachesAnswersWithTtlZero() {
    Recording dns = new Recording().answer("zero.test", new DnsAnswer.NoRecords(0));
    CaffeineCachingLookup cache = cache(dns);

    ask(cache, "zero.test");
    ask(cache, "zero.test");

    assertThat(dns.count()).isEqualTo(2);
  }

  @Test
  void capsTtlsAtTheConfiguredMaximums() {
    Recording dns =
        new Recording()
            .answer("long.test", new DnsAnswer.Records(List.of("x"), 1_000_000))
            .answer("nx.test", new DnsAnswer.NoSuchDomain(1_000_000));
    CaffeineCachingLookup cache =
        CachingLookup.builder(dns)
            .ticker(ticker)
            .maximumTtl(Duration.ofSeconds(100))
            .maximumNegativeTtl(Duration.ofSeconds(10))
            .buildCaffeine();
    ask(cache, "long.test");
    ask(cache, "nx.test");

    ticker.advance(Duration.ofSeconds(10));
    ask(cache, "long.test");
    ask(cache, "nx.test");

    assertThat(dns.count()).isEqualTo(3);
  }

  @Test
  void keysByNameIgnoringAsciiCaseAndTrailingDotAndByType() {
    Recording dns = new Recording().answer("a.test", new DnsAnswer.Records(List.of("x"), 60));
    CaffeineCachingLookup cache = cache(dns);

    ask(cache, "a.test");
    ask(cache, "A.Test.");
    cache.lookup("a.test", RecordType.A).toCompletableFuture().join();

    assertThat(dns.count()).isEqualTo(2);
  }

  @Test
  void evictsTheLeastRecentlyUsedAnswerBeyondItsBound() {
    Recording dns = new Recording();
    CaffeineCachingLookup cache = CachingLookup.builder(dns).ticker(ticker).maximumSize(2).buildCaffeine();

    ask(cache, "one.test");
    ask(cache, "two.test");
    ask(cache, "one.test");
    ask(cache, "three.test");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.stats().evictions()).isEqualTo(1);
    ask(cache, "one.test");
    ask(cache, "two.test");
    assertThat(dns.asked).extracting(DnsQuestion::name)
        .containsExactly("one.test", "two.test", "three.test", "two.test");
  }

  @Test
  void asksOnceForIdenticalQuestionsInFlight() {
    CompletableFuture<DnsAnswer> pending = new CompletableFuture<>();
    List<String> asked = new ArrayList<>();
    CaffeineCachingLookup cache =
        cache(
            (name, type) -> {
              asked.add(name);
              return pending;
            });

    CompletableFuture<DnsAnswer> first = cache.lookup("a.test", RecordType.TXT).toCompletableFuture();
    CompletableFuture<DnsAnswer> second =
        cache.lookup("A.test", RecordType.TXT).toCompletableFuture();
    assertThat(first).isNotDone();
    pending.complete(new DnsAnswer.Records(List.of("x"), 60));

    assertThat(first.join()).isEqualTo(second.join());
    assertThat(asked).containsExactly("a.test");
    assertThat(cache.stats()).isEqualTo(new CacheStats(0, 1, 1, 0, 1));
  }

  @Test
  void turnsAFailingLookupIntoATemporaryFailure() {
    CaffeineCachingLookup throwing =
        cache(
            (name, type) -> {
              throw new IllegalStateException("broken");
            });
    CaffeineCachingLookup failing =
        cache((name, type) -> CompletableFuture.failedFuture(new IllegalStateException("broken")));

    assertThat(ask(throwing, "a.test")).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(ask(failing, "a.test")).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(throwing.size()).isZero();
  }

  @Test
  void staysConsistentUnderManyConcurrentEvaluations() throws Exception {
    Recording dns = new Recording();
    for (int i = 0; i < 50; i++) {
      dns.answer("n" + i + ".test", new DnsAnswer.Records(List.of("r" + i), 60));
    }
    CaffeineCachingLookup cache = CachingLookup.builder(dns).ticker(ticker).maximumSize(40).buildCaffeine();
    int threads = 8;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  boolean right = true;
                  for (int i = 0; i < perThread; i++) {
                    int n = (i * 7 + seed) % 50;
                    DnsAnswer answer = ask(cache, "n" + n + ".test");
                    right &= ((DnsAnswer.Records) answer).data().equals(List.of("r" + n));
                  }
                  return right;
                }));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    CacheStats stats = cache.stats();
    assertThat(stats.requests()).isEqualTo((long) threads * perThread);
    assertThat(stats.misses()).isEqualTo(dns.count());
    assertThat(stats.size()).isLessThanOrEqualTo(40);
    assertThat(stats.hits()).isPositive();
  }

  @Test
  void reportsAHitRateOfZeroBeforeAnyQuestion() {
    assertThat(cache(new Recording()).stats().hitRate()).isZero();
  }

  @Test
  void rejectsBadSettingsAtOnce() {
    CachingLookup.Builder builder = CachingLookup.builder(new Recording());

    assertThatThrownBy(() -> builder.maximumSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maximumTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CachingLookup.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
