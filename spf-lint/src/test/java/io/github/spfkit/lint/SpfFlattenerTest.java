package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SpfFlattenerTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);

  /**
   * A tree of 13 DNS-querying terms: the domain's own mx (kept), three providers with nested
   * includes, a, mx and an exclusion, and a macro term that must be kept.
   */
  static InMemoryDns.Builder thirteenLookups(int netblocks) {
    return thirteenLookups(netblocks, "v=spf1 ip4:198.51.100.0/25 ip4:198.51.100.128/25 ip6:2001:db8:100::/48 -all");
  }

  static InMemoryDns.Builder thirteenLookups(int netblocks, String mailerBlocks) {
    InMemoryDns.Builder zone =
        InMemoryDns.builder()
            .txt("example.com",
                "v=spf1 mx include:_spf.mailer.example include:spf.crm.example"
                    + " include:_netblocks.cloud.example exists:%{i}._allow.example.com ~all")
            .mx("example.com", "mx1.example.com")
            .a("mx1.example.com", "192.0.2.25")
            .txt("_spf.mailer.example", "v=spf1 include:_s1.mailer.example include:_s2.mailer.example -all")
            .txt("_s1.mailer.example", mailerBlocks)
            .txt("_s2.mailer.example", "v=spf1 a:out.mailer.example mx:mailer.example -all")
            .a("out.mailer.example", "203.0.113.200")
            .add("out.mailer.example", RecordType.AAAA, "2001:db8:200::25")
            .mx("mailer.example", "in.mailer.example")
            .a("in.mailer.example", "203.0.113.201")
            .txt("spf.crm.example", "v=spf1 -ip4:203.0.113.5 ip4:203.0.113.0/26 include:x.crm.example ?all")
            .txt("x.crm.example", "v=spf1 ip4:192.0.2.128/27 -all")
            .txt("_netblocks.cloud.example",
                "v=spf1 include:_nb1.cloud.example include:_nb2.cloud.example include:_nb3.cloud.example ~all");
    for (int n = 1; n <= 3; n++) {
      StringBuilder record = new StringBuilder("v=spf1");
      for (int i = 0; i < netblocks; i++) {
        record.append(" ip4:198.18.").append(2 * (i * 3 + n)).append(".0/24");
      }
      zone.txt("_nb" + n + ".cloud.example", record + " -all");
    }
    return zone;
  }

  static SpfFlattener flattener(InMemoryDns dns) {
    return SpfFlattener.builder().dns(dns).clock(CLOCK).build();
  }

  @Test
  void refusesAFlatteningWhoseKeptIncludeCannotBeRead() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 include:slow.example.net -all")
            .timeout("slow.example.net")
            .build();

    FlattenResult result = flattener(dns).flatten("example.com");

    assertThat(result).isInstanceOf(FlattenResult.Refused.class);
    assertThat(((FlattenResult.Refused) result).reason())
        .startsWith("the flattened records could not be read whole")
        .contains("slow.example.net");
  }

  @Test
  void flattensAThirteenLookupTreeKeepingTheMacroTermAndSplittingIntoTwoRecords() {
    InMemoryDns dns = thirteenLookups(7).build();

    FlattenResult result = flattener(dns).flatten("example.com");

    assertThat(result).isInstanceOf(Flattening.class);
    Flattening flat = (Flattening) result;
    assertThat(flat.originalLookups()).isEqualTo(13);
    assertThat(flat.lookups()).isEqualTo(3);
    assertThat(flat.records()).extracting(FlatRecord::name).containsExactly("example.com", "_spf1.example.com");
    assertThat(flat.records()).allSatisfy(r -> assertThat(r.bytes()).isLessThanOrEqualTo(450));
    FlatRecord root = flat.records().get(0);
    assertThat(root.text())
        .startsWith("v=spf1 mx ip4:")
        .contains(" include:_spf1.example.com")
        .endsWith(" exists:%{i}._allow.example.com ~all");
    assertThat(flat.kept()).hasSize(2).anySatisfy(k -> assertThat(k).startsWith("exists:%{i}._allow.example.com: "));
    // two /25 merged into one /24; the crm exclusion cut out of its /26
    assertThat(flat.covered())
        .contains("198.51.100.0/24", "2001:db8:100::/48", "203.0.113.4/32", "203.0.113.6/31", "203.0.113.200/31")
        .doesNotContain("203.0.113.5/32", "192.0.2.25/32");
    assertThat(String.join(" ", flat.covered())).doesNotContain("203.0.113.0/26");
    assertThat(flat.upstream()).extracting(Upstream::domain)
        .containsExactly("_spf.mailer.example", "_s1.mailer.example", "_s2.mailer.example", "spf.crm.example",
            "x.crm.example", "_netblocks.cloud.example", "_nb1.cloud.example", "_nb2.cloud.example", "_nb3.cloud.example");
    assertThat(flat.upstream()).allSatisfy(u -> assertThat(u.readAt()).isEqualTo(CLOCK.instant()));
    assertThat(flat.proof().holds()).isTrue();
    assertThat(flat.proof().probes()).isGreaterThan(100);
    // addresses the original reaches only after its 10th lookup: permerror there, pass here
    assertThat(flat.proof().rescued()).isPositive();
    assertThat(flat.zoneLines()).anySatisfy(l -> assertThat(l).startsWith(
        "; upstream _nb3.cloud.example read 2026-12-02T01:00:00Z ttl 300: \"v=spf1 ip4:198.18."));
  }

  @Test
  void keepsEveryChainedRecordAndTheDomainsOwnWithinTheByteBudgetAndEachStringWithin255() {
    Flattening flat = (Flattening) flattener(thirteenLookups(25).build()).flatten("example.com");

    assertThat(flat.records().size()).isGreaterThan(2);
    assertThat(flat.records()).allSatisfy(r -> {
      assertThat(r.bytes()).isLessThanOrEqualTo(450);
      assertThat(r.strings()).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(255));
      assertThat(String.join("", r.strings())).isEqualTo(r.text());
    });
    assertThat(flat.lookups()).isEqualTo(2 + flat.records().size() - 1);
    for (int i = 1; i < flat.records().size(); i++) {
      String name = "_spf" + i + ".example.com";
      assertThat(flat.records().get(i).name()).isEqualTo(name);
      assertThat(flat.records().get(0).text()).contains(" include:" + name);
    }
  }

  @Test
  void aDeliberatelyWrongFlatteningFailsTheProof() {
    InMemoryDns dns = thirteenLookups(7).build();
    SpfFlattener flattener = flattener(dns);
    Flattening right = (Flattening) flattener.flatten("example.com");
    List<FlatRecord> wrong = new ArrayList<>(right.records());
    // forget the exclusion the crm provider makes: 203.0.113.5 would pass
    for (int i = 0; i < wrong.size(); i++) {
      FlatRecord record = wrong.get(i);
      wrong.set(i, new FlatRecord(record.name(), record.text().replace("ip4:203.0.113.4 ", "ip4:203.0.113.4/31 ")));
    }
    assertThat(wrong).isNotEqualTo(right.records());

    EquivalenceProof proof = flattener.prove("example.com", wrong);

    assertThat(proof.holds()).isFalse();
    assertThat(proof.mismatches())
        .contains(new EquivalenceProof.Mismatch("203.0.113.5", Result.SOFTFAIL, Result.PASS));
    assertThat(flattener.prove("example.com", right.records()).holds()).isTrue();
  }

  @Test
  void detectsDriftWhenAProviderChangesItsRecord() {
    Flattening published = (Flattening) flattener(thirteenLookups(7).build()).flatten("example.com");

    Drift none = flattener(thirteenLookups(7).build()).check("example.com", published.records());
    Drift changed =
        flattener(thirteenLookups(7, "v=spf1 ip4:198.51.101.0/24 ip6:2001:db8:100::/48 -all").build())
            .check("example.com", reversed(published.records()));

    assertThat(changed.now()).as(changed.now().toString()).isInstanceOf(Flattening.class);
    assertThat(none.drifted()).isFalse();
    assertThat(none.proof().holds()).isTrue();
    assertThat(changed.drifted()).isTrue();
    assertThat(changed.added()).as(changed.toString()).containsExactly("198.51.101.0/24");
    assertThat(changed.removed()).containsExactly("198.51.100.0/24");
    assertThat(changed.proof().mismatches())
        .contains(new EquivalenceProof.Mismatch("198.51.101.0", Result.PASS, Result.SOFTFAIL))
        .contains(new EquivalenceProof.Mismatch("198.51.100.0", Result.SOFTFAIL, Result.PASS));
  }

  private static List<FlatRecord> reversed(List<FlatRecord> records) {
    List<FlatRecord> out = new ArrayList<>(records);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void refusesWhenTheTermsThatMustBeKeptStillNeedMoreThanTenLookups() {
    StringBuilder record = new StringBuilder("v=spf1 include:_s1.mailer.example");
    for (int i = 0; i < 11; i++) {
      record.append(" exists:%{i}.e").append(i).append(".example.com");
    }
    InMemoryDns dns = thirteenLookups(1).txt("big.example", record + " -all").build();

    FlattenResult result = flattener(dns).flatten("big.example");

    assertThat(result).isInstanceOfSatisfying(FlattenResult.Refused.class, refused ->
        assertThat(refused.reason()).startsWith("the flattened records still need 11 DNS-querying terms"));
  }

  @Test
  void refusesWhenTheTermsThatMustStayInTheDomainsRecordAloneAreOverTheByteBudget() {
    StringBuilder record = new StringBuilder("v=spf1 ip4:192.0.2.0/24");
    for (int i = 0; i < 9; i++) {
      record.append(" exists:%{i}._allow").append(i).append(".a-long-name-of-a-reputation-list.example");
    }
    InMemoryDns dns = InMemoryDns.builder().txt("long.example", record + " -all").build();

    FlattenResult result = flattener(dns).flatten("long.example");

    assertThat(record.length()).isGreaterThan(SpfFlattener.DEFAULT_MAX_RECORD_BYTES);
    assertThat(result).isInstanceOfSatisfying(FlattenResult.Refused.class, refused ->
        assertThat(refused.reason())
            .startsWith("long.example's flattened record takes ")
            .contains("over the budget of 450"));
  }

  @Test
  void keepsAnIncludeItCannotExpandAndSaysWhy() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.org", "v=spf1 ip4:192.0.2.0/24 include:dyn.example -all")
            .txt("dyn.example", "v=spf1 ptr:dyn.example ip4:198.51.100.0/24 -all")
            .build();

    Flattening flat = (Flattening) flattener(dns).flatten("example.org");

    assertThat(flat.records()).singleElement()
        .satisfies(r -> assertThat(r.text()).isEqualTo("v=spf1 ip4:192.0.2.0/24 include:dyn.example -all"));
    assertThat(flat.kept()).singleElement()
        .satisfies(k -> assertThat(k).startsWith("include:dyn.example: include:dyn.example cannot be expanded safely (dyn.example uses ptr"));
    assertThat(flat.upstream()).isEmpty();
  }

  @Test
  void refusesADomainWithoutARecord() {
    FlattenResult result = flattener(InMemoryDns.builder().build()).flatten("nothing.example");

    assertThat(result).isInstanceOf(FlattenResult.Refused.class);
    assertThat(((FlattenResult.Refused) result).original().has(Finding.Code.NO_RECORD)).isTrue();
  }

  @Test
  void provesATreeWithAnIncludeLoopInsteadOfOverflowingTheStack() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:a.example ip4:192.0.2.0/24 -all")
            .txt("a.example", "v=spf1 include:b.example -all")
            .txt("b.example", "v=spf1 include:example.com -all")
            .build();

    FlattenResult result = flattener(dns).flattenAsync("example.com").toCompletableFuture().join();

    assertThat(result).isInstanceOfSatisfying(Flattening.class, flat -> {
      assertThat(flat.records()).singleElement()
          .satisfies(r -> assertThat(r.text()).isEqualTo("v=spf1 include:a.example ip4:192.0.2.0/24 -all"));
      assertThat(flat.proof().holds()).isTrue();
    });
  }

  @Test
  void provesALoopAheadOfANineHundredTermTreeInsteadOfOverflowingTheStack() {
    // the walk counts 964 terms: a proof that let the original run that far would recurse round
    // the loop 964 deep, past the end of the stack
    InMemoryDns.Builder zone =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:a.example include:big.example -all")
            .txt("a.example", "v=spf1 include:b.example -all")
            .txt("b.example", "v=spf1 include:a.example -all");
    StringBuilder big = new StringBuilder("v=spf1");
    for (int c = 1; c <= 60; c++) {
      big.append(" include:c").append(c).append(".example");
      StringBuilder child = new StringBuilder("v=spf1");
      for (int h = 1; h <= 15; h++) {
        child.append(" a:h").append(h).append(".c").append(c).append(".example");
        zone.a("h" + h + ".c" + c + ".example", "198.51.100." + c);
      }
      zone.txt("c" + c + ".example", child + " -all");
    }
    InMemoryDns dns = zone.txt("big.example", big + " -all").build();

    FlattenResult result = flattener(dns).flattenAsync("example.com").toCompletableFuture().join();

    assertThat(result).isInstanceOfSatisfying(Flattening.class, flat -> {
      assertThat(flat.originalLookups()).isGreaterThan(900);
      assertThat(flat.records().get(0).text()).startsWith("v=spf1 include:a.example ip4:198.51.100.");
      assertThat(flat.proof().holds()).isTrue();
    });
  }

  @Test
  void probesAnAddressOutsideEveryRangeWhereOnlyAllDecides() {
    // 192.0.2.0/24 by mx/24 and 2001:db8::/64 by a//64 cover both documentation probes and every
    // address the terms name: only an address outside all of them sees the changed all
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 mx/24 a:host.example.com//64 -all")
            .mx("example.com", "mx1.example.com")
            .a("mx1.example.com", "192.0.2.25")
            .add("host.example.com", RecordType.AAAA, "2001:db8::7")
            .build();

    EquivalenceProof proof =
        flattener(dns).prove("example.com", List.of(new FlatRecord("example.com", "v=spf1 mx/24 a:host.example.com//64 ~all")));

    assertThat(proof.holds()).isFalse();
    assertThat(proof.mismatches())
        .contains(new EquivalenceProof.Mismatch("0.0.0.0", Result.FAIL, Result.SOFTFAIL))
        .contains(new EquivalenceProof.Mismatch("255.255.255.255", Result.FAIL, Result.SOFTFAIL))
        .contains(new EquivalenceProof.Mismatch("::", Result.FAIL, Result.SOFTFAIL))
        .contains(new EquivalenceProof.Mismatch("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", Result.FAIL, Result.SOFTFAIL));
  }

  @Test
  void offersRecordsThatRunOutOfVoidLookupsWhereTheOriginalDoesToo() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com",
                "v=spf1 mx/24 a:host.example.com//64 a:none1.example.com a:none2.example.com a:none3.example.com -all")
            .mx("example.com", "mx1.example.com")
            .a("mx1.example.com", "192.0.2.25")
            .add("host.example.com", RecordType.AAAA, "2001:db8::7")
            .build();

    FlattenResult result = flattener(dns).flatten("example.com");

    assertThat(result).isInstanceOfSatisfying(Flattening.class, flat -> {
      assertThat(flat.proof().holds()).isTrue();
      assertThat(flat.proof().rescued()).isZero();
    });
  }
}
