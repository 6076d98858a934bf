package io.github.spfkit.core;

import static io.github.spfkit.core.CheckerTestSupport.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Domain-specs with macros (RFC 7208 §7): the name they expand to, or why it is unusable. */
final class ExpandedTargetsTest {

  private static final String LONG_LOCAL_PART = "x".repeat(64);

  @Test
  void tracesTheNameATermExpandedTo() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:%{d}.example.net -all")
            .a("example.com.example.net", "192.0.2.1")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.trace().root().terms().get(0).target()).isEqualTo("example.com.example.net");
  }

  @Test
  void tracesTheLookupOfAnExistsTerm() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 exists:%{i}.in.example.net -all")
            .a("192.0.2.1.in.example.net", "127.0.0.2")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.trace().root().terms().get(0).lookups())
        .extracting(Trace.Lookup::name, Trace.Lookup::type)
        .containsExactly(Tuple.tuple("192.0.2.1.in.example.net", RecordType.A));
  }

  @Test
  void givesTemperrorWhenTheAddressLookupOfAnMxHostFails() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 mx -all")
            .mx("example.com", "mx.example.com")
            .timeout("mx.example.com")
            .build();

    SpfResult result = check(dns, "192.0.2.1", "u@example.com");

    assertThat(result.result()).isEqualTo(Result.TEMPERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.DNS_ERROR);
    assertThat(result.problem().domain()).isEqualTo("mx.example.com");
  }

  @Test
  void givesPermerrorForAnIncludeThatExpandsToNoUsableName() {
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 include:%{l}.example.net -all").build();

    SpfResult result = check(dns, "192.0.2.1", LONG_LOCAL_PART + "@example.com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.problem().kind()).isEqualTo(Problem.Kind.INVALID_EXPANSION);
    assertThat(result.problem().message())
        .isEqualTo("'include:%{l}.example.net' does not expand to a valid domain name");
  }

  @Test
  void skipsAnATermThatExpandsToNoUsableName() {
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 a:%{l}.example.net ?all").build();

    SpfResult result = check(dns, "192.0.2.1", LONG_LOCAL_PART + "@example.com");

    assertThat(result.result()).isEqualTo(Result.NEUTRAL);
    assertThat(result.trace().root().terms().get(0).outcome()).isEqualTo(Trace.Outcome.NO_MATCH);
  }
}
