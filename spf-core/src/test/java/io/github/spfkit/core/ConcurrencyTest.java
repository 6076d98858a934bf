package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One shared checker under load: the single-threaded answers, no deadlock, no thread left behind. */
final class ConcurrencyTest {

  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 include:_spf.a.example include:_spf.b.example ip4:192.0.2.0/24 mx -all")
          .txt("_spf.a.example", "v=spf1 ip4:198.51.100.0/26 include:_spf1.a.example a:relay.a.example -all")
          .txt("_spf1.a.example", "v=spf1 ip4:203.0.113.0/25 ip6:2001:db8:1::/48 -all")
          .a("relay.a.example", "198.51.100.200")
          .txt("_spf.b.example", "v=spf1 ip4:198.51.100.128/26 exists:%{i}.bl.b.example ~all")
          .a("203.0.113.200.bl.b.example", "127.0.0.2")
          .mx("example.com", "mx1.example.com")
          .a("mx1.example.com", "198.18.0.1")
          .txt("broken.example", "v=spf1 ip4:192.0.2.1 -al")
          .txt("two.example", "v=spf1 -all")
          .txt("two.example", "v=spf1 +all")
          .txt("softly.example", "v=spf1 ?a ~all")
          .timeout("slow.example")
          .build();

  private static final String[][] REQUESTS = {
    {"198.18.0.1", "a@example.com"},
    {"198.51.100.200", "b@example.com"},
    {"203.0.113.200", "c@example.com"},
    {"2001:db8:1::5", "d@example.com"},
    {"198.18.9.9", "e@example.com"},
    {"192.0.2.1", "f@broken.example"},
    {"192.0.2.1", "g@two.example"},
    {"192.0.2.1", "h@softly.example"},
    {"192.0.2.1", "i@slow.example"},
    {"192.0.2.1", "j@nowhere.example"},
  };

  private static SpfResult check(SpfChecker checker, int i) {
    String[] request = REQUESTS[i % REQUESTS.length];
    return checker.check().ip(request[0]).mailFrom(request[1]).helo("mail.example.org").evaluate();
  }

  @Test
  void aMillionEvaluationsOnEightThreadsGiveTheSingleThreadedAnswers() throws Exception {
    SpfChecker checker = SpfChecker.builder().dns(DNS).build();
    List<SpfResult> expected = new ArrayList<>();
    for (int i = 0; i < REQUESTS.length; i++) {
      expected.add(check(checker, i));
    }
    assertThat(expected).extracting(SpfResult::result).containsOnlyOnceElementsOf(List.of(Result.FAIL))
        .contains(Result.PASS, Result.SOFTFAIL, Result.PERMERROR, Result.TEMPERROR, Result.NONE);

    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        workers.add(
            threads.submit(
                () -> {
                  int checked = 0;
                  for (int i = 0; i < 125_000; i++) {
                    int which = (i + offset) % REQUESTS.length;
                    SpfResult result = check(checker, which);
                    if (!result.equals(expected.get(which))) {
                      throw new AssertionError(result + " differs from " + expected.get(which));
                    }
                    checked++;
                  }
                  return checked;
                }));
      }
      int total = 0;
      for (Future<Integer> worker : workers) {
        total += worker.get(5, TimeUnit.MINUTES);
      }
      assertThat(total).isEqualTo(1_000_000);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void slowDnsAndTheDeadlineLeaveNoThreadBehind() throws Exception {
    ExecutorService dnsThreads = Executors.newFixedThreadPool(2);
    DnsLookup slow =
        (name, type) ->
            CompletableFuture.supplyAsync(
                () -> DNS.answer(name, type),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS, dnsThreads));
    DnsLookup never = (name, type) -> new CompletableFuture<DnsAnswer>();
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    try {
      for (DnsLookup dns : new DnsLookup[] {slow, never}) {
        SpfChecker checker =
            SpfChecker.builder().dns(dns).limits(Limits.RFC.withDeadline(Duration.ofMillis(400))).build();
        List<CompletionStage<SpfResult>> inFlight = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          String[] request = REQUESTS[i % REQUESTS.length];
          inFlight.add(checker.check().ip(request[0]).mailFrom(request[1]).evaluateAsync());
        }
        for (CompletionStage<SpfResult> stage : inFlight) {
          SpfResult result = stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
          if (dns == never) {
            assertThat(result.result()).isEqualTo(Result.TEMPERROR);
            assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DEADLINE_EXCEEDED);
          }
        }
      }
    } finally {
      dnsThreads.shutdown();
      assertThat(dnsThreads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    // the checker starts no threads of its own: only the JDK's shared ones may have appeared
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> !before.contains(thread) && thread.isAlive())
        .extracting(Thread::getName)
        .allMatch(name -> name.startsWith("CompletableFutureDelayScheduler") || name.startsWith("ForkJoinPool.commonPool"));
  }
}
