package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import org.junit.jupiter.api.Test;

/**
 * Targets that {@code check_host()} refuses (RFC 7208 §4.3) are never looked up, whether the
 * domain-spec was written as a literal (checked once, when the record is prepared) or expanded
 * from macros.
 */
final class LiteralTargetsTest {

  private static SpfResult check(String record) {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", record)
            .txt("com", "v=spf1 +all")
            .txt("[192.0.2.1].com", "v=spf1 +all")
            .build();
    return CheckerTestSupport.check(dns, "192.0.2.1", "alice@example.com");
  }

  @Test
  void doesNotLookUpAnIncludeOfAnAddressLiteral() {
    SpfResult result = check("v=spf1 include:[192.0.2.1].com -all");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.dnsQueries()).isOne();
    assertThat(result.trace().root().terms().get(0).nested().lookups()).isEmpty();
  }

  @Test
  void doesNotLookUpARedirectToAnAddressLiteral() {
    SpfResult result = check("v=spf1 redirect=[192.0.2.1].com");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.dnsQueries()).isOne();
  }

  @Test
  void doesNotLookUpAnIncludeThatExpandsToOneLabel() {
    SpfResult result = check("v=spf1 include:%{d1} -all");

    assertThat(result.result()).isEqualTo(Result.PERMERROR);
    assertThat(result.dnsQueries()).isOne();
  }

  @Test
  void looksUpAValidLiteralIncludeOnce() {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:_spf.example.net -all")
            .txt("_spf.example.net", "v=spf1 ip4:192.0.2.1 -all")
            .build();

    SpfResult result = CheckerTestSupport.check(dns, "192.0.2.1", "alice@example.com");

    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(result.dnsQueries()).isEqualTo(2);
  }
}
