package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import org.junit.jupiter.api.Test;

/** How {@code redirect=} (RFC 7208 §6.1) and {@code exp=} (§6.2) handle their targets. */
final class RedirectAndExplanationTest {

  private static SpfResult check(InMemoryDns dns, String sender, String helo) {
    Check check = SpfChecker.builder().dns(dns).build().check().ip("192.0.2.1").mailFrom(sender);
    return (helo == null ? check : check.helo(helo)).evaluate();
  }

  @Test
  void givesPermerrorForARedirectThatExpandsToNoValidName() {
    InMemoryDns dns = InMemoryDns.builder().txt("example.com", "v=spf1 redirect=%{l}.x.example").build();

    SpfResult result = check(dns, "a..b@example.com", "mail.example.org");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.INVALID_EXPANSION);
    assertThat(result.dnsQueries()).isOne();
  }

  @Test
  void recordsTheTargetOfARedirectInTheTrace() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 redirect=_spf.%{d}")
            .txt("_spf.example.com", "v=spf1 ip4:192.0.2.1 -all")
            .build();

    SpfResult result = check(dns, "alice@example.com", "mail.example.org");

    assertThat(result.result()).isEqualTo(Result.PASS);
    Trace.TermStep redirect = result.trace().root().terms().get(0);
    assertThat(redirect.term()).isEqualTo("redirect=_spf.%{d}");
    assertThat(redirect.target()).isEqualTo("_spf.example.com");
    assertThat(redirect.nested().domain()).isEqualTo("_spf.example.com");
  }

  @Test
  void givesTheDefaultExplanationWhenTheExpTargetExpandsToNoValidName() {
    InMemoryDns dns = InMemoryDns.builder().txt("example.com", "v=spf1 -all exp=%{l}.why.example").build();

    SpfResult result = check(dns, "a..b@example.com", "mail.example.org");

    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(result.explanation())
        .isEqualTo("192.0.2.1 is not one of example.com's permitted senders");
  }

  @Test
  void explainsWithTheSendersDomainInALabelsAndAMissingHeloAsUnknown() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("xn--bcher-kva.example", "v=spf1 -all exp=why.example.com")
            .txt("why.example.com", "%{o} %{s} %{h}")
            .build();

    SpfResult result = check(dns, "jürgen@bücher.example", null);

    assertThat(result.explanation())
        .isEqualTo("xn--bcher-kva.example jürgen@xn--bcher-kva.example unknown");
  }
}
