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
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(print(record)) equals record, for records built from every part of the grammar. */
final class RecordProperties {

  @Property(tries = 2000)
  void printedRecordsParseBackToEqualRecords(@ForAll("records") SpfRecord record) {
    ParseResult parsed = RecordParser.parse(record.toString());

    assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
    assertThat(((ParseResult.Valid) parsed).record()).isEqualTo(record);
  }

  @Property(tries = 2000)
  void anyTextParsesWithoutThrowing(@ForAll String text) {
    ParseResult parsed = RecordParser.parse("v=spf1 " + text);

    if (parsed instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.error().position()).isBetween(0, text.length() + 7);
    }
  }

  @Provide
  Arbitrary<SpfRecord> records() {
    Arbitrary<Term> mechanism = mechanisms().map(m -> (Term) m);
    Arbitrary<Term> unknown =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                    .filter(n -> !n.equals("redirect") && !n.equals("exp")),
                macroStrings(false))
            .as((name, value) -> (Term) new Modifier.Unknown(name, value));
    Arbitrary<List<Term>> body = Arbitraries.oneOf(mechanism, unknown).list().ofMaxSize(12);
    Arbitrary<Boolean> flags = Arbitraries.of(true, false);
    return Combinators.combine(body, flags, flags, domainSpecs(), domainSpecs())
        .as(
            (terms, redirect, exp, redirectTarget, expTarget) -> {
              List<Term> all = new ArrayList<>(terms);
              if (redirect) {
                all.add(new Modifier.Redirect(redirectTarget));
              }
              if (exp) {
                all.add(0, new Modifier.Explanation(expTarget));
              }
              return new SpfRecord(all);
            });
  }

  private Arbitrary<Mechanism> mechanisms() {
    Arbitrary<Qualifier> q = Arbitraries.of(Qualifier.class);
    Arbitrary<MacroString> domain = domainSpecs();
    Arbitrary<MacroString> optional = domainSpecs().injectNull(0.4);
    Arbitrary<Integer> p4 = Arbitraries.integers().between(0, 32);
    Arbitrary<Integer> p6 = Arbitraries.integers().between(0, 128);
    Arbitrary<IpAddress> v4 = Arbitraries.longs().between(0, 0xffffffffL).map(l -> new IpAddress(0, l, true));
    Arbitrary<IpAddress> v6 =
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((h, l) -> new IpAddress(h, l, false));
    return Arbitraries.oneOf(
        q.map(Mechanism.All::new),
        Combinators.combine(q, domain).as(Mechanism.Include::new),
        Combinators.combine(q, domain).as(Mechanism.Exists::new),
        Combinators.combine(q, optional).as(Mechanism.Ptr::new),
        Combinators.combine(q, optional, p4, p6).as(Mechanism.A::new),
        Combinators.combine(q, optional, p4, p6).as(Mechanism.Mx::new),
        Combinators.combine(q, v4, p4).as(Mechanism.Ip4::new),
        Combinators.combine(q, v6, p6).as(Mechanism.Ip6::new));
  }

  /** Domain-specs the grammar accepts: labels, macros, and a valid ending. */
  private Arbitrary<MacroString> domainSpecs() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_').ofMinLength(1).ofMaxLength(10)
        .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
    Arbitrary<String> top = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    Arbitrary<String> literal = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), top)
        .as((labels, tld) -> String.join(".", labels) + "." + tld);
    Arbitrary<MacroToken.Macro> macro = macros(false);
    return Arbitraries.oneOf(
        literal.map(MacroString::literal),
        Combinators.combine(macro, literal).as((m, l) -> new MacroString(List.of(m, new MacroToken.Literal("." + l)))),
        Combinators.combine(label, macro).as((l, m) -> new MacroString(List.of(new MacroToken.Literal(l + "."), m))));
  }

  private Arbitrary<MacroString> macroStrings(boolean explanation) {
    Arbitrary<MacroToken> literal =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(6)
            .filter(s -> s.indexOf('%') < 0)
            .map(s -> (MacroToken) new MacroToken.Literal(s));
    Arbitrary<MacroToken> macro = macros(explanation).map(m -> (MacroToken) m);
    return Arbitraries.oneOf(literal, macro).list().ofMaxSize(4).map(RecordProperties::merged);
  }

  private static MacroString merged(List<MacroToken> tokens) {
    List<MacroToken> out = new ArrayList<>();
    for (MacroToken token : tokens) {
      if (token instanceof MacroToken.Literal l && !out.isEmpty() && out.get(out.size() - 1) instanceof MacroToken.Literal prev) {
        out.set(out.size() - 1, new MacroToken.Literal(prev.text() + l.text()));
      } else {
        out.add(token);
      }
    }
    return new MacroString(out);
  }

  private Arbitrary<MacroToken.Macro> macros(boolean explanation) {
    Arbitrary<Character> letter = Arbitraries.of(explanation ? "slodiphcrtv".toCharArray() : "slodiphv".toCharArray());
    return Combinators.combine(
            letter,
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 20),
            Arbitraries.of(true, false),
            Arbitraries.strings().withChars(".-+,/_=").ofMaxLength(3))
        .as(MacroToken.Macro::new);
  }
}
