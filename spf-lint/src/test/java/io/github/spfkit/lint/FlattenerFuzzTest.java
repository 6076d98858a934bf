package io.github.spfkit.lint;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Over any zone (see {@link LintZone}: include loops, deep and wide trees, void lookups, answers
 * that fail or never come) the linter gives a report and the flattener a result, in bounded time
 * and never by an exception; and what the flattener offers keeps its promise (see {@link
 * FlatteningCheck}). Seeds under {@code FlattenerFuzzTestInputs}; in {@code mvn verify} they run,
 * {@code JAZZER_FUZZ=1} fuzzes for real.
 *
 * <p>The checks live in {@link FlatteningCheck} so that this class names no spf-core type: JUnit
 * loads the types of a test class's members before Jazzer instruments anything, and spf-core's
 * records loaded that early broke under instrumentation ({@code NoSuchFieldError}).
 */
final class FlattenerFuzzTest {

  @FuzzTest(maxDuration = "60m")
  void flattensAnyZoneIntoAProvedFlatteningOrARefusal(byte[] input) throws Exception {
    FlatteningCheck.run(LintZone.read(input));
  }
}
