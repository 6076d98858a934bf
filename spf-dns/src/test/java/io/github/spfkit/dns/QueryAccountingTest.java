package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every DNS question an evaluation sends is counted in its result. */
final class QueryAccountingTest {

  private static final ZoneFileLookup ZONE =
      ZoneFileLookup.fromString(
          """
          $TTL 300
          example.com.      IN TXT "v=spf1 a mx include:_spf.example.net -all"
          example.com.      IN A 192.0.2.1
          example.com.      IN MX 10 mail.example.com.
          example.com.      IN MX 20 backup.example.com.
          mail.example.com. IN A 192.0.2.10
          backup.example.com. IN A 192.0.2.11
          _spf.example.net. IN TXT "v=spf1 ip4:198.51.100.0/24 -all"
          """);

  @Test
  void anEvaluationCountsEveryQuestionItAsked() {
    AtomicInteger asked = new AtomicInteger();
    DnsLookup counting =
        (name, type) -> {
          asked.incrementAndGet();
          return ZONE.lookup(name, type);
        };

    SpfResult result =
        SpfChecker.builder()
            .dns(counting)
            .build()
            .check()
            .ip("198.51.100.20")
            .mailFrom("alice@example.com")
            .evaluate();

    assertThat(result.result().token()).isEqualTo("pass");
    // TXT example.com, A example.com, MX example.com, A of both exchanges, TXT _spf.example.net
    assertThat(asked.get()).isEqualTo(6);
    assertThat(result.dnsQueries()).isEqualTo(asked.get());
  }

  @Test
  void aCacheInFrontDoesNotChangeTheCountButSavesTheQueries() {
    AtomicInteger sent = new AtomicInteger();
    CachingLookup cache =
        CachingLookup.of(
            (name, type) -> {
              sent.incrementAndGet();
              return ZONE.lookup(name, type);
            });
    SpfChecker checker = SpfChecker.builder().dns(cache).build();

    SpfResult first = checker.check().ip("198.51.100.20").mailFrom("a@example.com").evaluate();
    SpfResult second = checker.check().ip("198.51.100.20").mailFrom("b@example.com").evaluate();

    assertThat(second.dnsQueries()).isEqualTo(first.dnsQueries());
    assertThat(sent.get()).isEqualTo(first.dnsQueries());
    assertThat(cache.stats().hits()).isEqualTo(second.dnsQueries());
  }
}
