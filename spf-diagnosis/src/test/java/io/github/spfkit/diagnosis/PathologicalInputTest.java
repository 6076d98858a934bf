package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input shaped to make pattern matching slow (long runs without the expected delimiters, many
 * repeated openings) still gives a diagnosis: every pattern over bounce text is bounded. The
 * timeout only guards against a hang; speed is measured in the benchmarks.
 */
final class PathologicalInputTest {
  private static final BounceDiagnoser DIAGNOSER = BounceDiagnoser.builder().build();

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("dotted run", "550 5.7.1 " + "a.".repeat(200_000) + " is not allowed"),
        Arguments.of("long word", "550 5.7.1 " + "a".repeat(300_000) + " doesn't allow sending mails from x"),
        Arguments.of("unclosed styles", "Content-Type: text/html\n\n" + "<style>".repeat(100_000)),
        Arguments.of("many addresses", "550 5.7.1 spf " + "1.1.1.1 ".repeat(100_000)),
        Arguments.of("repeated said", "550 5.7.1 " + "host x[1.2.3.4] said: ".repeat(50_000)),
        Arguments.of("recipient lines", "Subject: x\n\n" + "<a@b>:\n".repeat(200_000)),
        Arguments.of("exim host lines", "Subject: x\n\n" + "host a [1.2.3.4]\n".repeat(100_000)),
        Arguments.of("blank lines", "Subject: x\n\n" + "\n".repeat(1_000_000) + "host a [1.2.3.4]"),
        Arguments.of("boundary lines", "Subject: x\n\n" + "--boundary\n".repeat(200_000)),
        Arguments.of("colons", "550 5.7.1 " + "::".repeat(200_000)),
        Arguments.of("long why", "550 5.7.1 Why?s=mfrom;id=" + "x".repeat(300_000)),
        Arguments.of("many headers", "X-A: b\n".repeat(400_000) + "\n550 5.7.23 SPF fail"),
        Arguments.of("long address header", "From: " + "a".repeat(500_000) + "\n\nbody"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void givesADiagnosisWithoutHanging(String name, String input) {
    Diagnosis d = DIAGNOSER.diagnose(input.getBytes(StandardCharsets.UTF_8));

    assertThat(d.category()).isNotNull();
  }
}
