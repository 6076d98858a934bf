package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.InMemoryDns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names JSON writes and what the value records accept. */
final class ValuesTest {

  @Test
  void kebabNamesAreLowerCaseWithHyphens() {
    assertThat(AddressFamily.IPV6.kebab()).isEqualTo("ipv6");
    assertThat(Rule.MX_HOST_ADDRESS.kebab()).isEqualTo("mx-host-address");
    assertThat(Finding.Code.TOO_MANY_VOID_LOOKUPS.kebab()).isEqualTo("too-many-void-lookups");
    assertThat(TermQuery.Outcome.NO_SUCH_DOMAIN.kebab()).isEqualTo("no-such-domain");
  }

  @Test
  void positionsStartAtZeroAndOrdinalsAtOne() {
    assertThat(new Finding(Finding.Code.NO_ALL, Finding.Severity.INFO, "m", 0, "example.com").position()).isZero();
    assertThatThrownBy(() -> new Finding(Finding.Code.NO_ALL, Finding.Severity.INFO, "m", -1, "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CountedTerm(1, "example.com", "a", 0, Rule.DNS_QUERYING_TERM, false, List.of(), null).position()).isZero();
    assertThatThrownBy(() -> new CountedTerm(0, "example.com", "a", 7, Rule.DNS_QUERYING_TERM, false, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTextMarksTheTermWhereReceiversStop() {
    String record = "v=spf1" + " a:host.example".repeat(12) + " -all";
    LintReport report =
        SpfLinter.builder()
            .dns(InMemoryDns.builder().a("host.example", "192.0.2.1").txt("example.com", record).build())
            .build()
            .lint("example.com");

    List<String> lines = LintText.lines(report);

    assertThat(lines).contains(
        "  10  a:host.example  (example.com at 142)",
        "  11  a:host.example  (example.com at 157)  <- over the limit: receivers stop here with permerror",
        "  12  a:host.example  (example.com at 172)  <- over the limit");
  }

  @Test
  void aFlattenerTakesOnlyAPositiveTimeout() {
    assertThatThrownBy(() -> SpfFlattener.builder().timeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive: PT0S");
    assertThatThrownBy(() -> SpfFlattener.builder().timeout(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SpfFlattener.builder().timeout(java.time.Duration.ofMillis(1))).isNotNull();
  }
}
