package io.github.spfkit.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Check;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole openspf RFC 7208 suite over in-memory DNS, one test per case, with the reference
 * driver's rules: SPF-type data served as TXT, {@code TIMEOUT} as temporary failures, the default
 * explanation {@code DEFAULT}, any listed result accepted.
 */
final class Rfc7208ConformanceTest {

  static Stream<Arguments> cases() {
    return Rfc7208Suite.cases().stream()
        .map(entry -> Arguments.of(entry.getValue().name(), entry));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheSuitesResult(String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) {
    Rfc7208Suite.TestCase test = c.getValue();
    InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
    SpfChecker checker =
        SpfChecker.builder().dns(dns).defaultExplanation(Rfc7208Suite.DEFAULT_EXPLANATION).build();
    Check check = checker.check().ip(test.host()).helo(test.helo()).mailFrom(test.mailFrom());

    SpfResult result = check.evaluate();

    assertThat(test.results())
        .as("%s: %s, trace %s", test, result.problem(), result.trace())
        .contains(result.result().token());
    if (test.explanation() != null) {
      assertThat(result.explanation()).as("explanation of %s", test).isEqualTo(test.explanation());
    }
  }
}
