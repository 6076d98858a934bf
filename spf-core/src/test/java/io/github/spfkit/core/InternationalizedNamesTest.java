package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import org.junit.jupiter.api.Test;

/** RFC 8616: U-labels are looked up, and expanded, as A-labels; an invalid IDN is no name. */
final class InternationalizedNamesTest {

  private static SpfChecker checker(InMemoryDns dns) {
    return SpfChecker.builder().dns(dns).build();
  }

  @Test
  void looksUpTheSenderDomainInALabels() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("xn--bcher-kva.example", "v=spf1 ip4:192.0.2.1 -all")
            .build();

    SpfResult result =
        checker(dns).check().ip("192.0.2.1").mailFrom("alice@bücher.example").evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(dns.queries()).containsExactly(new DnsQuestion("xn--bcher-kva.example", RecordType.TXT));
  }

  @Test
  void expandsSenderDomainAndHeloMacrosInALabels() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("xn--bcher-kva.example", "v=spf1 exists:%{o}.%{h}.allow.example -all")
            .a("xn--bcher-kva.example.xn--mail-epa.xn--bcher-kva.example.allow.example", "127.0.0.2")
            .build();

    SpfResult result =
        checker(dns)
            .check()
            .ip("192.0.2.1")
            .mailFrom("alice@BÜCHER.example")
            .helo("mailé.bücher.example")
            .evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void looksUpNamesExpandedFromAUtf8LocalPartInALabels() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("example.com", "v=spf1 exists:%{l}.users.example.com -all")
            .a("xn--jrgen-kva.users.example.com", "127.0.0.2")
            .build();

    SpfResult result =
        checker(dns).check().ip("192.0.2.1").mailFrom("jürgen@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void checksTheHeloIdentityInALabels() {
    InMemoryDns dns =
        InMemoryDns.builder().txt("xn--mail-epa.example", "v=spf1 ip4:192.0.2.1 -all").build();

    SpfResult result = checker(dns).check().ip("192.0.2.1").helo("mailé.example").evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.identity()).isEqualTo(Identity.HELO);
  }

  @Test
  void givesNoneForASenderDomainThatIsNotAValidIdn() {
    // the label is 60 U-labels long: its A-label is over 63 characters
    String invalid = "ü".repeat(60) + ".example";
    InMemoryDns dns = InMemoryDns.builder().recordQueries().build();

    SpfResult result = checker(dns).check().ip("192.0.2.1").mailFrom("a@" + invalid).evaluate();

    assertThat(result.result()).isEqualTo(Result.NONE);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.INVALID_DOMAIN);
    assertThat(dns.queries()).isEmpty();
  }

  @Test
  void treatsAnExpansionThatIsNotAValidIdnAsAnInvalidName() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt("example.com", "v=spf1 a:%{h}.example.com ?all")
            .build();

    SpfResult result =
        checker(dns)
            .check()
            .ip("192.0.2.1")
            .mailFrom("a@example.com")
            .helo("ü".repeat(60) + ".example")
            .evaluate();

    assertThat(result.result()).isEqualTo(Result.NEUTRAL);
    assertThat(dns.queries()).containsExactly(new DnsQuestion("example.com", RecordType.TXT));
  }
}
