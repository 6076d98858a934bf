package io.github.spfkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RecordParserTest {

  private static SpfRecord valid(String text) {
    ParseResult result = RecordParser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid) result).record();
  }

  private static SyntaxError invalid(String text) {
    ParseResult result = RecordParser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) result).error();
  }

  @Test
  void parsesEveryMechanismWithItsQualifier() {
    SpfRecord record =
        valid(
            "v=spf1 +all -include:_spf.example.com ~a ?mx:mail.example.com/24//64 ptr:example.org"
                + " ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.bl.example.net");

    assertThat(record.terms())
        .containsExactly(
            new Mechanism.All(Qualifier.PASS),
            new Mechanism.Include(Qualifier.FAIL, MacroString.literal("_spf.example.com")),
            new Mechanism.A(Qualifier.SOFTFAIL, null, 32, 128),
            new Mechanism.Mx(Qualifier.NEUTRAL, MacroString.literal("mail.example.com"), 24, 64),
            new Mechanism.Ptr(Qualifier.PASS, MacroString.literal("example.org")),
            new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("192.0.2.0"), 24),
            new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("2001:db8::"), 32),
            new Mechanism.Exists(
                Qualifier.PASS,
                new MacroString(
                    List.of(
                        new MacroToken.Macro('i', false, 0, false, ""),
                        new MacroToken.Literal(".bl.example.net")))));
  }

  @Test
  void keepsModifiersAndFindsRedirectAndExp() {
    SpfRecord record =
        valid("v=spf1 mx redirect=_spf.example.com exp=explain.%{d} moo.cow-far_out=man:dog/cat");

    assertThat(record.redirect()).contains(new Modifier.Redirect(MacroString.literal("_spf.example.com")));
    assertThat(record.explanation()).isPresent();
    assertThat(record.terms().get(3)).isInstanceOf(Modifier.Unknown.class);
    assertThat(((Modifier.Unknown) record.terms().get(3)).name()).isEqualTo("moo.cow-far_out");
  }

  @Test
  void reportsThePositionOfEveryTerm() {
    ParseResult.Valid result =
        (ParseResult.Valid) RecordParser.parse("v=spf1  a   mx -all exp=x.example.com");

    assertThat(result.positions()).containsExactly(8, 12, 15, 20);
  }

  @Test
  void readsMechanismNamesWithoutRegardToCase() {
    assertThat(valid("V=SPF1 IP4:192.0.2.1 Include:example.com MX -ALL").terms()).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=spf1",
        "v=spf1 ",
        "v=spf1 -all ",
        "v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all",
        "v=spf1 a:foo.example.com/24 mx//64 ptr ?all",
        "v=spf1 exists:%{ir}.%{l1r-}.lp._spf.%{d} -all",
        "v=spf1 include:_spf.example.com. -all",
        "v=spf1 a:macro%%percent%_%_space%-url-space.example.com",
        "v=spf1 redirect=%{d}.d.spf.example.com.",
        "v=spf1 default=pass unknown-mod=",
        "v=spf1 a:foo:bar/baz.example.com",
        "v=spf1 a:foo.example.xn--zckzah",
        "v=spf1 -exists:%{p}.ok.example.com exp=%{D2}"
      })
  void acceptsValidRecords(String text) {
    valid(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=spf1 ip4:192.0.2.0/24 mx:%{d2}.com a//64 ?include:_spf.%{d} exp=x.%{d} foo=%%bar%_x",
        "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
        "v=spf1 +a/32//128 mx/0 ip4:0.0.0.0/0 ip6:::/0 ip6:::ffff:192.0.2.1",
        "v=spf1 exists:%{L2r-}.%{ir}.%{v}._spf.%{d}",
        "v=spf1 a:%{H}%- -all",
        "v=spf1 a:x%%20.example.com a:%{d}%_ foo=100%%"
      })
  void printsCanonicalTextThatParsesBackToAnEqualRecord(String text) {
    SpfRecord record = valid(text);

    assertThat(valid(record.toString())).isEqualTo(record);
  }

  @Test
  void printsTheShortestCanonicalForm() {
    assertThat(valid("v=spf1  +a:Example.com/32//128   +IP4:192.0.2.1/32 ?ALL").toString())
        .isEqualTo("v=spf1 a:Example.com ip4:192.0.2.1 ?all");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("v=spf1 ip:192.0.2.1 -all", 7, "unknown mechanism 'ip'", "ip4: or ip6:"),
        Arguments.of("v=spf1 ipv4:192.0.2.1", 7, "unknown mechanism 'ipv4'", "ip4:"),
        Arguments.of("v=spf1 ip4:192.0.2.1-all", 11, "invalid IPv4 address", "missing space before '-all'"),
        Arguments.of("v=spf1 mx-all", 9, "'mx' takes ':domain' and '/cidr' only", "missing space before '-all'"),
        Arguments.of("v=spf1 a:example.com~all", 17, "invalid top-level label 'com~all'", "missing space before '~all'"),
        Arguments.of("v=spf1 include_spf.google.com ~all", 14, "'include' needs ':' and a domain", "missing ':' after 'include'"),
        Arguments.of("v=spf1 ip4192.0.2.1", 7, "unknown mechanism", "missing ':' after 'ip4'"),
        Arguments.of("v=spf1 redirect:example.com", 7, "unknown mechanism 'redirect'", "write redirect="),
        Arguments.of("v=spf1 inclde:example.com", 7, "unknown mechanism 'inclde'", "did you mean 'include'?"),
        Arguments.of("v=spf1 ip4:2001:db8::1", 11, "invalid IPv4 address", "an IPv6 address goes in ip6:"),
        Arguments.of("v=spf1 ip6:192.0.2.1", 11, "invalid IPv6 address", "an IPv4 address goes in ip4:"),
        Arguments.of("v=spf1 a/24/64", 12, "CIDR length 64 is over 32", "//64"),
        Arguments.of("v=spf1 ip4:192.0.2.1/032", 21, "leading zero", null),
        Arguments.of("v=spf1 ip4:192.0.2.1/33", 21, "CIDR length 33 is over 32", null),
        Arguments.of("v=spf1 a//129", 10, "CIDR length 129 is over 128", null),
        Arguments.of("v=spf1 -all.", 11, "'all' takes no argument", null),
        Arguments.of("v=spf1 -all/8", 11, "'all' takes no argument", null),
        Arguments.of("v=spf1 ptr/0", 10, "'ptr' takes only ':domain'", null),
        Arguments.of("v=spf1 moo.cow/far_out=man:dog/cat", 7, "unknown mechanism 'moo'", null),
        Arguments.of("v=spf1 include:", 15, "empty domain", null),
        Arguments.of("v=spf1 a:museum", 9, "not a fully qualified domain name", "two labels"),
        Arguments.of("v=spf1 a:abc.123", 13, "invalid top-level label '123'", null),
        Arguments.of("v=spf1 a:mail.example...com", 9, "empty label", null),
        Arguments.of("v=spf1 a:ctrl.example.com\rptr", 25, "control character 0x0D", "single spaces"),
        Arguments.of("v=spf1 ip4:192.0.2.1\t-all", 20, "control character 0x09", "single spaces"),
        Arguments.of("v=spf1 a:\u00efgarbage.example.net", 9, "non-ASCII character U+00EF", "7-bit ASCII"),
        Arguments.of("v=spf1 exists:%{x}.example.com", 16, "unknown macro letter 'x'", "s l o d i p h c r t v"),
        Arguments.of("v=spf1 exists:%(ir).example.com", 14, "'%' must be followed by", "%%"),
        Arguments.of("v=spf1 exists:foo%", 17, "'%' at the end", "%%"),
        Arguments.of("v=spf1 exists:%{ir.example.com", 14, "unterminated macro", "ends with '}'"),
        Arguments.of("v=spf1 a:%{c}.example.com", 9, "allowed only in explanation strings", null),
        Arguments.of("v=spf1 exp=%{r}.example.com", 11, "allowed only in explanation strings", null),
        Arguments.of("v=spf1 exists:%{d0}.example.com", 17, "digit transformer must be 1 or more", null),
        Arguments.of("v=spf1 exists:%{d2x}.example.com", 18, "invalid macro transformer or delimiter 'x'", "delimiters are"),
        Arguments.of("v=spf1 redirect=a.example.com redirect=b.example.com", 30, "'redirect' appears twice", null),
        Arguments.of("v=spf1 exp=a.example.com -all EXP=b.example.com", 30, "'exp' appears twice", null),
        Arguments.of("v=spf1 =all", 7, "modifier without a name", null),
        Arguments.of("v=spf1 1up=foo", 7, "must start with a letter", null),
        Arguments.of("v=spf1 -redirect=example.com", 7, "a modifier takes no qualifier", null),
        Arguments.of("v=spf1 foo=%abc", 11, "'%' must be followed by", "%%"),
        Arguments.of("v=spf10 -all", 0, "not an SPF record", "exactly 'v=spf1'"),
        Arguments.of("spf1 -all", 0, "not an SPF record", "exactly 'v=spf1'"),
        // a record with a character outside ASCII has each term's characters checked: '~' and
        // '!' are the last and first printable ones, and pass
        Arguments.of("v=spf1 ~all \u00e9", 12, "non-ASCII character U+00E9", "7-bit ASCII"),
        Arguments.of("v=spf1 x=a!b \u00e9", 13, "non-ASCII character U+00E9", "7-bit ASCII"),
        Arguments.of("v=spf1 ip4:192.0.2.1/", 21, "empty CIDR length", null),
        Arguments.of("v=spf1 ip4:192.0.2", 11, "invalid IPv4 address '192.0.2'", null),
        Arguments.of("v=spf1 ip6:2001:db8::1/", 23, "empty CIDR length", null),
        Arguments.of("v=spf1 redirect=", 16, "'redirect' has an empty domain", null),
        Arguments.of("v=spf1 exp=", 11, "'exp' has an empty domain", null),
        Arguments.of("v=spf1 exists:", 14, "'exists' has an empty domain", null),
        Arguments.of("v=spf1 ptr:", 11, "'ptr' has an empty domain", null),
        Arguments.of("v=spf1 a:/24", 9, "'a' has an empty domain", null),
        Arguments.of("v=spf1 mx:", 10, "'mx' has an empty domain", null),
        Arguments.of("v=spf1 a:.com", 9, "empty label", null),
        Arguments.of("v=spf1 -/24", 7, "unknown mechanism '-/24'", null),
        Arguments.of("v=spf1 ?foo", 8, "unknown mechanism 'foo'", null),
        Arguments.of("v=spf1 all:x", 10, "'all' takes no argument", null),
        Arguments.of("v=spf1 ptr-allx", 10, "'ptr' takes only ':domain'", null),
        Arguments.of("v=spf1 ptr-all", 10, "'ptr' takes only ':domain'", "missing space before '-all'"),
        // 'all' glued to a letter is no qualified 'all'
        Arguments.of("v=spf1 ptrxall", 7, "unknown mechanism 'ptrxall'", "missing ':' after 'ptr'?"),
        Arguments.of("v=spf1 exists:%{ir.}.%{v}%{x}", 27, "unknown macro letter 'x'", "s l o d"),
        Arguments.of("v=spf1 exists:%{~}.example.com", 16, "unknown macro letter '~'", "s l o d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsSyntaxErrorsWithPositionAndHint(
      String text, int position, String message, String hint) {
    SyntaxError error = invalid(text);

    assertThat(error.position()).as("position of %s", error).isEqualTo(position);
    assertThat(error.message()).contains(message);
    if (hint == null) {
      assertThat(error.hint()).isNull();
    } else {
      assertThat(error.hint()).contains(hint);
    }
  }

  @Test
  void detectsErrorsAfterAll() {
    assertThat(invalid("v=spf1 ip4:192.0.2.1 -all moo").message()).contains("unknown mechanism 'moo'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v=spf1", "V=SpF1 -all", "v=spf1 "})
  void recognizesSpfRecords(String text) {
    assertThat(RecordParser.isSpfRecord(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"v=spf10", "v=spf1mx", "spf1", "", "v=spf2.0/pra -all", "\u0096", "V\u001dSPF1 -all", "v=SPF\u0011 -all", "\u0016=spf1"})
  void ignoresOtherTextRecords(String text) {
    assertThat(RecordParser.isSpfRecord(text)).isFalse();
  }

  @Test
  void parsesExplanationsWithSpacesAndExplanationOnlyMacros() {
    MacroString text =
        RecordParser.parseExplanation("%{c} is not allowed by %{o} (see %{r} at %{t})").orElseThrow();

    assertThat(text.hasMacros()).isTrue();
    assertThat(text.toString()).isEqualTo("%{c}%_is%_not%_allowed%_by%_%{o}%_(see%_%{r}%_at%_%{t})");
  }

  @ParameterizedTest
  @ValueSource(strings = {"The %{x}-files.", "caf\u00e9", "line\nbreak", "100%"})
  void rejectsBrokenExplanations(String text) {
    assertThat(RecordParser.parseExplanation(text)).isEmpty();
  }

  @Test
  void parsesADomainSpecOnItsOwn() {
    assertThat(RecordParser.parseDomainSpec("_spf.%{d}"))
        .isInstanceOf(RecordParser.DomainSpecResult.Valid.class);
    assertThat(RecordParser.parseDomainSpec("-all"))
        .isInstanceOf(RecordParser.DomainSpecResult.Invalid.class);
  }

  @Test
  void parsesARecordOfThousandsOfTermsWithoutTrouble() {
    String text = "v=spf1" + " ip4:192.0.2.1".repeat(5000) + " -all";

    assertThat(valid(text).terms()).hasSize(5001);
  }

  @Test
  void parsedRecordsEqualRecordsBuiltByHandInEveryPart() {
    SpfRecord parsed =
        valid("v=spf1 include:_spf.example.com a mx/24 exists:%{i}._x.%{d} ptr -all exp=e.%{d}");
    SpfRecord built =
        new SpfRecord(
            new ArrayList<>(
                List.of(
                    new Mechanism.Include(Qualifier.PASS, MacroString.literal("_spf.example.com")),
                    new Mechanism.A(Qualifier.PASS, null, 32, 128),
                    new Mechanism.Mx(Qualifier.PASS, null, 24, 128),
                    new Mechanism.Exists(
                        Qualifier.PASS,
                        new MacroString(
                            List.of(
                                new MacroToken.Macro('i', false, 0, false, ""),
                                new MacroToken.Literal("._x."),
                                new MacroToken.Macro('d', false, 0, false, "")))),
                    new Mechanism.Ptr(Qualifier.PASS, null),
                    new Mechanism.All(Qualifier.FAIL),
                    new Modifier.Explanation(
                        new MacroString(
                            List.of(
                                new MacroToken.Literal("e."),
                                new MacroToken.Macro('d', false, 0, false, "")))))));

    assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(built).isEqualTo(parsed);
    assertThat(parsed.terms()).isEqualTo(built.terms()).hasSameHashCodeAs(built.terms());
    assertThat(parsed.toString()).isEqualTo(built.toString());
    for (int i = 0; i < parsed.terms().size(); i++) {
      assertThat(parsed.terms().get(i)).isEqualTo(built.terms().get(i));
    }
  }

  @Test
  void theListsOfAParsedRecordCannotBeChanged() {
    SpfRecord record = valid("v=spf1 include:_spf.example.com exists:%{i}.%{l}.%{d} -all");
    List<Term> terms = record.terms();
    List<MacroToken> literal = ((Mechanism.Include) terms.get(0)).domain().tokens();
    List<MacroToken> macros = ((Mechanism.Exists) terms.get(1)).domain().tokens();

    for (List<?> list : List.of(terms, literal, macros)) {
      assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> list.clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> list.iterator().remove())
          .isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(literal).containsExactly(new MacroToken.Literal("_spf.example.com"));
    assertThat(macros).hasSize(5).startsWith(new MacroToken.Macro('i', false, 0, false, ""));
    assertThat(terms.indexOf(new Mechanism.All(Qualifier.FAIL))).isEqualTo(2);
    assertThat(terms.subList(1, 3)).containsExactly(terms.get(1), terms.get(2));
    assertThat(terms.listIterator(3).previous()).isEqualTo(new Mechanism.All(Qualifier.FAIL));
    assertThatThrownBy(() -> terms.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> literal.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aLiteralDomainSpecIsItsText() {
    MacroString spec =
        ((Mechanism.Include) valid("v=spf1 include:_SPF.Example.COM -all").terms().get(0))
            .domain();

    assertThat(spec.hasMacros()).isFalse();
    assertThat(spec.literalText()).isEqualTo("_SPF.Example.COM");
    assertThat(spec.toString()).isEqualTo("_SPF.Example.COM");
    assertThat(spec).isEqualTo(MacroString.literal("_SPF.Example.COM"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mz", "alx", "ptx", "ip5", "ipx4", "exisrs", "inclube", "b", "m", "ex1sts"})
  void refusesNamesThatShareOnlyLengthAndFirstLetterWithAMechanism(String name) {
    assertThat(invalid("v=spf1 " + name).message()).isEqualTo("unknown mechanism '" + name + "'");
    assertThat(invalid("v=spf1 " + name + ":example.com").message())
        .isEqualTo("unknown mechanism '" + name + "'");
  }

  @Test
  void readsEachCidrLengthOfAOrMxOnItsOwn() {
    assertThat(valid("v=spf1 a//64 mx//0 a/24 mx/0//0 -a:example.com//1").terms())
        .containsExactly(
            new Mechanism.A(Qualifier.PASS, null, 32, 64),
            new Mechanism.Mx(Qualifier.PASS, null, 32, 0),
            new Mechanism.A(Qualifier.PASS, null, 24, 128),
            new Mechanism.Mx(Qualifier.PASS, null, 0, 0),
            new Mechanism.A(Qualifier.FAIL, MacroString.literal("example.com"), 32, 1));
  }

  @Test
  void acceptsALiteralRightAfterAMacroAsTheTopLabel() {
    assertThat(valid("v=spf1 include:%{d}.com").terms())
        .containsExactly(
            new Mechanism.Include(
                Qualifier.PASS,
                new MacroString(
                    List.of(
                        new MacroToken.Macro('d', false, 0, false, ""),
                        new MacroToken.Literal(".com")))));
  }

  @Test
  void keepsTheFirstAndLastPrintableCharactersOfAModifierValue() {
    assertThat(valid("v=spf1 x=!~ y=%{d}!~").terms())
        .containsExactly(
            new Modifier.Unknown("x", MacroString.literal("!~")),
            new Modifier.Unknown(
                "y",
                new MacroString(
                    List.of(
                        new MacroToken.Macro('d', false, 0, false, ""),
                        new MacroToken.Literal("!~")))));
  }

  @Test
  void readsEveryDelimiterOfAMacro() {
    Mechanism.Exists exists =
        (Mechanism.Exists) valid("v=spf1 exists:%{ir.}.%{l2-+,/_=}.example.com").terms().get(0);

    assertThat(exists.domain().tokens())
        .containsExactly(
            new MacroToken.Macro('i', false, 0, true, "."),
            new MacroToken.Literal("."),
            new MacroToken.Macro('l', false, 2, false, "-+,/_="),
            new MacroToken.Literal(".example.com"));
  }

  @Test
  void keepsEveryTokenOfALongMacroString() {
    String spec = "%{i}.%{l}.%{o}.%{d}.%{s}.%{v}.%{h}.%{p}.%{i}.%{l}.%{o}.%{d}.example.com";
    Mechanism.Exists exists = (Mechanism.Exists) valid("v=spf1 exists:" + spec).terms().get(0);

    List<MacroToken> tokens = exists.domain().tokens();
    assertThat(tokens).hasSize(24);
    String letters = "lodsvhpilod";
    assertThat(tokens.get(0)).isEqualTo(new MacroToken.Macro('i', false, 0, false, ""));
    for (int k = 0; k < letters.length(); k++) {
      assertThat(tokens.get(2 * k + 1)).isEqualTo(new MacroToken.Literal("."));
      assertThat(tokens.get(2 * k + 2))
          .isEqualTo(new MacroToken.Macro(letters.charAt(k), false, 0, false, ""));
    }
    assertThat(tokens.get(23)).isEqualTo(new MacroToken.Literal(".example.com"));
    assertThat(exists.domain().toString()).isEqualTo(spec);
  }

  @Test
  void readsAnExplanationThatStartsWithAMacroAndHoldsEveryPrintableCharacter() {
    MacroString text = RecordParser.parseExplanation("%{i} is ~ not! allowed").orElseThrow();

    assertThat(text.tokens())
        .containsExactly(
            new MacroToken.Macro('i', false, 0, false, ""),
            new MacroToken.Literal(" is ~ not! allowed"));
    assertThat(RecordParser.parseExplanation(" ~!")).contains(MacroString.literal(" ~!"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"del\u007f", "unit\u001fseparator", "%{i}\u0080"})
  void refusesAnExplanationWithACharacterOutsidePrintableAscii(String text) {
    assertThat(RecordParser.parseExplanation(text)).isEmpty();
  }

  @Test
  void givesTheMacroStringOfADomainSpecOnItsOwn() {
    assertThat(RecordParser.parseDomainSpec("%{d}.example.com"))
        .isEqualTo(
            new RecordParser.DomainSpecResult.Valid(
                new MacroString(
                    List.of(
                        new MacroToken.Macro('d', false, 0, false, ""),
                        new MacroToken.Literal(".example.com")))));
    assertThat(RecordParser.parseDomainSpec("a!b.~x.example.com"))
        .isEqualTo(new RecordParser.DomainSpecResult.Valid(MacroString.literal("a!b.~x.example.com")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad\u0001.example.com", "caf\u00e9.example.com", "bad\u007f.example.com"})
  void refusesADomainSpecWithACharacterOutsidePrintableAscii(String text) {
    RecordParser.DomainSpecResult result = RecordParser.parseDomainSpec(text);

    assertThat(result).isInstanceOf(RecordParser.DomainSpecResult.Invalid.class);
    assertThat(((RecordParser.DomainSpecResult.Invalid) result).error().position()).isEqualTo(3);
  }

  @Test
  void refusesAMacroLetterOutsideAsciiThatLowersToAMacroLetter() {
    // U+0130, capital I with a dot, is 'i' in lower case
    RecordParser.DomainSpecResult result = RecordParser.parseDomainSpec("%{\u0130}.example.com");

    assertThat(result).isInstanceOf(RecordParser.DomainSpecResult.Invalid.class);
    assertThat(((RecordParser.DomainSpecResult.Invalid) result).error().message())
        .isEqualTo("unknown macro letter '\u0130'");
  }

  @ParameterizedTest
  @CsvSource({
    "alk, all",
    "xptr, ptr",
    "exis:example.com, exists",
    "incxxde:example.com, include",
    "exitss:example.com, exists",
    "ip9:192.0.2.1, ip4"
  })
  void suggestsTheMechanismWithinTwoEditsOfAnUnknownName(String term, String suggestion) {
    assertThat(invalid("v=spf1 " + term).hint()).isEqualTo("did you mean '" + suggestion + "'?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "abcdefgh:example.com", "zz", "qqqqqq", "inxxxde:example.com", "istsxx:example.com"})
  void suggestsNothingForANameFarFromEveryMechanism(String term) {
    assertThat(invalid("v=spf1 " + term).hint()).isNull();
  }
}
