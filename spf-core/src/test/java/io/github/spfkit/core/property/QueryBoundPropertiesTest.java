package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An evaluation never sends more queries than RFC 7208 §4.6.4 allows: at most 10 DNS-querying
 * terms, 10 MX names each, 10 PTR names, whatever the policy's shape. Shapes are drawn from fixed
 * seeds; each is checked sequentially and with prefetch.
 */
final class QueryBoundPropertiesTest {

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

  private static InMemoryDns includeGraph(List<Integer> edges) {
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
    return zone.build();
  }

  @Test
  void includeGraphsOfAnyShapeStayWithinTheBound() {
    SplittableRandom random = new SplittableRandom(0x1c1dL);
    for (int i = 0; i < 300; i++) {
      List<Integer> edges = new ArrayList<>();
      int size = 1 + random.nextInt(12);
      for (int e = 0; e < size; e++) {
        edges.add(random.nextInt(12));
      }
      for (boolean prefetch : new boolean[] {false, true}) {
        InMemoryDns dns = includeGraph(edges);

        SpfResult result = check(dns, prefetch);

        assertThat(result.dnsTerms()).as("edges %s, prefetch %s", edges, prefetch).isLessThanOrEqualTo(11);
        assertThat(dns.queries().size())
            .as("edges %s, prefetch %s", edges, prefetch)
            .isLessThanOrEqualTo(BOUND);
      }
    }
  }

  @Test
  void mxAndPtrFanOutStaysWithinTheBound() {
    SplittableRandom random = new SplittableRandom(0xf4a0L);
    for (int i = 0; i < 200; i++) {
      int mxNames = random.nextInt(31);
      int ptrNames = random.nextInt(101);
      for (boolean prefetch : new boolean[] {false, true}) {
        InMemoryDns.Builder zone =
            InMemoryDns.builder()
                .recordQueries()
                .txt("d0.example", "v=spf1 mx mx:d0.example ptr exists:%{p}.bl.example mx -all");
        for (int m = 0; m < mxNames; m++) {
          zone.mx("d0.example", "mx" + m + ".example")
              .a("mx" + m + ".example", "198.51.100." + (m % 250));
        }
        for (int p = 0; p < ptrNames; p++) {
          zone.ptr("1.2.0.192.in-addr.arpa", "h" + p + ".d0.example")
              .a("h" + p + ".d0.example", "198.51.100.1");
        }
        InMemoryDns dns = zone.build();

        check(dns, prefetch);

        assertThat(dns.queries().size())
            .as("%d MX names, %d PTR names, prefetch %s", mxNames, ptrNames, prefetch)
            .isLessThanOrEqualTo(BOUND);
      }
    }
  }
}
