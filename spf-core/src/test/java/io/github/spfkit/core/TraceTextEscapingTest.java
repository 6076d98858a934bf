package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What the trace's drawing does with text from DNS: characters that could break a line or turn
 * the text around are written as escapes, everything else stays as it is; answers that are not a
 * plain name or address are quoted.
 */
final class TraceTextEscapingTest {

  private static String lookup(String... data) {
    return new Trace.Lookup(
            "example.com", RecordType.TXT, new DnsAnswer.Records(List.of(data), 300))
        .toString();
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({
    "0000, \\x00",
    "0008, \\x08",
    "000a, \\x0a",
    "000d, \\x0d",
    "001b, \\x1b",
    "001f, \\x1f",
    "007f, \\x7f",
    "0085, \\x85",
    "009f, \\x9f",
    "200e, \\u200e",
    "200f, \\u200f",
    "202a, \\u202a",
    "202e, \\u202e",
    "2066, \\u2066",
    "2069, \\u2069"
  })
  void writesACharacterThatCouldBreakOrTurnALineAsAnEscape(String hex, String escape) {
    String c = String.valueOf((char) Integer.parseInt(hex, 16));

    assertThat(TraceText.printable("a" + c + "b")).isEqualTo("a" + escape + "b");
    assertThat(TraceText.printable(c)).isEqualTo(escape);
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({"0009", "0020", "007e", "00a0", "00ff", "200d", "2010", "2029", "202f", "2065", "206a", "00e9"})
  void keepsEveryOtherCharacterAsItIs(String hex) {
    String text = "a" + (char) Integer.parseInt(hex, 16) + "b";

    assertThat(TraceText.printable(text)).isSameAs(text);
  }

  @Test
  void keepsTheTextAroundAndBetweenEscapesInOrder() {
    assertThat(TraceText.printable("line\none\r\u202eevil\u001b[2J"))
        .isEqualTo("line\\x0aone\\x0d\\u202eevil\\x1b[2J");
  }

  @Test
  void showsAPlainNameOrAddressAsItIsAndQuotesEverythingElse() {
    assertThat(lookup("192.0.2.1")).isEqualTo("TXT example.com -> 192.0.2.1");
    assertThat(lookup("!plain~")).isEqualTo("TXT example.com -> !plain~");
    assertThat(lookup("v=spf1 -all")).isEqualTo("TXT example.com -> \"v=spf1 -all\"");
    assertThat(lookup("v=x")).isEqualTo("TXT example.com -> \"v=x\"");
    assertThat(lookup("two words")).isEqualTo("TXT example.com -> \"two words\"");
    assertThat(lookup("del\u007f")).isEqualTo("TXT example.com -> \"del\\127\"");
    assertThat(lookup("caf\u00e9")).isEqualTo("TXT example.com -> \"caf\\195\\169\"");
    assertThat(lookup("a", "b c")).isEqualTo("TXT example.com -> a, \"b c\"");
    assertThat(lookup(" ")).isEqualTo("TXT example.com -> \" \"");
    assertThat(lookup("")).isEqualTo("TXT example.com -> \"\"");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersInsideQuotes() {
    assertThat(lookup("say \"hi\"\\\u001f~"))
        .isEqualTo("TXT example.com -> \"say \\\"hi\\\"\\\\\\031~\"");
    assertThat(lookup("\ud83d\ude00 x")).isEqualTo("TXT example.com -> \"\\240\\159\\152\\128 x\"");
  }

  @Test
  void marksOnlyTheLastChildOfATermAsLast() {
    Trace.Lookup first =
        new Trace.Lookup("a.example.com", RecordType.A, new DnsAnswer.NoRecords(300));
    Trace.Lookup second =
        new Trace.Lookup("b.example.com", RecordType.A, new DnsAnswer.NoSuchDomain(300));
    Trace.Domain nested =
        new Trace.Domain(
            "n.example.com", Trace.Via.INCLUDE, null, List.of(), List.of(), Result.NONE, 0);
    Trace.TermStep both =
        new Trace.TermStep(
            "include:n.example.com",
            Trace.Outcome.NO_MATCH,
            "n.example.com",
            List.of(first, second),
            nested,
            null);
    Trace.TermStep lookupsOnly =
        new Trace.TermStep(
            "a:x.example.com", Trace.Outcome.NO_MATCH, "x.example.com", List.of(first, second), null, null);

    assertThat(both.toString().lines())
        .containsExactly(
            "include:n.example.com: no match",
            "+-- A a.example.com -> no records (NODATA)",
            "+-- A b.example.com -> no such domain (NXDOMAIN)",
            "`-- n.example.com [include] -> none (0 lookups)");
    assertThat(lookupsOnly.toString().lines())
        .containsExactly(
            "a:x.example.com: no match",
            "+-- A a.example.com -> no records (NODATA)",
            "`-- A b.example.com -> no such domain (NXDOMAIN)");
  }
}
