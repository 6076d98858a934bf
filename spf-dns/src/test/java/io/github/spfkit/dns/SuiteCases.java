package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.conformance.Rfc7208Suite;
import io.github.spfkit.core.conformance.Rfc7208Suite.Scenario;
import io.github.spfkit.core.conformance.Rfc7208Suite.TestCase;
import io.github.spfkit.core.dns.DnsLookup;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The RFC 7208 suite's cases as test arguments, and how one case is run and judged. */
final class SuiteCases {

  private static final List<Map.Entry<Scenario, TestCase>> ALL = Rfc7208Suite.cases();

  private SuiteCases() {}

  /** Every case, named "scenario / case", with its scenario. */
  static Stream<Arguments> arguments() {
    return ALL.stream()
        .map(
            entry ->
                Arguments.of(
                    Named.of(
                        entry.getKey().description() + " / " + entry.getValue().name(),
                        entry.getValue()),
                    entry.getKey()));
  }

  /** The number of cases in the suite. */
  static int count() {
    return ALL.size();
  }

  /** Every case with its scenario, in suite order. */
  static List<Map.Entry<Scenario, TestCase>> all() {
    return ALL;
  }

  /** Evaluates one case as the suite's driver does. */
  static SpfResult evaluate(DnsLookup dns, TestCase test) {
    return evaluate(dns, test, false);
  }

  /** Evaluates one case as the suite's driver does, with or without the checker's prefetch. */
  static SpfResult evaluate(DnsLookup dns, TestCase test, boolean prefetch) {
    SpfChecker checker =
        SpfChecker.builder()
            .dns(dns)
            .defaultExplanation(Rfc7208Suite.DEFAULT_EXPLANATION)
            .prefetch(prefetch)
            .build();
    return checker.check().ip(test.host()).mailFrom(test.mailFrom()).helo(test.helo()).evaluate();
  }

  /** Asserts a result is one the case accepts, with the expected explanation if it gives one. */
  static void assertAccepted(SpfResult result, TestCase test) {
    assertThat(test.results())
        .as("%s: result %s (problem: %s)", test, result.result().token(), result.problem())
        .contains(result.result().token());
    if (test.explanation() != null) {
      assertThat(result.explanation()).as("%s: explanation", test).isEqualTo(test.explanation());
    }
  }
}
