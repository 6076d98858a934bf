package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.conformance.Rfc7208Suite.Scenario;
import io.github.spfkit.core.conformance.Rfc7208Suite.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole RFC 7208 suite through a real authoritative server: each scenario's zone data is
 * rendered as zone files ({@link SuiteZones}) and served by Knot, asked by {@link DnsJavaLookup}
 * over UDP/TCP on loopback, and evaluated by spf-core's checker. One Knot per scenario, started
 * when its first case runs and stopped when the next scenario starts (or after the last).
 */
final class Rfc7208OverKnotTest {

  @TempDir static Path dir;

  private static @Nullable Scenario servedScenario;
  private static @Nullable KnotServer server;
  private static @Nullable DnsJavaLookup lookup;
  private static int started;

  @BeforeEach
  void requireKnot() {
    KnotServer.assumeInstalled();
  }

  @AfterAll
  static void stopKnot() throws InterruptedException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  static Stream<Arguments> cases() {
    return SuiteCases.arguments();
  }

  @Test
  void theSuiteHasAllItsCases() {
    assertThat(SuiteCases.count()).isEqualTo(203);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheResultTheSuiteAccepts(TestCase test, Scenario scenario) throws Exception {
    SpfResult result = SuiteCases.evaluate(serve(scenario), test);

    SuiteCases.assertAccepted(result, test);
  }

  private static DnsJavaLookup serve(Scenario scenario) throws Exception {
    if (!scenario.equals(servedScenario) || lookup == null) {
      stopKnot();
      Path scenarioDir = Files.createDirectories(dir.resolve("scenario" + started++));
      server = KnotServer.start(scenarioDir, SuiteZones.zones(scenario));
      lookup =
          DnsJavaLookup.builder()
              .server(server.hostPort())
              .timeout(Duration.ofSeconds(1))
              .retries(2)
              .build();
      servedScenario = scenario;
    }
    return lookup;
  }
}
