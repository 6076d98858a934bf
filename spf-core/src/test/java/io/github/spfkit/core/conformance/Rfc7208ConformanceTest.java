package io.github.spfkit.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Check;
import io.github.spfkit.core.Limits;
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
 *
 * <p>Where the suite needed interpretation:
 *
 * <ul>
 *   <li>{@code TIMEOUT} times out the types a name has no data for: {@code spftimeout} has TXT data
 *       and expects {@code fail}; {@code TXT: NONE} means "no TXT record" (see {@link
 *       Rfc7208Suite#servedEntries}).
 *   <li>Cases that accept two results get: {@code multispf1} permerror; {@code
 *       invalid-domain-empty-label} and {@code invalid-domain-long} permerror, because a domain-spec
 *       without macros that is no usable name is a syntax error with a position; {@code
 *       invalid-domain-long-via-macro} fail, because a name that only macro expansion made unusable
 *       is not looked up and does not match (a sender's HELO or local part cannot turn a policy into
 *       permerror); {@code p-macro-multiple} pass (a validated name under the domain is preferred);
 *       {@code ptr-limit} neutral (only the first 10 PTR names count).
 *   <li>{@code %{i}} of an IPv6 address uses upper-case nibbles, as RFC 7208 §7.4's examples and
 *       {@code v-macro-ip6} do.
 *   <li>Void lookups are counted on every query a term makes, as pyspf and Mail::SPF count: the
 *       first query of {@code a}, {@code mx}, {@code ptr} and {@code exists}, the address queries
 *       of MX hosts and PTR names, and the queries behind {@code %{p}}; lookups for {@code exp}
 *       count against no limit ({@code exp-void}). The suite passes under the other reading,
 *       {@code Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM}, too: no case tells them apart.
 *   <li>A CNAME loop is a temporary failure, which {@code ptr} skips ({@code ptr-cname-loop}); a
 *       null MX ({@code .}) has no addresses and is not looked up ({@code mx-empty}).
 * </ul>
 */
final class Rfc7208ConformanceTest {

  static Stream<Arguments> cases() {
    return Rfc7208Suite.cases().stream()
        .map(entry -> Arguments.of(entry.getValue().name(), entry));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheSuitesResult(String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) {
    assertSuiteResult(c, Limits.RFC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheSuitesResultWhenOnlyTheFirstQueryOfATermCountsAsVoid(
      String name, Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c) {
    assertSuiteResult(
        c, Limits.RFC.withVoidLookupCounting(Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM));
  }

  private static void assertSuiteResult(
      Map.Entry<Rfc7208Suite.Scenario, Rfc7208Suite.TestCase> c, Limits limits) {
    Rfc7208Suite.TestCase test = c.getValue();
    InMemoryDns dns = Rfc7208Suite.inMemory(c.getKey());
    SpfChecker checker =
        SpfChecker.builder()
            .dns(dns)
            .limits(limits)
            .defaultExplanation(Rfc7208Suite.DEFAULT_EXPLANATION)
            .build();
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
