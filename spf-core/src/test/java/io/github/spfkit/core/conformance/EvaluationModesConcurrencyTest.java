package io.github.spfkit.core.conformance;

import static io.github.spfkit.core.conformance.EvaluationModesTest.cases;
import static io.github.spfkit.core.conformance.EvaluationModesTest.checker;
import static io.github.spfkit.core.conformance.EvaluationModesTest.essence;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.conformance.EvaluationModesTest.Run;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The answers of {@link EvaluationModesTest} over DNS that answers later on other threads, and
 * from many threads sharing one checker. Slow (seconds) and timing-dependent, so mutation testing
 * leaves it out with the other concurrency tests.
 */
final class EvaluationModesConcurrencyTest {

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
}
