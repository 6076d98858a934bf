package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.fuzz.HeaderSafety;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Received-SPF (RFC 7208 §9.1) and Authentication-Results (RFC 8601) from hostile data. */
final class HeadersTest {

  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com")
          .txt("why.example.com", "%{l} (sent \"from\" %{c}) is not ok\\")
          .txt("v6.example.com", "v=spf1 ip6:2001:db8::/32 -all")
          .txt("broken.example.com", "v=spf1 a:%{x} -all")
          .build();

  private static SpfResult check(String ip, String sender, String helo) {
    return SpfChecker.builder()
        .dns(DNS)
        .receiver("mx.example.org")
        .build()
        .check()
        .ip(ip)
        .mailFrom(sender)
        .helo(helo)
        .evaluate();
  }

  @Test
  void rendersReceivedSpfAsTheRfcShowsIt() {
    SpfResult result = check("192.0.2.1", "alice@example.com", "mail.example.com");

    assertThat(result.receivedSpf())
        .isEqualTo(
            "Received-SPF: pass (mx.example.org: domain of alice@example.com designates 192.0.2.1"
                + " as permitted sender) client-ip=192.0.2.1; envelope-from=\"alice@example.com\";"
                + " helo=mail.example.com; receiver=mx.example.org; identity=mailfrom;"
                + " mechanism=\"ip4:192.0.2.0/24\";");
    assertThat(result.authenticationResults("mx.example.org"))
        .isEqualTo(
            "Authentication-Results: mx.example.org; spf=pass (matched ip4:192.0.2.0/24 in"
                + " example.com) smtp.mailfrom=example.com");
  }

  @Test
  void keepsIpv6ClientAddressesUnquoted() {
    SpfResult result = check("2001:db8::1", "bob@v6.example.com", "mail.example.com");

    assertThat(result.receivedSpf()).contains("client-ip=2001:db8::1;");
  }

  @Test
  void namesTheProblemOfAnError() {
    SpfResult result = check("192.0.2.1", "bob@broken.example.com", "mail.example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.receivedSpf()).startsWith("Received-SPF: permerror (").contains("problem=\"syntax error");
    assertThat(result.authenticationResultsClause()).startsWith("spf=permerror (syntax error");
  }

  @Test
  void usesSmtpHeloForTheHeloIdentity() {
    SpfResult result =
        SpfChecker.builder().dns(DNS).build().check().ip("192.0.2.1").helo("example.com").evaluate();

    assertThat(result.identity()).isEqualTo(Identity.HELO);
    assertThat(result.authenticationResultsClause()).endsWith("smtp.helo=example.com");
    assertThat(result.receivedSpf()).contains("identity=helo;").doesNotContain("envelope-from");
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("\"evil\r\nX-Injected: yes\"@example.com", "mail.example.com"),
        Arguments.of("a(b)c\\d\"e@example.com", "mail.example.com"),
        Arguments.of("x@example.com", "evil\r\nX-Injected: yes"),
        Arguments.of("x@example.com", "(unbalanced"),
        Arguments.of("x@example.com", "\"quote"),
        Arguments.of("nul\u0000byte@example.com", "h\u00e9llo\u2028"),
        Arguments.of("))))@example.com", "\\"));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void keepsHeadersSafeFromHostileSendersHelosAndExplanations(String sender, String helo) {
    SpfResult result = check("198.51.100.1", sender, helo);

    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(result.explanation()).contains("is not ok");
    for (String header :
        new String[] {result.receivedSpf(), result.authenticationResults("mx\r\n.example.org")}) {
      HeaderSafety.assertSafe(header);
    }
  }

  @Test
  void writesAValueAsADotAtomWhenItIsOneAndQuotedOtherwise() {
    assertThat(HeaderText.value("az.AZ.09")).isEqualTo("az.AZ.09");
    assertThat(HeaderText.value("a`b{c}~|")).isEqualTo("a`b{c}~|");
    for (String notAtom : new String[] {"a:b", "a@b", "a[b", "a b", ".ab", "ab.", "a..b", ""}) {
      assertThat(HeaderText.value(notAtom)).as(notAtom).isEqualTo('"' + notAtom + '"');
    }
    assertThat(HeaderText.value("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }

  @Test
  void keepsSpaceAndTildeAndReplacesWhatIsNotVisibleAscii() {
    assertThat(HeaderText.printable(" ~x")).isEqualTo(" ~x");
    assertThat(HeaderText.printable("\u001f\u007f\u0080y")).isEqualTo("???y");
    assertThat(HeaderText.comment("(a) \\ \"b\"")).isEqualTo("\\(a\\) \\\\ \\\"b\\\"");
  }

  @Test
  void keepsEveryAtextCharacterOfTheAuthservIdAndReplacesTheRest() {
    SpfResult result = check("192.0.2.1", "alice@example.com", "mail.example.com");

    assertThat(result.authenticationResults("!mx#1.example.org~"))
        .startsWith("Authentication-Results: !mx#1.example.org~; spf=pass");
    assertThat(result.authenticationResults("mx example;org\r\n"))
        .startsWith("Authentication-Results: mx_example_org??; spf=pass");
    assertThat(result.authenticationResults("")).startsWith("Authentication-Results: unknown; ");
  }

  @Test
  void namesAProblemOnlyForTheTwoErrorResults() {
    SpfResult none = check("192.0.2.1", "carol@nowhere.example.com", "mail.example.com");

    assertThat(none.result()).isEqualTo(Result.NONE);
    assertThat(none.problem()).isNotNull();
    assertThat(none.receivedSpf()).doesNotContain("problem=");
  }
}
