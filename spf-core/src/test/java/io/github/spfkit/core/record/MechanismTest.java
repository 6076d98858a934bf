package io.github.spfkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.github.spfkit.core.net.IpAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mechanism values: their names, which of them ask DNS, their canonical text and checks. */
final class MechanismTest {

  private static final MacroString EXAMPLE = MacroString.literal("example.com");

  static Stream<Arguments> mechanisms() {
    return Stream.of(
        Arguments.of(new Mechanism.All(Qualifier.FAIL), "all", false, "-all"),
        Arguments.of(
            new Mechanism.Include(Qualifier.SOFTFAIL, EXAMPLE),
            "include",
            true,
            "~include:example.com"),
        Arguments.of(new Mechanism.A(Qualifier.PASS, null, 32, 128), "a", true, "a"),
        Arguments.of(
            new Mechanism.A(Qualifier.NEUTRAL, EXAMPLE, 24, 64),
            "a",
            true,
            "?a:example.com/24//64"),
        Arguments.of(new Mechanism.Mx(Qualifier.PASS, null, 0, 128), "mx", true, "mx/0"),
        Arguments.of(
            new Mechanism.Mx(Qualifier.FAIL, EXAMPLE, 32, 0), "mx", true, "-mx:example.com//0"),
        Arguments.of(new Mechanism.Ptr(Qualifier.PASS, null), "ptr", true, "ptr"),
        Arguments.of(
            new Mechanism.Ptr(Qualifier.FAIL, EXAMPLE), "ptr", true, "-ptr:example.com"),
        Arguments.of(
            new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("192.0.2.1"), 32),
            "ip4",
            false,
            "ip4:192.0.2.1"),
        Arguments.of(
            new Mechanism.Ip4(Qualifier.FAIL, IpAddress.of("192.0.2.0"), 0),
            "ip4",
            false,
            "-ip4:192.0.2.0/0"),
        Arguments.of(
            new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("2001:db8::1"), 128),
            "ip6",
            false,
            "ip6:2001:db8::1"),
        Arguments.of(
            new Mechanism.Ip6(Qualifier.SOFTFAIL, IpAddress.of("2001:db8::"), 32),
            "ip6",
            false,
            "~ip6:2001:db8::/32"),
        Arguments.of(
            new Mechanism.Exists(Qualifier.PASS, EXAMPLE), "exists", true, "exists:example.com"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("mechanisms")
  void hasItsRfcNameAndSaysWhetherItAsksDns(
      Mechanism mechanism, String name, boolean asksDns, String text) {
    assertThat(mechanism.name()).isEqualTo(name);
    assertThat(mechanism.queriesDns()).isEqualTo(asksDns);
    assertThat(mechanism instanceof Mechanism.DnsMechanism).isEqualTo(asksDns);
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("mechanisms")
  void printsItsCanonicalTextWhichParsesBackToAnEqualMechanism(
      Mechanism mechanism, String name, boolean asksDns, String text) {
    assertThat(mechanism).hasToString(text);
    ParseResult parsed = RecordParser.parse("v=spf1 " + text);
    assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
    assertThat(((ParseResult.Valid) parsed).record().terms()).containsExactly(mechanism);
  }

  @Test
  void looksAtTheDomainBeingCheckedWhenNoDomainIsWritten() {
    assertThat(new Mechanism.A(Qualifier.PASS, null, 32, 128).target())
        .isEqualTo(MacroString.CURRENT_DOMAIN);
    assertThat(new Mechanism.Mx(Qualifier.PASS, null, 32, 128).target())
        .isEqualTo(MacroString.CURRENT_DOMAIN);
    assertThat(new Mechanism.Ptr(Qualifier.PASS, null).target())
        .isEqualTo(MacroString.CURRENT_DOMAIN);
    assertThat(new Mechanism.A(Qualifier.PASS, EXAMPLE, 32, 128).target()).isEqualTo(EXAMPLE);
    assertThat(new Mechanism.Include(Qualifier.PASS, EXAMPLE).target()).isEqualTo(EXAMPLE);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 33, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void refusesAnIpv4PrefixOutsideZeroTo32(int prefix) {
    assertThatThrownBy(() -> new Mechanism.A(Qualifier.PASS, null, prefix, 128))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mechanism.Mx(Qualifier.PASS, null, prefix, 128))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("192.0.2.0"), prefix))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 129, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void refusesAnIpv6PrefixOutsideZeroTo128(int prefix) {
    assertThatThrownBy(() -> new Mechanism.A(Qualifier.PASS, null, 32, prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mechanism.Mx(Qualifier.PASS, null, 32, prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("2001:db8::"), prefix))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsThePrefixesAtBothEndsOfTheirRanges() {
    assertThatNoException()
        .isThrownBy(
            () -> {
              new Mechanism.A(Qualifier.PASS, null, 0, 0);
              new Mechanism.A(Qualifier.PASS, null, 32, 128);
              new Mechanism.Mx(Qualifier.PASS, null, 0, 0);
              new Mechanism.Mx(Qualifier.PASS, null, 32, 128);
              new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("0.0.0.0"), 0);
              new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("192.0.2.1"), 32);
              new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("::"), 0);
              new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("2001:db8::1"), 128);
            });
  }

  @Test
  void refusesANetworkOfTheOtherFamily() {
    assertThatThrownBy(() -> new Mechanism.Ip4(Qualifier.PASS, IpAddress.of("2001:db8::"), 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ip4");
    assertThatThrownBy(() -> new Mechanism.Ip6(Qualifier.PASS, IpAddress.of("192.0.2.0"), 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ip6");
  }

  @Test
  void refusesAMissingQualifierOrDomain() {
    assertThatThrownBy(() -> new Mechanism.All(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Include(Qualifier.PASS, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Exists(Qualifier.PASS, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.A(null, null, 32, 128))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Mx(null, null, 32, 128))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Ptr(null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Ip4(null, IpAddress.of("192.0.2.0"), 32))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Mechanism.Ip6(null, IpAddress.of("2001:db8::"), 32))
        .isInstanceOf(NullPointerException.class);
  }
}
