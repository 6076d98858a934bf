package io.github.spfkit.core;

import static io.github.spfkit.core.CheckerTestSupport.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** RFC 7208 §5.5's validated names, for the {@code ptr} mechanism and the {@code %{p}} macro. */
final class ValidatedNamesTest {

  private static final String CLIENT = "192.0.2.3";
  private static final String REVERSE = "3.2.0.192.in-addr.arpa";

  @Test
  void expandsPToTheFirstValidatedNameBeneathTheDomain() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 exists:%{p}.check.example.com -all")
            .ptr(REVERSE, "host.example.net")
            .ptr(REVERSE, "first.example.com")
            .ptr(REVERSE, "second.example.com")
            .a("host.example.net", CLIENT)
            .a("first.example.com", CLIENT)
            .a("second.example.com", CLIENT)
            .a("first.example.com.check.example.com", "127.0.0.2")
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void expandsPToTheDomainItselfWhenItIsAValidatedName() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 exists:%{p}.check.example.net -all")
            .ptr(REVERSE, "mail.example.com")
            .ptr(REVERSE, "example.com")
            .a("mail.example.com", CLIENT)
            .a("example.com", CLIENT)
            .a("example.com.check.example.net", "127.0.0.2")
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void expandsPTheSameWayEachTimeItIsUsedInOneEvaluation() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt(
                "example.com",
                "v=spf1 exists:%{p}.one.example.com exists:%{p}.two.example.com -all")
            .ptr(REVERSE, "mail.example.com")
            .a("mail.example.com", CLIENT)
            .a("mail.example.com.two.example.com", "127.0.0.2")
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    // the names are validated once per evaluation: one PTR query
    assertThat(dns.queries()).filteredOn(q -> q.type() == RecordType.PTR).hasSize(1);
  }

  @Test
  void expandsPToUnknownWhenTheClientHasNoPtrRecord() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 exists:%{p}.check.example.com -all")
            .a("unknown.check.example.com", "127.0.0.2")
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
  }

  @Test
  void doesNotMatchPtrWhenThePtrLookupFails() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 ptr ?all")
            .timeout(REVERSE)
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.NEUTRAL);
    assertThat(result.trace().root().terms().get(0).outcome()).isEqualTo(Trace.Outcome.NO_MATCH);
  }

  @Test
  void tracesThePtrLookupAndTheAddressLookupsOfTheNames() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 ptr -all")
            .ptr(REVERSE, "other.example.com")
            .ptr(REVERSE, "mail.example.com")
            .a("mail.example.com", CLIENT)
            .build();

    SpfResult result = check(dns, CLIENT, "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    Trace.TermStep ptr = result.trace().root().terms().get(0);
    assertThat(ptr.lookups())
        .extracting(Trace.Lookup::name, Trace.Lookup::type)
        .containsExactly(
            Tuple.tuple(REVERSE, RecordType.PTR),
            Tuple.tuple("other.example.com", RecordType.A),
            Tuple.tuple("mail.example.com", RecordType.A));
  }
}
