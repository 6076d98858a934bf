package io.github.spfkit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.spfkit.core.internal.MacroContext;
import io.github.spfkit.core.internal.MacroExpander;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.RecordParser;
import java.nio.ByteBuffer;

/**
 * Any explanation string or domain-spec expands, for any sender, HELO and address, to text; a
 * domain-spec's expansion becomes a name of at most 253 characters with no empty or overlong label,
 * or none at all.
 */
final class MacroExpansionFuzzTest {

  @FuzzTest(maxDuration = "60m")
  void expandsAnyMacroStringForAnyContext(FuzzedDataProvider data) {
    String sender = data.consumeString(300);
    String helo = data.consumeString(300);
    IpAddress ip =
        data.consumeBoolean()
            ? IpAddress.ofBytes(ByteBuffer.allocate(4).putInt(data.consumeInt()).array())
            : IpAddress.ofBytes(
                ByteBuffer.allocate(16).putLong(data.consumeLong()).putLong(data.consumeLong()).array());
    String domain = data.consumeString(300);
    String text = data.consumeRemainingAsString();
    MacroContext context = MacroContext.of(sender, ip, helo, null, 1_700_000_000L);

    RecordParser.parseExplanation(text)
        .ifPresent(m -> assertThat(MacroExpander.expand(m, context, domain, null)).isNotNull());
    if (RecordParser.parseDomainSpec(text) instanceof RecordParser.DomainSpecResult.Valid valid) {
      MacroString spec = valid.spec();
      String name = MacroExpander.toDomainName(MacroExpander.expand(spec, context, domain, "p.example"));
      if (name != null) {
        assertThat(name.length()).isBetween(1, 253);
        assertThat(name.split("\\.", -1)).allMatch(label -> !label.isEmpty() && label.length() <= 63);
      }
    }
  }
}
