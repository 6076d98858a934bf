package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FlatRecordTest {

  @Test
  void keepsATextOf255BytesInOneString() {
    String text = "v=spf1 " + "x".repeat(248);

    assertThat(new FlatRecord("example.com", text).strings()).containsExactly(text);
    assertThat(new FlatRecord("example.com", text + "y").strings())
        .containsExactly("v=spf1 ", "x".repeat(248) + "y");
  }

  @Test
  void cutsAfterTheLastSpaceThatFitsSoEachStringReadsOnItsOwn() {
    String first = "v=spf1 " + "ip4:192.0.2.1 ".repeat(17); // 7 + 17 * 14 = 245 bytes, ending in a space
    String text = first + "ip4:198.51.100.100 -all";

    assertThat(new FlatRecord("example.com", text).strings()).containsExactly(first, "ip4:198.51.100.100 -all");
  }

  @Test
  void cutsAt255WhenTheOnlySpaceIsFirstOrThereIsNone() {
    String spaced = " " + "x".repeat(300);
    String solid = "x".repeat(600);

    assertThat(new FlatRecord("example.com", spaced).strings())
        .containsExactly(spaced.substring(0, 255), spaced.substring(255));
    assertThat(new FlatRecord("example.com", solid).strings())
        .containsExactly("x".repeat(255), "x".repeat(255), "x".repeat(90));
  }

  @Test
  void writesAZoneLineWithQuotesAndBackslashesEscaped() {
    FlatRecord record = new FlatRecord("example.com", "v=spf1 exp=\"x\\y\" -all");

    assertThat(record.zoneLine()).isEqualTo("example.com. IN TXT \"v=spf1 exp=\\\"x\\\\y\\\" -all\"");
    assertThat(record.bytes()).isEqualTo(21);
  }
}
