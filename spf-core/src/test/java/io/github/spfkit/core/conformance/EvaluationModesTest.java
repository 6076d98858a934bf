package io.github.spfkit.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same answers whichever way a check runs: blocking or asynchronous, sequential or with
 * prefetch. The RFC 7208 suite is the data; {@link EvaluationModesConcurrencyTest} runs it over DNS
 * that answers later on other threads and from many threads at once.
 */
final class EvaluationModesTest {

  record Run(SpfChecker checker, Rfc7208Suite.TestCase test) {
    SpfResult blocking() {
      return checker.check().ip(test.host()).helo(test.helo()).mailFrom(test.mailFrom()).evaluate();
    }

    CompletionStage<SpfResult> async() {
      return checker.check().ip(test.host()).helo(test.helo()).mailFrom(test.mailFrom()).evaluateAsync();
    }
  }

  static List<Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase>> cases() {
    return Rfc7208Suite.cases();
  }

  /**
   * One test per case of the suite, so that a failure names its case and a mutation tool runs only
   * the cases that reach a mutated line.
   */
  static Stream<Arguments> named() {
    return cases().stream().map(c -> Arguments.of(c.getValue().name(), c));
  }

  static SpfChecker checker(DnsLookup dns, boolean prefetch) {
    return SpfChecker.builder()
        .dns(dns)
        .defaultExplanation(Rfc7208Suite.DEFAULT_EXPLANATION)
        .prefetch(prefetch)
        .build();
  }

  /** The parts of a result that must not depend on how the check ran. */
  static List<Object> essence(SpfResult r) {
    return List.of(
        r.result(),
        String.valueOf(r.match()),
        String.valueOf(r.explanation()),
        String.valueOf(r.problem()),
        r.dnsTerms(),
        r.voidLookups());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void asynchronousEvaluationGivesTheBlockingResultExactly(
      String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) throws Exception {
    SpfChecker checker = checker(Rfc7208Suite.inMemory(c.getKey()), false);
    SpfResult blocking = new Run(checker, c.getValue()).blocking();
    SpfResult async = new Run(checker, c.getValue()).async().toCompletableFuture().get();
    assertThat(async).as(name).isEqualTo(blocking);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void prefetchGivesTheSequentialResultsWithinTheQueryLimits(
      String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) {
    InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
    SpfResult sequential = new Run(checker(dns, false), c.getValue()).blocking();
    SpfResult prefetched = new Run(checker(dns, true), c.getValue()).blocking();
    assertThat(essence(prefetched)).as(name).isEqualTo(essence(sequential));
    assertThat(prefetched.trace()).as(name).isEqualTo(sequential.trace());
    assertThat(prefetched.dnsQueries()).as(name).isLessThanOrEqualTo(maxQueries());
  }

  /** Record, 10 terms, 10 MX or PTR addresses each, %{p} and exp lookups: a generous RFC bound. */
  private static int maxQueries() {
    Limits rfc = Limits.RFC;
    return 1 + rfc.maxDnsTerms() * (1 + rfc.maxMxNames()) + rfc.maxPtrNames() + 3;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void neverAsksForTypeSpf(String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) {
    InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
    new Run(checker(dns, true), c.getValue()).blocking();
    assertThat(dns.queries()).as(name).noneMatch(q -> q.type() == RecordType.SPF);
  }
}
