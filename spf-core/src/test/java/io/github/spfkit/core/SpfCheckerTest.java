package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import org.junit.jupiter.api.Test;

final class SpfCheckerTest {

  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 include:_spf.example.net mx ~all")
          .mx("example.com", "mx.example.com")
          .a("mx.example.com", "192.0.2.10")
          .txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all")
          .txt("mail.example.com", "v=spf1 a -all")
          .a("mail.example.com", "192.0.2.20")
          .build();

  private final SpfChecker checker = SpfChecker.builder().dns(DNS).build();

  @Test
  void namesTheMatchedTermAndWhereItWasWritten() {
    SpfResult result = checker.check().ip("192.0.2.10").mailFrom("a@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.match().mechanism()).isInstanceOf(Mechanism.Mx.class);
    assertThat(result.match().domain()).isEqualTo("example.com");
    assertThat(result.match().record()).isEqualTo("v=spf1 include:_spf.example.net mx ~all");
    assertThat(result.dnsTerms()).isEqualTo(2);
    assertThat(result.dnsQueries()).isEqualTo(4); // TXT, TXT of the include, MX, A
  }

  @Test
  void treatsAPassingIncludeAsTheMatch() {
    SpfResult result = checker.check().ip("2001:db8::5").mailFrom("a@example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.match().toString()).isEqualTo("include:_spf.example.net");
  }

  @Test
  void checksIpv4MappedAddressesAsIpv4() {
    assertThat(checker.check().ip("::ffff:198.51.100.7").mailFrom("a@example.com").evaluate().result())
        .isEqualTo(Result.PASS);
  }

  @Test
  void checksTheHeloIdentityWhenNoSenderIsGiven() {
    SpfResult result = checker.check().ip("192.0.2.20").helo("mail.example.com").evaluate();

    assertThat(result.identity()).isEqualTo(Identity.HELO);
    assertThat(result.sender()).isEqualTo("postmaster@mail.example.com");
    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void checksTheNullSenderAsPostmasterAtTheHeloName() {
    SpfResult result =
        checker.check().ip("192.0.2.21").mailFrom("<>").helo("mail.example.com").evaluate();

    assertThat(result.identity()).isEqualTo(Identity.MAIL_FROM);
    assertThat(result.sender()).isEqualTo("postmaster@mail.example.com");
    assertThat(result.result()).isEqualTo(Result.FAIL);
  }

  @Test
  void substitutesPostmasterForAnEmptyLocalPart() {
    SpfResult result = checker.check().ip("192.0.2.10").mailFrom("@example.com").evaluate();

    assertThat(result.sender()).isEqualTo("postmaster@example.com");
    assertThat(result.domain()).isEqualTo("example.com");
  }

  @Test
  void evaluatesAWhatIfPolicyInPlaceOfThePublishedOne() {
    SpfResult published = checker.check().ip("203.0.113.5").mailFrom("a@example.com").evaluate();
    SpfResult whatIf =
        checker
            .check()
            .ip("203.0.113.5")
            .mailFrom("a@example.com")
            .policy("v=spf1 ip4:203.0.113.0/24 include:_spf.example.net -all")
            .evaluate();

    assertThat(published.result()).isEqualTo(Result.SOFTFAIL);
    assertThat(whatIf.result()).isEqualTo(Result.PASS);
    assertThat(whatIf.trace().root().record()).startsWith("v=spf1 ip4:203.0.113.0/24");
  }

  @Test
  void explainsNoneWithItsProblem() {
    SpfResult none = checker.check().ip("192.0.2.1").mailFrom("a@nothing.example").evaluate();
    SpfResult literal = checker.check().ip("192.0.2.1").mailFrom("a@[192.0.2.1]").evaluate();

    assertThat(none.result()).isEqualTo(Result.NONE);
    assertThat(none.problem().kind()).isEqualTo(Problem.Kind.NO_RECORD);
    assertThat(literal.problem().kind()).isEqualTo(Problem.Kind.INVALID_DOMAIN);
  }

  @Test
  void givesTheDefaultExplanationWithMacrosExpanded() {
    SpfResult result = checker.check().ip("203.0.113.9").mailFrom("a@mail.example.com").evaluate();

    assertThat(result.explanation()).isEqualTo("203.0.113.9 is not one of mail.example.com's permitted senders");
  }

  @Test
  void writesIpv6ClientsReadablyInTheDefaultExplanation() {
    SpfResult result = checker.check().ip("2001:DB8:0:0::1").mailFrom("a@mail.example.com").evaluate();

    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(result.explanation())
        .isEqualTo("2001:db8::1 is not one of mail.example.com's permitted senders");
  }

  @Test
  void offersCheckHostItself() {
    SpfResult result =
        checker.checkHost(IpAddress.of("192.0.2.10"), "example.com", "someone@elsewhere.example");

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void validatesItsSettingsEagerly() {
    assertThatThrownBy(() -> SpfChecker.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dns");
    assertThatThrownBy(() -> SpfChecker.builder().recordCacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpfChecker.builder().dns(DNS).defaultExplanation("100%").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checker.check().ip("not-an-ip"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> checker.check().ip("192.0.2.1").evaluate())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void drawsTheWholeEvaluationAsATree() {
    SpfResult result = checker.check().ip("192.0.2.10").mailFrom("a@example.com").evaluate();

    Trace.Domain root = result.trace().root();
    assertThat(root.domain()).isEqualTo("example.com");
    assertThat(root.lookups()).hasSize(1);
    assertThat(root.terms()).extracting(Trace.TermStep::term).containsExactly("include:_spf.example.net", "mx");
    Trace.TermStep include = root.terms().get(0);
    assertThat(include.outcome()).isEqualTo(Trace.Outcome.NO_MATCH);
    assertThat(include.nested().via()).isEqualTo(Trace.Via.INCLUDE);
    assertThat(include.nested().result()).isEqualTo(Result.FAIL);
    assertThat(include.nested().terms()).extracting(Trace.TermStep::outcome).last().isEqualTo(Trace.Outcome.MATCH);
    Trace.TermStep mx = root.terms().get(1);
    assertThat(mx.outcome()).isEqualTo(Trace.Outcome.MATCH);
    assertThat(mx.lookups()).extracting(Trace.Lookup::name).containsExactly("example.com", "mx.example.com");
    assertThat(root.dnsTerms()).isEqualTo(2);
  }

  @Test
  void expandsTheTimestampMacroToTheSecondsSinceTheEpochInAnExplanation() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 -all exp=why.example.com")
            .txt("why.example.com", "checked at %{t}")
            .build();
    long before = System.currentTimeMillis() / 1000;

    SpfResult result =
        SpfChecker.builder().dns(dns).build().check().ip("192.0.2.1").mailFrom("a@example.com").evaluate();

    long after = System.currentTimeMillis() / 1000;
    assertThat(result.explanation()).startsWith("checked at ");
    long seconds = Long.parseLong(result.explanation().substring("checked at ".length()));
    assertThat(seconds).isBetween(before, after);
  }

  @Test
  void callsOnlyEmptyAndNonexistentAnswersVoid() {
    assertThat(new Trace.Lookup("x.example", RecordType.A, new DnsAnswer.NoRecords(60)).isVoid())
        .isTrue();
    assertThat(new Trace.Lookup("x.example", RecordType.A, new DnsAnswer.NoSuchDomain(60)).isVoid())
        .isTrue();
    assertThat(
            new Trace.Lookup(
                    "x.example", RecordType.A, new DnsAnswer.Records(java.util.List.of("192.0.2.1"), 60))
                .isVoid())
        .isFalse();
    assertThat(
            new Trace.Lookup("x.example", RecordType.A, new DnsAnswer.TemporaryFailure("timeout"))
                .isVoid())
        .isFalse();
    assertThat(new io.github.spfkit.core.dns.DnsQuestion("x.example", RecordType.MX))
        .hasToString("x.example/MX");
  }
}
