package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the flattened record says for each kind of term, modifier and answer. */
final class FlattenShapesTest {

  private static FlattenResult flatten(InMemoryDns.Builder zone) {
    return SpfFlattenerTest.flattener(zone.build()).flatten("example.com");
  }

  private static Flattening flat(InMemoryDns.Builder zone) {
    FlattenResult result = flatten(zone);
    assertThat(result).as(result.toString()).isInstanceOf(Flattening.class);
    return (Flattening) result;
  }

  private static String text(InMemoryDns.Builder zone) {
    Flattening flat = flat(zone);
    assertThat(flat.records()).hasSize(1);
    return flat.records().get(0).text();
  }

  @Test
  void followsTheDomainsOwnRedirect() {
    Flattening flat =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 redirect=r.example")
            .txt("r.example", "v=spf1 ip4:198.51.100.0/24 ~all"));

    assertThat(flat.records()).singleElement()
        .satisfies(r -> assertThat(r.text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ~all"));
    assertThat(flat.upstream()).extracting(Upstream::domain).containsExactly("r.example");
    assertThat(flat.kept()).isEmpty();
  }

  @Test
  void keepsARedirectItCannotFollowAndTheRangesBeforeIt() {
    Flattening macro =
        flat(InMemoryDns.builder().txt("example.com", "v=spf1 -ip4:192.0.2.0/24 redirect=%{d}.r.example"));
    Flattening ptr =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 redirect=r.example")
            .txt("r.example", "v=spf1 include:i.example ptr -all")
            .txt("i.example", "v=spf1 ip4:203.0.113.0/24 -all"));

    assertThat(macro.records().get(0).text()).isEqualTo("v=spf1 -ip4:192.0.2.0/24 redirect=%{d}.r.example");
    assertThat(macro.kept()).containsExactly("redirect=%{d}.r.example: its target cannot be expanded safely");
    assertThat(ptr.records().get(0).text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 redirect=r.example");
    assertThat(ptr.upstream()).isEmpty();
  }

  @Test
  void followsARedirectInsideAnInclude() {
    String text =
        text(InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example -all")
            .txt("i.example", "v=spf1 -ip4:198.51.100.1 redirect=j.example")
            .txt("j.example", "v=spf1 ip4:198.51.100.0/31 ?all"));

    assertThat(text).isEqualTo("v=spf1 ip4:198.51.100.0 -all");
  }

  @Test
  void keepsAnIncludeWhoseRedirectHasMacrosOrLeadsNowhere() {
    Flattening macro =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example -all")
            .txt("i.example", "v=spf1 ip4:198.51.100.0/24 redirect=%{l}.j.example"));
    Flattening missing =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example -all")
            .txt("i.example", "v=spf1 ip4:198.51.100.0/24 redirect=gone.example"));

    assertThat(macro.records().get(0).text()).isEqualTo("v=spf1 include:i.example -all");
    assertThat(macro.kept()).containsExactly(
        "include:i.example: include:i.example cannot be expanded safely (i.example redirects to a name with macros)");
    assertThat(missing.kept()).containsExactly(
        "include:i.example: include:i.example cannot be expanded safely (gone.example has no usable SPF record)");
  }

  @Test
  void saysWhyEachTermOfTheDomainsOwnRecordIsKept() {
    Flattening flat =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 a mx:mail.example.com exists:on.example.com exists:%{i}.x.example.com ptr a:%{d}.example.com -all")
            .a("example.com", "192.0.2.1")
            .mx("mail.example.com", "mx.example.com")
            .a("mx.example.com", "192.0.2.2"));

    String own = "the domain's own hosts change without notice: kept (expandHosts, spf flatten --expand-hosts, replaces them)";
    assertThat(flat.kept()).containsExactly(
        "a: " + own,
        "mx:mail.example.com: " + own,
        "exists:on.example.com: exists is a switch its owner controls",
        "exists:%{i}.x.example.com: its target has macros: it depends on the sender",
        "ptr: ptr depends on the sender's address",
        "a:%{d}.example.com: its target has macros: it depends on the sender");
  }

  @Test
  void saysWhyAnIncludedRecordCannotBeExpanded() {
    InMemoryDns.Builder zone =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:e.example include:t.example include:m.example include:w.example -all")
            .txt("e.example", "v=spf1 exists:on.e.example -all")
            .txt("t.example", "v=spf1 a:slow.example -all")
            .timeout("slow.example")
            .txt("m.example", "v=spf1 mx:slow.example -all")
            .txt("w.example", "v=spf1 a:wrong.example -all")
            .add("wrong.example", io.github.spfkit.core.dns.RecordType.A, "2001:db8::1");

    Flattening flat = flat(zone);

    assertThat(flat.kept()).containsExactly(
        "include:e.example: include:e.example cannot be expanded safely (e.example uses exists, a switch its owner controls)",
        "include:t.example: include:t.example cannot be expanded safely (slow.example/A could not be read)",
        "include:m.example: include:m.example cannot be expanded safely (slow.example could not be read)",
        "include:w.example: include:w.example cannot be expanded safely (wrong.example/A could not be read)");
  }

  @Test
  void anIncludedMxWithoutExchangesAddsNothingAndOneWithTooManyIsKept() {
    InMemoryDns.Builder zone =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example include:big.example -all")
            .txt("i.example", "v=spf1 mx:none.example ip4:192.0.2.0/24 -all")
            .txt("none.example", "no mx here")
            .txt("big.example", "v=spf1 mx:ten.example mx:eleven.example -all");
    for (int n = 1; n <= 11; n++) {
      zone.a("h" + n + ".example", "198.51.100." + n);
      zone.mx("eleven.example", "h" + n + ".example");
      if (n <= 10) {
        zone.mx("ten.example", "h" + n + ".example");
      }
    }

    Flattening flat = flat(zone);

    assertThat(flat.records().get(0).text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 include:big.example -all");
    assertThat(flat.kept()).containsExactly(
        "include:big.example: include:big.example cannot be expanded safely (eleven.example has more MX names than the limit)");
  }

  @Test
  void dropsRangesThatSayWhatAllSaysAnyway() {
    assertThat(text(InMemoryDns.builder().txt("example.com", "v=spf1 -ip4:192.0.2.0/24 ip4:198.51.100.0/24 -ip4:203.0.113.0/24 -all")))
        .isEqualTo("v=spf1 ip4:198.51.100.0/24 -all");
    assertThat(text(InMemoryDns.builder().txt("example.com", "v=spf1 ip4:198.51.100.0/24 ?ip4:192.0.2.0/24")))
        .isEqualTo("v=spf1 ip4:198.51.100.0/24");
    assertThat(text(InMemoryDns.builder().txt("example.com", "v=spf1 ?ip4:192.0.2.0/24 ptr ?ip4:198.51.100.0/24 -all")))
        .isEqualTo("v=spf1 ?ip4:192.0.2.0/24 ptr ?ip4:198.51.100.0/24 -all");
  }

  @Test
  void keepsTheExplanationAndUnknownModifiers() {
    assertThat(text(InMemoryDns.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com foo=bar")))
        .isEqualTo("v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com foo=bar");
  }

  @Test
  void offersAFlatteningThatNeedsExactlyTheLimitOfLookups() {
    StringBuilder record = new StringBuilder("v=spf1 include:i.example");
    for (int i = 0; i < 10; i++) {
      record.append(" exists:%{i}.e").append(i).append(".example.com");
    }
    Flattening flat =
        flat(InMemoryDns.builder().txt("example.com", record + " -all").txt("i.example", "v=spf1 ip4:192.0.2.0/24 -all"));

    assertThat(flat.lookups()).isEqualTo(10);
    assertThat(flat.originalLookups()).isEqualTo(11);
  }

  @Test
  void refusesAChainThatWouldItselfNeedMoreThanTenLookups() {
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 250; i++) {
      record.append(" ip4:10.").append(2 * (i % 125)).append('.').append(i / 125).append(".0/24");
    }
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 include:i.example -all").txt("i.example", record + " -all").build();

    FlattenResult result =
        SpfFlattener.builder().dns(dns).maxRecordBytes(100).clock(SpfFlattenerTest.CLOCK).build().flatten("example.com");

    assertThat(result).isInstanceOfSatisfying(FlattenResult.Refused.class, refused ->
        assertThat(refused.reason()).endsWith(", because of the terms that must be kept: none"));
  }

  @Test
  void namesEveryKeptTermWhenTheyNeedMoreThanTenLookups() {
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 11; i++) {
      record.append(" exists:%{i}.e").append(i).append(".example.com");
    }

    FlattenResult result = flatten(InMemoryDns.builder().txt("example.com", record + " -all"));

    assertThat(result).isInstanceOfSatisfying(FlattenResult.Refused.class, refused ->
        assertThat(refused.reason()).isEqualTo("the flattened records still need 11 DNS-querying terms, more than 10,"
            + " because of the terms that must be kept: exists:%{i}.e0.example.com: its target has macros: it depends"
            + " on the sender; exists:%{i}.e1.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e2.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e3.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e4.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e5.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e6.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e7.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e8.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e9.example.com: its target has macros: it depends on the sender;"
            + " exists:%{i}.e10.example.com: its target has macros: it depends on the sender"));
  }

  @Test
  void aFailedProofSaysHowManyProbesDifferAndTheFirst() {
    // the include's exclusion of 192.0.2.5 is checked only by the proof of the records below
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example ~all")
            .txt("i.example", "v=spf1 -ip4:192.0.2.5 ip4:192.0.2.0/24 -all")
            .build();
    SpfFlattener flattener = SpfFlattenerTest.flattener(dns);

    EquivalenceProof proof = flattener.prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 ip4:192.0.2.0/24 ~all")));

    assertThat(proof.mismatches()).containsExactly(new EquivalenceProof.Mismatch("192.0.2.5", Result.SOFTFAIL, Result.PASS));
    assertThat(proof.mismatchCount()).isEqualTo(1);
    assertThat(proof.mismatches().get(0)).hasToString("192.0.2.5: softfail -> pass");
  }

  @Test
  void keepsAtMostTwentyMismatchesButCountsThemAll() {
    StringBuilder right = new StringBuilder("v=spf1");
    for (int i = 0; i < 30; i++) {
      right.append(" ip4:10.").append(i).append(".0.0/16");
    }
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 include:i.example -all").txt("i.example", right + " -all").build();

    EquivalenceProof proof =
        SpfFlattenerTest.flattener(dns).prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 -all")));

    assertThat(proof.mismatchCount()).isGreaterThan(EquivalenceProof.MAX_MISMATCHES);
    assertThat(proof.mismatches()).hasSize(EquivalenceProof.MAX_MISMATCHES)
        .allSatisfy(m -> assertThat(m.flattened()).isEqualTo(Result.FAIL));
    assertThat(proof.mismatches()).contains(new EquivalenceProof.Mismatch("10.0.0.0", Result.PASS, Result.FAIL));
  }

  @Test
  void aProofFindsTheAddressesOfARangeTheRecordsDropped() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:i.example -all")
            .txt("i.example", "v=spf1 ip4:198.51.100.0/24 -all")
            .build();

    EquivalenceProof proof =
        SpfFlattenerTest.flattener(dns).prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 -all")));

    assertThat(proof.holds()).isFalse();
    assertThat(proof.mismatches()).containsExactly(
        new EquivalenceProof.Mismatch("198.51.100.0", Result.PASS, Result.FAIL),
        new EquivalenceProof.Mismatch("198.51.100.255", Result.PASS, Result.FAIL));
  }

  @Test
  void rescuesEveryProbeWhenTheOriginalRunsOutBeforeAnyAnswer() {
    InMemoryDns.Builder zone = InMemoryDns.builder().txt("example.com", "v=spf1 include:c1.example -all");
    for (int i = 1; i <= 10; i++) {
      zone.txt("c" + i + ".example", "v=spf1 include:c" + (i + 1) + ".example");
    }
    zone.txt("c11.example", "v=spf1 ip4:198.51.100.0/24 -all");

    Flattening flat = flat(zone);

    assertThat(flat.records().get(0).text()).isEqualTo("v=spf1 ip4:198.51.100.0/24 -all");
    assertThat(flat.originalLookups()).isEqualTo(11);
    assertThat(flat.proof().rescued()).isEqualTo(flat.proof().probes());
  }

  @Test
  void aProofHoldsOnlyIfSomethingWasProbedAndNothingDiffers() {
    assertThat(new EquivalenceProof(1, 0, List.of(), 0).holds()).isTrue();
    assertThat(new EquivalenceProof(0, 0, List.of(), 0).holds()).isFalse();
    assertThat(new EquivalenceProof(5, 0, List.of(), 1).holds()).isFalse();
  }

  @Test
  void aProofProbesTheAddressesTheTermsFound() {
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 a:h.example -all").a("h.example", "203.0.113.7").build();

    EquivalenceProof proof =
        SpfFlattenerTest.flattener(dns).prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 -all")));

    assertThat(proof.mismatches()).contains(new EquivalenceProof.Mismatch("203.0.113.7", Result.PASS, Result.FAIL));
  }

  @Test
  void aProofProbesTheEndsOfTheRangesTermsNameWithAPrefix() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:h.example/24 mx:m.example/24 -all")
            .a("h.example", "203.0.113.7")
            .mx("m.example", "h.example")
            .build();

    EquivalenceProof proof =
        SpfFlattenerTest.flattener(dns)
            .prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 a:h.example/25 -all")));

    assertThat(proof.mismatches()).containsExactly(new EquivalenceProof.Mismatch("203.0.113.255", Result.PASS, Result.FAIL));
  }

  @Test
  void keepsARecordOfExactlyTheByteBudgetWhole() {
    String record = "v=spf1 ip4:10.22.0.0/16 ip4:10.200.0.0/16 ip4:10.202.0.0/16 ip4:10.204.0.0/16 ip4:10.206.0.0/16 -all";
    assertThat(record).hasSize(100);
    InMemoryDns dns = InMemoryDns.builder().txt("example.com", record).build();

    FlattenResult result =
        SpfFlattener.builder().dns(dns).maxRecordBytes(100).clock(SpfFlattenerTest.CLOCK).build().flatten("example.com");

    assertThat(result).isInstanceOfSatisfying(Flattening.class, flat ->
        assertThat(flat.records()).extracting(FlatRecord::text).containsExactly(record));
  }

  @Test
  void aSeamThatFailsIsADnsErrorWithItsReason() {
    io.github.spfkit.core.dns.DnsLookup failing =
        (name, type) -> java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("resolver gone"));

    LintReport report = SpfLinter.builder().dns(failing).build().lint("example.com");

    assertThat(report.findings(Finding.Code.DNS_ERROR)).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo(
            "TXT lookup of example.com failed: lookup failed: java.lang.IllegalStateException: resolver gone"));
  }

  @Test
  void anIncludeThatCannotBeExpandedNamesNoUpstreamOfItsOwn() {
    Flattening flat =
        flat(InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:dyn.example ip4:192.0.2.0/24 -all")
            .txt("dyn.example", "v=spf1 include:ok.example ptr -all")
            .txt("ok.example", "v=spf1 ip4:198.51.100.0/24 -all"));

    assertThat(flat.records().get(0).text()).isEqualTo("v=spf1 include:dyn.example ip4:192.0.2.0/24 -all");
    assertThat(flat.upstream()).isEmpty();
  }

  @Test
  void expandsTheDomainsOwnHostsWhenAsked() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a mx/30 -all")
            .a("example.com", "192.0.2.1")
            .mx("example.com", "mx.example.com")
            .a("mx.example.com", "198.51.100.5")
            .build();

    FlattenResult result =
        SpfFlattener.builder().dns(dns).expandHosts(true).clock(SpfFlattenerTest.CLOCK).build().flatten("example.com");

    assertThat(result).isInstanceOfSatisfying(Flattening.class, flat -> {
      assertThat(flat.records()).extracting(FlatRecord::text).containsExactly("v=spf1 ip4:192.0.2.1 ip4:198.51.100.4/30 -all");
      assertThat(flat.kept()).isEmpty();
      assertThat(flat.lookups()).isZero();
    });
  }
}
