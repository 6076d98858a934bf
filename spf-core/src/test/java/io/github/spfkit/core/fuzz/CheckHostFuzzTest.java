package io.github.spfkit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * check_host over a fuzzed zone (see {@link FuzzZone}) always ends in one of the seven results,
 * within its deadline, within the DNS query bound, and with headers that cannot inject anything.
 * Seeds: every case of the RFC 7208 suite.
 */
final class CheckHostFuzzTest {

  private static final Limits LIMITS = Limits.RFC.withDeadline(Duration.ofSeconds(2));

  /** Record, 10 terms with up to 10 addresses each, the %{p} names and the explanation. */
  private static final int MAX_QUERIES = 1 + 10 * 11 + 11 + 2 + 11;

  @FuzzTest(maxDuration = "60m")
  void evaluatesAnyZoneToAResultSafely(byte[] input) throws Exception {
    FuzzZone zone = FuzzZone.read(input);
    SpfChecker checker =
        SpfChecker.builder().dns(zone.dns()).limits(LIMITS).receiver("mx.example.org").build();

    SpfResult result;
    try {
      result =
          checker
              .check()
              .ip(zone.ip())
              .mailFrom(zone.sender())
              .helo(zone.helo())
              .evaluateAsync()
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
    } catch (IllegalStateException e) {
      return; // an empty sender with an empty HELO: the caller's mistake, reported at once
    }

    assertThat(result.result()).isNotNull();
    assertThat(zone.dns().queries().size()).isLessThanOrEqualTo(MAX_QUERIES);
    assertThat(result.dnsQueries()).isEqualTo(zone.dns().queries().size());
    if (result.result() == Result.PERMERROR || result.result() == Result.TEMPERROR) {
      assertThat(result.problem()).isNotNull();
      assertThat(result.problem().kind()).isNotEqualTo(Problem.Kind.DEADLINE_EXCEEDED);
    }
    HeaderSafety.assertSafe(result.receivedSpf());
    HeaderSafety.assertSafe(result.authenticationResults("mx.example.org"));
  }
}
