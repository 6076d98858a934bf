package io.github.spfkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values a parse is made of, built by hand: what they copy, print and say about themselves. */
final class RecordValuesTest {

  @Test
  void aMacroStringCopiesTheCallersList() {
    List<MacroToken> tokens = new ArrayList<>(List.of(new MacroToken.Literal("example.com")));
    MacroString spec = new MacroString(tokens);

    tokens.add(new MacroToken.Macro('d', false, 0, false, ""));

    assertThat(spec.tokens()).containsExactly(new MacroToken.Literal("example.com"));
    assertThat(spec.hasMacros()).isFalse();
  }

  @Test
  void aMacroStringOfSeveralLiteralsHasNoMacros() {
    MacroString spec =
        new MacroString(List.of(new MacroToken.Literal("a."), new MacroToken.Literal("example.com")));

    assertThat(spec.hasMacros()).isFalse();
    assertThat(new MacroString(List.of()).hasMacros()).isFalse();
    assertThat(
            new MacroString(
                    List.of(
                        new MacroToken.Literal("a."), new MacroToken.Macro('d', false, 0, false, "")))
                .hasMacros())
        .isTrue();
  }

  @Test
  void onlyTheCAndRAndTMacrosBelongToExplanationsAlone() {
    for (char letter : "slodiphv".toCharArray()) {
      assertThat(new MacroToken.Macro(letter, false, 0, false, "").explanationOnly())
          .as("%c", letter)
          .isFalse();
    }
    for (char letter : "crt".toCharArray()) {
      assertThat(new MacroToken.Macro(letter, false, 0, false, "").explanationOnly())
          .as("%c", letter)
          .isTrue();
    }
  }

  @Test
  void theTwoModifiersOfTheRfcHaveTheirNamesAndTexts() {
    Modifier.Redirect redirect = new Modifier.Redirect(MacroString.literal("_spf.example.com"));
    Modifier.Explanation exp = new Modifier.Explanation(MacroString.literal("why.example.com"));

    assertThat(redirect.name()).isEqualTo("redirect");
    assertThat(redirect).hasToString("redirect=_spf.example.com");
    assertThat(exp.name()).isEqualTo("exp");
    assertThat(exp).hasToString("exp=why.example.com");
  }

  @Test
  void aValidParseCopiesTheCallersPositions() {
    SpfRecord record = new SpfRecord(List.of(new Mechanism.All(Qualifier.FAIL)));
    List<Integer> positions = new ArrayList<>(List.of(7));

    ParseResult.Valid valid = new ParseResult.Valid(record, positions);
    positions.set(0, 99);

    assertThat(valid.positions()).containsExactly(7);
    assertThatThrownBy(() -> new ParseResult.Valid(record, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theParsersPositionsAreAListOfExactlyOnePerTerm() {
    ParseResult.Valid valid = (ParseResult.Valid) RecordParser.parse("v=spf1  a   mx -all");

    assertThat(valid.positions()).containsExactly(8, 12, 15);
    assertThatThrownBy(() -> valid.positions().get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> valid.positions().get(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aSyntaxErrorPrintsItsPositionAndItsHintWhenItHasOne() {
    assertThat(new SyntaxError("empty CIDR length", 21, null))
        .hasToString("empty CIDR length at position 21");
    assertThat(new SyntaxError("unknown mechanism 'ip'", 7, "did you mean ip4: or ip6:?"))
        .hasToString("unknown mechanism 'ip' at position 7 (did you mean ip4: or ip6:?)");
    assertThatThrownBy(() -> new SyntaxError("x", -1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
