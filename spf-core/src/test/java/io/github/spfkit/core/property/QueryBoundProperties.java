package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * An evaluation never sends more queries than RFC 7208 §4.6.4 allows: at most 10 DNS-querying
 * terms, 10 MX names each, 10 PTR names, whatever the policy's shape.
 */
final class QueryBoundProperties {

  /** The record, 10 terms each with 10 addresses, %{p} validation and one explanation. */
  private static final int BOUND = 1 + 10 * 11 + 11 + 1;

  private static SpfResult check(InMemoryDns dns, boolean prefetch) {
    return SpfChecker.builder()
        .dns(dns)
        .prefetch(prefetch)
        .build()
        .check()
        .ip("192.0.2.1")
        .mailFrom("user@d0.example")
        .helo("mail.example")
        .evaluate();
  }

  @Property(tries = 300)
  void includeGraphsOfAnyShapeStayWithinTheBound(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(max = 11) Integer> edges,
      @ForAll boolean prefetch) {
    InMemoryDns.Builder zone = InMemoryDns.builder().recordQueries();
    for (int d = 0; d < 12; d++) {
      StringBuilder record = new StringBuilder("v=spf1");
      for (int i = 0; i < edges.size(); i++) {
        if (i % 12 == d || (i + d) % 3 == 0) {
          record.append(" include:d").append(edges.get(i)).append(".example");
        }
      }
      record.append(d % 2 == 0 ? " redirect=d" + ((d + 1) % 12) + ".example" : " -all");
      zone.txt("d" + d + ".example", record.toString());
    }
    InMemoryDns dns = zone.build();

    SpfResult result = check(dns, prefetch);

    assertThat(result.dnsTerms()).isLessThanOrEqualTo(11);
    assertThat(dns.queries().size()).isLessThanOrEqualTo(BOUND);
  }

  @Property(tries = 200)
  void mxAndPtrFanOutStaysWithinTheBound(
      @ForAll @IntRange(max = 30) int mxNames,
      @ForAll @IntRange(max = 100) int ptrNames,
      @ForAll boolean prefetch) {
    InMemoryDns.Builder zone =
        InMemoryDns.builder()
            .recordQueries()
            .txt("d0.example", "v=spf1 mx mx:d0.example ptr exists:%{p}.bl.example mx -all");
    for (int i = 0; i < mxNames; i++) {
      zone.mx("d0.example", "mx" + i + ".example").a("mx" + i + ".example", "198.51.100." + (i % 250));
    }
    for (int i = 0; i < ptrNames; i++) {
      zone.ptr("1.2.0.192.in-addr.arpa", "h" + i + ".d0.example").a("h" + i + ".d0.example", "198.51.100.1");
    }
    InMemoryDns dns = zone.build();

    check(dns, prefetch);

    assertThat(dns.queries().size()).isLessThanOrEqualTo(BOUND);
  }
}
