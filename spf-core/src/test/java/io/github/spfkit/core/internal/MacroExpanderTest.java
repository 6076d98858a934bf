package io.github.spfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.RecordParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7208 §7.4's examples and every letter, transformer and escape. */
final class MacroExpanderTest {

  private static final MacroContext IPV4 =
      MacroContext.of(
          "strong-bad@email.example.com",
          IpAddress.of("192.0.2.3"),
          "mx.example.org",
          "receiver.example.net",
          1_700_000_000L);

  private static final MacroContext IPV6 =
      MacroContext.of(
          "strong-bad@email.example.com",
          IpAddress.of("2001:db8::cb01"),
          "mx.example.org",
          null,
          1_700_000_000L);

  private static String expand(String explanation, MacroContext context) {
    MacroString string = RecordParser.parseExplanation(explanation).orElseThrow();
    return MacroExpander.expand(string, context, "email.example.com", null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%{i}|192.0.2.3",
        "%{c}|192.0.2.3",
        "%{v}|in-addr",
        "%{h}|mx.example.org",
        "%{r}|receiver.example.net",
        "%{t}|1700000000",
        "%{p}|unknown",
        "%{d100}|email.example.com",
        "%{l+-}|strong.bad",
        "%{s=}|strong-bad@email.example.com",
        "%%|%",
        "%_|' '",
        "%-|%20",
        "a%%b%_c%-d|a%b c%20d"
      })
  void expandsTheRfcExamples(String macro, String expected) {
    assertThat(expand(macro, IPV4)).isEqualTo(expected);
  }

  @Test
  void expandsIpv6AsNibblesAndCAsText() {
    assertThat(expand("%{ir}.%{v}._spf.%{d2}", IPV6))
        .isEqualTo("1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com");
    assertThat(expand("%{c}", IPV6)).isEqualTo("2001:db8::cb01");
    assertThat(expand("%{r}", IPV6)).isEqualTo("unknown");
  }

  @Test
  void urlEscapesUpperCaseLettersKeepingUnreservedCharacters() {
    MacroContext context =
        MacroContext.of(
            "~jack&jill=up-a_b3.c@example.com", IpAddress.of("192.0.2.3"), null, null, 0);

    assertThat(expand("%{L}", context)).isEqualTo("~jack%26jill%3Dup-a_b3.c");
    assertThat(expand("%{S}", context)).isEqualTo("~jack%26jill%3Dup-a_b3.c%40example.com");
  }

  @Test
  void urlEscapesNonAsciiAsUtf8() {
    MacroContext context = MacroContext.of("j\u00fcrgen@example.com", IpAddress.of("192.0.2.3"), null, null, 0);

    assertThat(expand("%{L}", context)).isEqualTo("j%C3%BCrgen");
  }

  @Test
  void usesTheValidatedNameForP() {
    MacroString string = RecordParser.parseExplanation("%{p}").orElseThrow();

    assertThat(MacroExpander.expand(string, IPV4, "example.com", "mx.example.com"))
        .isEqualTo("mx.example.com");
    assertThat(MacroExpander.needsValidatedName(string)).isTrue();
  }

  @Test
  void truncatesLongNamesFromTheLeftByLabels() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label, "example.com");

    String truncated = MacroExpander.toDomainName(name);

    assertThat(truncated).isEqualTo(String.join(".", label, label, label, "example.com"));
    assertThat(truncated.length()).isLessThanOrEqualTo(253);
  }

  @Test
  void keepsANameOfExactly253CharactersAndShortensOneOf254() {
    String head = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63));
    String longest = head + "." + "d".repeat(61);
    String oneOver = head + "." + "d".repeat(62);

    assertThat(longest).hasSize(253);
    assertThat(MacroExpander.toDomainName(longest)).isEqualTo(longest);
    assertThat(MacroExpander.toDomainName(oneOver))
        .isEqualTo(String.join(".", "b".repeat(63), "c".repeat(63), "d".repeat(62)));
  }

  @Test
  void dropsOneTrailingDotAndRejectsUnusableNames() {
    assertThat(MacroExpander.toDomainName("example.com.")).isEqualTo("example.com");
    assertThat(MacroExpander.toDomainName("mail.example...com")).isNull();
    assertThat(MacroExpander.toDomainName("a".repeat(64) + ".example.com")).isNull();
    assertThat(MacroExpander.toDomainName("")).isNull();
    assertThat(MacroExpander.toDomainName("x".repeat(300))).isNull();
  }

  @Test
  void urlEscapesTheCharactersNextToEachUnreservedRange() {
    // each unreserved range (a-z, A-Z, 0-9) with the characters just outside it
    MacroContext context =
        MacroContext.of("`az{@AZ[/09:@example.com", IpAddress.of("192.0.2.3"), null, null, 0);

    assertThat(expand("%{L}", context)).isEqualTo("%60az%7B%40AZ%5B%2F09%3A");
  }

  @Test
  void urlEscapesACharacterOutsideTheBmpAsItsFourUtf8Bytes() {
    MacroContext last = MacroContext.of("mail\ud83d\udce7@example.com", IpAddress.of("192.0.2.3"), null, null, 0);
    MacroContext middle = MacroContext.of("a\ud83d\udce7b@example.com", IpAddress.of("192.0.2.3"), null, null, 0);

    assertThat(expand("%{L}", last)).isEqualTo("mail%F0%9F%93%A7");
    assertThat(expand("%{L}", middle)).isEqualTo("a%F0%9F%93%A7b");
    // half a pair at the very end is no character: UTF-8 has '?' for it
    MacroContext broken = MacroContext.of("mail\ud83d@example.com", IpAddress.of("192.0.2.3"), null, null, 0);
    assertThat(expand("%{L}", broken)).isEqualTo("mail%3F");
  }

  @Test
  void keepsANameOfExactly253CharactersWhole() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, "b".repeat(57) + ".com");

    assertThat(name).hasSize(253);
    assertThat(MacroExpander.toDomainName(name)).isEqualTo(name);
    assertThat(MacroExpander.toDomainName("c" + name))
        .isEqualTo(String.join(".", label, label, "b".repeat(57) + ".com"));
  }
}
