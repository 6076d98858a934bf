package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.conformance.Rfc7208Suite;
import io.github.spfkit.core.conformance.Rfc7208Suite.Scenario;
import io.github.spfkit.core.conformance.Rfc7208Suite.TestCase;
import io.github.spfkit.core.dns.DnsLookup;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RFC 7208 suite through a {@link CachingLookup} per scenario (the cases of a scenario share
 * its zone data, so they share a cache, as the checks of one receiver would): caching changes no
 * result and no query count, and the hit rates of a first (cold) and a second (warm) pass are
 * printed for the project's notes.
 */
final class Rfc7208CaffeineCacheHitRateTest {

  @ParameterizedTest(name = "prefetch {0}")
  @ValueSource(booleans = {false, true})
  void cachingChangesNoResultOfTheSuite(boolean prefetch) {
    CacheStats cold = new CacheStats(0, 0, 0, 0, 0);
    CacheStats warm = new CacheStats(0, 0, 0, 0, 0);
    int cases = 0;
    for (Scenario scenario : Rfc7208Suite.load()) {
      DnsLookup zones =
          SuiteZones.withTimeouts(
              scenario, ZoneFileLookup.fromString(SuiteZones.zoneText(scenario)));
      CaffeineCachingLookup cache = CachingLookup.builder(zones).buildCaffeine();
      for (TestCase test : scenario.cases()) {
        SpfResult direct = SuiteCases.evaluate(zones, test, prefetch);
        SpfResult cached = SuiteCases.evaluate(cache, test, prefetch);

        assertThat(cached.result()).as(test.toString()).isEqualTo(direct.result());
        assertThat(cached.explanation()).as(test.toString()).isEqualTo(direct.explanation());
        assertThat(cached.dnsQueries()).as(test.toString()).isEqualTo(direct.dnsQueries());
        cases++;
      }
      CacheStats afterFirst = cache.stats();
      for (TestCase test : scenario.cases()) {
        SuiteCases.assertAccepted(SuiteCases.evaluate(cache, test, prefetch), test);
      }
      cold = plus(cold, afterFirst);
      warm = plus(warm, minus(cache.stats(), afterFirst));
    }

    assertThat(cases).isEqualTo(203);
    assertThat(cold.requests()).isPositive();
    assertThat(warm.misses()).as("misses on the second pass: temporary failures only").isPositive();
    System.out.printf(
        Locale.ROOT,
        "RFC 7208 suite, one CaffeineCachingLookup per scenario, prefetch %s:%n"
            + "  first pass:  %s%n  second pass: %s%n",
        prefetch,
        describe(cold),
        describe(warm));
  }

  private static CacheStats plus(CacheStats a, CacheStats b) {
    return new CacheStats(
        a.hits() + b.hits(),
        a.misses() + b.misses(),
        a.coalesced() + b.coalesced(),
        a.evictions() + b.evictions(),
        a.size() + b.size());
  }

  private static CacheStats minus(CacheStats a, CacheStats b) {
    return new CacheStats(
        a.hits() - b.hits(),
        a.misses() - b.misses(),
        a.coalesced() - b.coalesced(),
        a.evictions() - b.evictions(),
        a.size());
  }

  private static String describe(CacheStats stats) {
    return String.format(
        Locale.ROOT,
        "%d questions, %d hits, %d misses, %d coalesced, %d evictions: hit rate %.1f%%",
        stats.requests(),
        stats.hits(),
        stats.misses(),
        stats.coalesced(),
        stats.evictions(),
        100 * stats.hitRate());
  }
}
