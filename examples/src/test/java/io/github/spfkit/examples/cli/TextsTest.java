package io.github.spfkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class TextsTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("plain text stays", "plain text stays"),
        Arguments.of("tab\tstays", "tab\tstays"),
        Arguments.of("r\u00e9sum\u00e9 and \u0431\u0443\u043a\u0432\u044b stay", "r\u00e9sum\u00e9 and \u0431\u0443\u043a\u0432\u044b stay"),
        Arguments.of("\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"),
        Arguments.of("over\rwrite", "over\\x0dwrite"),
        Arguments.of("bell\u0007", "bell\\x07"),
        Arguments.of("c1\u009bcsi", "c1\\x9bcsi"),
        Arguments.of("del\u007f", "del\\x7f"),
        Arguments.of("bidi \u202egnp.exe", "bidi \\u202egnp.exe"),
        Arguments.of("isolate \u2066x\u2069", "isolate \\u2066x\\u2069"));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void printableEscapesWhatATerminalWouldObey(String line, String shown) {
    assertThat(Texts.printable(line)).isEqualTo(shown);
  }
}
