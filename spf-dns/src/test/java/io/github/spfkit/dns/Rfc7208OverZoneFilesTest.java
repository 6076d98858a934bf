package io.github.spfkit.dns;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.conformance.Rfc7208Suite.Scenario;
import io.github.spfkit.core.conformance.Rfc7208Suite.TestCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole RFC 7208 suite through {@link ZoneFileLookup}: each scenario rendered as zone text
 * ({@link SuiteZones}) and read back, TIMEOUT names answering a temporary failure as the suite's
 * driver does.
 */
final class Rfc7208OverZoneFilesTest {

  static Stream<Arguments> cases() {
    return SuiteCases.arguments();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheResultTheSuiteAccepts(TestCase test, Scenario scenario) {
    ZoneFileLookup zones = ZoneFileLookup.fromString(SuiteZones.zoneText(scenario));

    SpfResult result = SuiteCases.evaluate(SuiteZones.withTimeouts(scenario, zones), test);

    SuiteCases.assertAccepted(result, test);
  }
}
