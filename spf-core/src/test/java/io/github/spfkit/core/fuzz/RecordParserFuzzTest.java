package io.github.spfkit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.nio.charset.StandardCharsets;

/**
 * Any text is a record or a syntax error with a position inside it; a record prints back to text
 * that parses to an equal record. Seeds: every record of the RFC 7208 suite. In {@code mvn verify}
 * this runs the seeds and the checked-in findings; {@code JAZZER_FUZZ=1} fuzzes for real (see the
 * README's "Limits and safety").
 */
final class RecordParserFuzzTest {

  @FuzzTest(maxDuration = "60m")
  void parsesAnyTextIntoARecordOrASyntaxError(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);

    ParseResult result = RecordParser.parse(text);

    if (result instanceof ParseResult.Valid valid) {
      ParseResult reparsed = RecordParser.parse(valid.record().toString());
      assertThat(reparsed).isInstanceOf(ParseResult.Valid.class);
      assertThat(((ParseResult.Valid) reparsed).record()).isEqualTo(valid.record());
      assertThat(valid.positions()).allMatch(p -> p >= 0 && p < text.length());
    } else {
      int position = ((ParseResult.Invalid) result).error().position();
      assertThat(position).isBetween(0, text.length());
    }
    RecordParser.parseExplanation(text);
    RecordParser.parseDomainSpec(text);
  }
}
