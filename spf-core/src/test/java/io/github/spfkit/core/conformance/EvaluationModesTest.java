package io.github.spfkit.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same answers whichever way a check runs: blocking or asynchronous, sequential or with
 * prefetch, over DNS that answers at once or later on other threads, from one thread or many.
 * The RFC 7208 suite is the data.
 */
final class EvaluationModesTest {

  private record Run(SpfChecker checker, Rfc7208Suite.TestCase test) {
    SpfResult blocking() {
      return checker.check().ip(test.host()).helo(test.helo()).mailFrom(test.mailFrom()).evaluate();
    }

    CompletionStage<SpfResult> async() {
      return checker.check().ip(test.host()).helo(test.helo()).mailFrom(test.mailFrom()).evaluateAsync();
    }
  }

  private static List<Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase>> cases() {
    return Rfc7208Suite.cases();
  }

  private static SpfChecker checker(DnsLookup dns, boolean prefetch) {
    return SpfChecker.builder()
        .dns(dns)
        .defaultExplanation(Rfc7208Suite.DEFAULT_EXPLANATION)
        .prefetch(prefetch)
        .build();
  }

  /** The parts of a result that must not depend on how the check ran. */
  private static List<Object> essence(SpfResult r) {
    return List.of(
        r.result(),
        String.valueOf(r.match()),
        String.valueOf(r.explanation()),
        String.valueOf(r.problem()),
        r.dnsTerms(),
        r.voidLookups());
  }

  @Test
  void asynchronousEvaluationGivesTheBlockingResultExactly() throws Exception {
    for (var c : cases()) {
      SpfChecker checker = checker(Rfc7208Suite.inMemory(c.getKey()), false);
      SpfResult blocking = new Run(checker, c.getValue()).blocking();
      SpfResult async = new Run(checker, c.getValue()).async().toCompletableFuture().get();
      assertThat(async).as(c.getValue().name()).isEqualTo(blocking);
    }
  }

  @Test
  void prefetchGivesTheSequentialResultsWithinTheQueryLimits() throws Exception {
    for (var c : cases()) {
      InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
      SpfResult sequential = new Run(checker(dns, false), c.getValue()).blocking();
      SpfResult prefetched = new Run(checker(dns, true), c.getValue()).blocking();
      assertThat(essence(prefetched)).as(c.getValue().name()).isEqualTo(essence(sequential));
      assertThat(prefetched.trace()).as(c.getValue().name()).isEqualTo(sequential.trace());
      assertThat(prefetched.dnsQueries()).as(c.getValue().name()).isLessThanOrEqualTo(maxQueries());
    }
  }

  /** Record, 10 terms, 10 MX or PTR addresses each, %{p} and exp lookups: a generous RFC bound. */
  private static int maxQueries() {
    Limits rfc = Limits.RFC;
    return 1 + rfc.maxDnsTerms() * (1 + rfc.maxMxNames()) + rfc.maxPtrNames() + 3;
  }

  @Test
  void slowDnsOnOtherThreadsGivesTheSameResults() throws Exception {
    ScheduledDns.Pool pool = new ScheduledDns.Pool();
    try {
      for (var c : cases()) {
        InMemoryDns memory = Rfc7208Suite.inMemory(c.getKey());
        SpfResult expected = new Run(checker(memory, false), c.getValue()).blocking();
        for (boolean prefetch : new boolean[] {false, true}) {
          SpfResult slow = new Run(checker(pool.delayed(memory), prefetch), c.getValue()).blocking();
          assertThat(essence(slow)).as("%s prefetch=%s", c.getValue().name(), prefetch).isEqualTo(essence(expected));
        }
      }
    } finally {
      pool.close();
    }
  }

  @Test
  void oneCheckerSharedByManyThreadsGivesTheSingleThreadedAnswers() throws Exception {
    // one DNS for all scenarios would mix their zones, so share one checker per scenario
    List<Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase>> all = cases();
    Map<Rfc7208Suite.Scenario, SpfChecker> checkers = new java.util.IdentityHashMap<>();
    List<SpfResult> expected = new ArrayList<>();
    for (var c : all) {
      SpfChecker checker =
          checkers.computeIfAbsent(c.getKey(), s -> checker(Rfc7208Suite.inMemory(s), false));
      expected.add(new Run(checker, c.getValue()).blocking());
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> rounds = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        rounds.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < all.size(); i++) {
                      var c = all.get(i);
                      SpfResult result = new Run(checkers.get(c.getKey()), c.getValue()).blocking();
                      if (!essence(result).equals(essence(expected.get(i)))) {
                        throw new AssertionError(c.getValue().name() + ": " + result + " vs " + expected.get(i));
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> round : rounds) {
        assertThat(round.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** A DNS answering from memory after a random delay of up to 2 ms, on a small pool. */
  private static final class ScheduledDns {
    static final class Pool implements AutoCloseable {
      private final java.util.concurrent.ScheduledExecutorService scheduler =
          Executors.newScheduledThreadPool(2);

      DnsLookup delayed(InMemoryDns memory) {
        return (name, type) -> {
          CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
          DnsAnswer now = memory.answer(name, type);
          scheduler.schedule(
              () -> answer.complete(now), ThreadLocalRandom.current().nextInt(2000), TimeUnit.MICROSECONDS);
          return answer;
        };
      }

      @Override
      public void close() {
        scheduler.shutdownNow();
      }
    }
  }

  @Test
  void theSuiteNeverAsksForTypeSpf() {
    for (var c : cases()) {
      InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
      new Run(checker(dns, true), c.getValue()).blocking();
      assertThat(dns.queries()).noneMatch(q -> q.type() == RecordType.SPF);
    }
  }
}
