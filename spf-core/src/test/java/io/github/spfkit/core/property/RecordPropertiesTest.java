package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.MacroToken;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.Qualifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.SpfRecord;
import io.github.spfkit.core.record.Term;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * parse(print(record)) equals record, for records built from every part of the grammar, and any
 * text parses without throwing; both on inputs drawn from fixed seeds.
 */
final class RecordPropertiesTest {

  private static final int CASES = 2000;
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  @Test
  void printedRecordsParseBackToEqualRecords() {
    SplittableRandom random = new SplittableRandom(0x7208L);
    for (int i = 0; i < CASES; i++) {
      SpfRecord record = record(random);

      ParseResult parsed = RecordParser.parse(record.toString());

      assertThat(parsed).as("case %d: %s", i, record).isInstanceOf(ParseResult.Valid.class);
      assertThat(((ParseResult.Valid) parsed).record()).as("case %d", i).isEqualTo(record);
    }
  }

  @Test
  void anyTextParsesWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(0x0badL);
    // record-like characters most of the time, any UTF-16 unit (surrogates included) sometimes
    String alphabet = "v=spf1 :/.%{}-+~?_,aipmxnclude4650123456789dDsSlLoOhHrRtT";
    for (int i = 0; i < CASES; i++) {
      int length = random.nextInt(80);
      StringBuilder text = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        text.append(
            random.nextInt(5) == 0
                ? (char) random.nextInt(Character.MAX_VALUE + 1)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }

      ParseResult parsed = RecordParser.parse("v=spf1 " + text);

      if (parsed instanceof ParseResult.Invalid invalid) {
        assertThat(invalid.error().position()).as("case %d: %s", i, text).isBetween(0, length + 7);
      }
    }
  }

  private static SpfRecord record(SplittableRandom random) {
    List<Term> terms = new ArrayList<>();
    int size = random.nextInt(13);
    for (int i = 0; i < size; i++) {
      terms.add(random.nextInt(4) == 0 ? unknownModifier(random) : mechanism(random));
    }
    if (random.nextBoolean()) {
      terms.add(new Modifier.Redirect(domainSpec(random)));
    }
    if (random.nextBoolean()) {
      terms.add(0, new Modifier.Explanation(domainSpec(random)));
    }
    return new SpfRecord(terms);
  }

  private static Term unknownModifier(SplittableRandom random) {
    String name;
    do {
      name = string(random, LOWER, 1, 8);
    } while (name.equals("redirect") || name.equals("exp"));
    return new Modifier.Unknown(name, macroString(random));
  }

  private static Mechanism mechanism(SplittableRandom random) {
    Qualifier q = Qualifier.values()[random.nextInt(Qualifier.values().length)];
    int p4 = random.nextInt(33);
    int p6 = random.nextInt(129);
    return switch (random.nextInt(8)) {
      case 0 -> new Mechanism.All(q);
      case 1 -> new Mechanism.Include(q, domainSpec(random));
      case 2 -> new Mechanism.Exists(q, domainSpec(random));
      case 3 -> new Mechanism.Ptr(q, optionalDomainSpec(random));
      case 4 -> new Mechanism.A(q, optionalDomainSpec(random), p4, p6);
      case 5 -> new Mechanism.Mx(q, optionalDomainSpec(random), p4, p6);
      case 6 -> new Mechanism.Ip4(q, IpAddress.ofBytes(ByteBuffer.allocate(4).putInt(random.nextInt()).array()), p4);
      default -> new Mechanism.Ip6(q, IpAddress.ofBytes(ByteBuffer.allocate(16).putLong(random.nextLong()).putLong(random.nextLong()).array()), p6);
    };
  }

  private static MacroString optionalDomainSpec(SplittableRandom random) {
    return random.nextInt(10) < 4 ? null : domainSpec(random);
  }

  /** Domain-specs the grammar accepts: labels, macros, and a valid ending. */
  private static MacroString domainSpec(SplittableRandom random) {
    String literal = literalDomain(random);
    return switch (random.nextInt(3)) {
      case 0 -> MacroString.literal(literal);
      case 1 -> new MacroString(List.of(macro(random, false), new MacroToken.Literal("." + literal)));
      default -> new MacroString(List.of(new MacroToken.Literal(label(random) + "."), macro(random, false)));
    };
  }

  private static String literalDomain(SplittableRandom random) {
    int labels = 1 + random.nextInt(3);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < labels; i++) {
      name.append(label(random)).append('.');
    }
    return name.append(string(random, LOWER, 2, 6)).toString();
  }

  private static String label(SplittableRandom random) {
    String label;
    do {
      label = string(random, LOWER + "-_", 1, 10);
    } while (label.startsWith("-") || label.endsWith("-"));
    return label;
  }

  private static MacroString macroString(SplittableRandom random) {
    List<MacroToken> tokens = new ArrayList<>();
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      if (random.nextBoolean()) {
        String text;
        do {
          text = string(random, printable(), 1, 6);
        } while (text.indexOf('%') >= 0);
        tokens.add(new MacroToken.Literal(text));
      } else {
        tokens.add(macro(random, false));
      }
    }
    return merged(tokens);
  }

  private static String printable() {
    StringBuilder chars = new StringBuilder();
    for (char c = '!'; c <= '~'; c++) {
      chars.append(c);
    }
    return chars.toString();
  }

  private static MacroString merged(List<MacroToken> tokens) {
    List<MacroToken> out = new ArrayList<>();
    for (MacroToken token : tokens) {
      if (token instanceof MacroToken.Literal l
          && !out.isEmpty()
          && out.get(out.size() - 1) instanceof MacroToken.Literal prev) {
        out.set(out.size() - 1, new MacroToken.Literal(prev.text() + l.text()));
      } else {
        out.add(token);
      }
    }
    return new MacroString(out);
  }

  private static MacroToken.Macro macro(SplittableRandom random, boolean explanation) {
    String letters = explanation ? "slodiphcrtv" : "slodiphv";
    return new MacroToken.Macro(
        letters.charAt(random.nextInt(letters.length())),
        random.nextBoolean(),
        random.nextInt(21),
        random.nextBoolean(),
        string(random, ".-+,/_=", 0, 3));
  }

  private static String string(SplittableRandom random, String alphabet, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
