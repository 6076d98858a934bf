package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS seams that answer later, on their own threads, or not properly: the answers count as they
 * came, and a failure is a {@code temperror} whose problem names what went wrong.
 */
final class LateAndFaultyAnswersTest {

  private static final InMemoryDns ZONE =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 mx include:inc.example.com -all")
          .mx("example.com", "mx.example.com")
          .a("mx.example.com", "192.0.2.10")
          .txt("inc.example.com", "v=spf1 ip4:192.0.2.1 -all")
          .build();

  private static Executor after(long millis) {
    return CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
  }

  /** The zone's answers, each given a few milliseconds later on another thread. */
  private static DnsLookup later(DnsLookup dns) {
    return (name, type) ->
        dns.lookup(name, type).toCompletableFuture().thenApplyAsync(answer -> answer, after(5));
  }

  private static SpfResult check(DnsLookup dns, boolean prefetch, String ip) throws Exception {
    return SpfChecker.builder()
        .dns(dns)
        .prefetch(prefetch)
        .build()
        .check()
        .ip(ip)
        .mailFrom("u@example.com")
        .evaluateAsync()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void evaluatesAnswersThatArriveLaterOnAnotherThreadAsIfTheyWereAtHand() throws Exception {
    for (boolean prefetch : new boolean[] {false, true}) {
      for (String ip : new String[] {"192.0.2.1", "192.0.2.10", "192.0.2.99"}) {
        SpfResult late = check(later(ZONE), prefetch, ip);
        SpfResult atHand = check(ZONE, prefetch, ip);

        assertThat(late.result()).as("%s, prefetch %s", ip, prefetch).isEqualTo(atHand.result());
        assertThat(late.trace()).as("%s, prefetch %s", ip, prefetch).isEqualTo(atHand.trace());
      }
    }
    assertThat(check(later(ZONE), false, "192.0.2.1").result()).isEqualTo(Result.PASS);
    assertThat(check(later(ZONE), true, "192.0.2.10").result()).isEqualTo(Result.PASS);
    assertThat(check(later(ZONE), false, "192.0.2.99").result()).isEqualTo(Result.FAIL);
  }

  private static void assertDnsError(DnsLookup dns, String message) throws Exception {
    SpfResult result = check(dns, false, "192.0.2.1");

    assertThat(result.result()).isEqualTo(Result.TEMPERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DNS_ERROR);
    assertThat(result.problem().message()).isEqualTo(message);
  }

  @Test
  void namesTheRootCauseOfALookupThatThrows() throws Exception {
    DnsLookup throwing =
        (name, type) -> {
          throw new UncheckedIOException("resolver broke", new IOException("connection reset"));
        };

    assertDnsError(throwing, "DNS lookup of example.com failed: lookup failed: IOException");
  }

  @Test
  void namesTheRootCauseOfALookupThatFailsAtOnceOrLater() throws Exception {
    DnsLookup failed =
        (name, type) ->
            CompletableFuture.failedFuture(
                new IllegalStateException("wrapped", new SocketTimeoutException("read")));
    DnsLookup failsLater =
        (name, type) ->
            CompletableFuture.supplyAsync(
                () -> {
                  throw new IllegalStateException(new SocketTimeoutException("read"));
                },
                after(5));
    DnsLookup plain = (name, type) -> CompletableFuture.failedFuture(new IOException("reset"));

    String timedOut = "DNS lookup of example.com failed: lookup failed: SocketTimeoutException";
    assertDnsError(failed, timedOut);
    assertDnsError(failsLater, timedOut);
    assertDnsError(plain, "DNS lookup of example.com failed: lookup failed: IOException");
  }

  @Test
  void givesTemperrorWhenTheSeamAnswersNullAtOnceOrLater() throws Exception {
    DnsLookup nullNow = (name, type) -> CompletableFuture.completedFuture(null);
    DnsLookup nullLater =
        (name, type) -> CompletableFuture.supplyAsync(() -> (DnsAnswer) null, after(5));

    assertDnsError(nullNow, "DNS lookup of example.com failed: no answer");
    assertDnsError(nullLater, "DNS lookup of example.com failed: lookup failed");
  }

  @Test
  void givesTemperrorWhenAPrefetchedLookupAnswersNull() throws Exception {
    InMemoryDns zone =
        InMemoryDns.builder().txt("example.com", "v=spf1 include:null.example.com -all").build();
    DnsLookup dns =
        (name, type) ->
            name.startsWith("null")
                ? CompletableFuture.completedFuture(null)
                : zone.lookup(name, type);

    for (boolean prefetch : new boolean[] {false, true}) {
      SpfResult result = check(dns, prefetch, "192.0.2.1");

      assertThat(result.result()).as("prefetch %s", prefetch).isEqualTo(Result.TEMPERROR);
      assertThat(result.problem().message())
          .as("prefetch %s", prefetch)
          .isEqualTo("DNS lookup of null.example.com failed: no answer");
    }
  }

  @ParameterizedTest(name = "prefetch {0}")
  @ValueSource(booleans = {false, true})
  void givesTemperrorWhenTheDeadlinePassesWhileTheSeamBlocks(boolean prefetch) throws Exception {
    InMemoryDns zone =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:slow.example.com include:late.example.com -all")
            .txt("late.example.com", "v=spf1 +all")
            .build();
    DnsLookup dns =
        (name, type) -> {
          if (name.startsWith("slow")) {
            try {
              Thread.sleep(300); // a seam that blocks the evaluation past its deadline
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          CompletableFuture<DnsAnswer> answer = zone.lookup(name, type).toCompletableFuture();
          return name.startsWith("late") ? answer.thenApplyAsync(a -> a, after(5_000)) : answer;
        };
    SpfChecker checker =
        SpfChecker.builder()
            .dns(dns)
            .prefetch(prefetch)
            .limits(Limits.RFC.withDeadline(Duration.ofMillis(100)))
            .build();

    SpfResult result =
        checker
            .check()
            .ip("192.0.2.1")
            .mailFrom("u@example.com")
            .evaluateAsync()
            .toCompletableFuture()
            .get(4, TimeUnit.SECONDS);

    assertThat(result.result()).isEqualTo(Result.TEMPERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DEADLINE_EXCEEDED);
  }
}
