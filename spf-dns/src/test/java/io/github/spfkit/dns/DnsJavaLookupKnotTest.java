package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DnsJavaLookup} against a real authoritative server, Knot, on loopback. */
final class DnsJavaLookupKnotTest {

  private static final String MANY =
      IntStream.range(0, 100)
          .mapToObj(i -> "\"s" + i + " \"")
          .collect(Collectors.joining(" "));

  private static final String FAULTS =
      """
      $TTL 300
      faults.test. 600 IN SOA ns.faults.test. hostmaster.faults.test. 1 3600 600 86400 60
      faults.test. IN NS ns.faults.test.
      ns.faults.test. IN A 192.0.2.53
      txt.faults.test. 120 IN TXT "v=spf1 " "ip4:192.0.2.1" " -all"
      two.faults.test. IN TXT "first"
      two.faults.test. IN TXT "second"
      many.faults.test. IN TXT %s
      big.faults.test. IN TXT "%s" "%s" "%s"
      huge.faults.test. IN TXT %s
      bytes.faults.test. IN TXT "\\000\\001\\127\\128\\200\\255caf\\195\\169 \\"q\\" \\\\"
      a.faults.test. IN A 192.0.2.1
      a.faults.test. IN A 192.0.2.2
      a.faults.test. IN AAAA 2001:db8:0:0:0:0:0:1
      mapped.faults.test. IN AAAA ::ffff:192.0.2.1
      mx.faults.test. IN MX 10 mail.faults.test.
      mx.faults.test. IN MX 20 mail2.faults.test.
      alias.faults.test. 60 IN CNAME c2.faults.test.
      c2.faults.test. 300 IN CNAME txt.faults.test.
      outside.faults.test. IN CNAME txt.other.test.
      dangling.faults.test. IN CNAME nowhere.faults.test.
      loop1.faults.test. IN CNAME loop2.faults.test.
      loop2.faults.test. IN CNAME loop1.faults.test.
      self.faults.test. IN CNAME self.faults.test.
      sub.ent.faults.test. IN TXT "beneath"
      delegated.faults.test. IN NS ns.elsewhere.invalid.
      spf.faults.test. IN TXT "v=spf1 a:a.faults.test mx:mx.faults.test include:inc.faults.test -all"
      inc.faults.test. IN TXT "v=spf1 ip4:198.51.100.0/24 -all"
      spf99.faults.test. IN SPF "v=spf1 " "-all"
      """
          .formatted(
              MANY,
              "a".repeat(250),
              "b".repeat(250),
              "c".repeat(250),
              IntStream.range(0, 16)
                  .mapToObj(i -> "\"" + "h".repeat(250) + "\"")
                  .collect(Collectors.joining(" ")));

  private static final String OTHER =
      """
      $TTL 300
      other.test. IN SOA ns.other.test. hostmaster.other.test. 1 3600 600 86400 30
      other.test. IN NS ns.other.test.
      txt.other.test. IN TXT "from the other zone"
      """;

  private static final String REVERSE =
      """
      $TTL 300
      2.0.192.in-addr.arpa. IN SOA ns.faults.test. hostmaster.faults.test. 1 3600 600 86400 60
      2.0.192.in-addr.arpa. IN NS ns.faults.test.
      1.2.0.192.in-addr.arpa. IN PTR mail.faults.test.
      """;

  @TempDir static Path dir;
  private static KnotServer knot;
  private static DnsJavaLookup dns;

  @BeforeAll
  static void startKnot() throws Exception {
    if (KnotServer.knotd().isEmpty()) {
      return; // each test reports the skip (or, with CI=true, fails)
    }
    knot =
        KnotServer.start(
            dir,
            List.of(
                KnotServer.Zone.of("faults.test", FAULTS),
                KnotServer.Zone.of("other.test", OTHER),
                KnotServer.Zone.of("2.0.192.in-addr.arpa", REVERSE),
                KnotServer.Zone.broken("broken.test")));
    dns = knot.lookup();
  }

  @BeforeEach
  void requireKnot() {
    KnotServer.assumeInstalled();
  }

  @AfterAll
  static void stopKnot() throws InterruptedException {
    if (knot != null) {
      knot.close();
    }
  }

  private static DnsAnswer ask(DnsLookup lookup, String name, RecordType type) {
    return lookup.lookup(name, type).toCompletableFuture().join();
  }

  private static DnsAnswer ask(String name, RecordType type) {
    return ask(dns, name, type);
  }

  @Test
  void joinsTheStringsOfATxtRecordWithoutSeparator() {
    assertThat(ask("txt.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 ip4:192.0.2.1 -all"), 120));
  }

  @Test
  void returnsEveryTxtRecordOfAName() {
    DnsAnswer answer = ask("two.faults.test", RecordType.TXT);

    assertThat(answer).isInstanceOf(DnsAnswer.Records.class);
    assertThat(((DnsAnswer.Records) answer).data()).containsExactlyInAnyOrder("first", "second");
  }

  @Test
  void joinsARecordOfManyStrings() {
    String expected =
        IntStream.range(0, 100).mapToObj(i -> "s" + i + " ").collect(Collectors.joining());

    assertThat(ask("many.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of(expected), 300));
  }

  @Test
  void keepsEveryByteOfTxtDataAsTheCharOfTheSameValue() {
    assertThat(ask("bytes.faults.test", RecordType.TXT))
        .isEqualTo(
            new DnsAnswer.Records(
                List.of("\u0000\u0001\u007f\u0080\u00c8\u00ffcaf\u00c3\u00a9 \"q\" \\"), 300));
  }

  @Test
  void retriesAnAnswerOver512BytesOverTcpWhenQueriesCarryNoEdns() {
    DnsJavaLookup withoutEdns =
        DnsJavaLookup.builder().server(knot.hostPort()).ednsPayloadSize(0).retries(0).build();

    assertThat(ask(withoutEdns, "big.faults.test", RecordType.TXT))
        .isEqualTo(
            new DnsAnswer.Records(
                List.of("a".repeat(250) + "b".repeat(250) + "c".repeat(250)), 300));
  }

  @Test
  void retriesAnAnswerOverTheEdnsPayloadSizeOverTcp() {
    assertThat(ask("huge.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("h".repeat(4000)), 300));
  }

  @Test
  void returnsAddressLiterals() {
    DnsAnswer v4 = ask("a.faults.test", RecordType.A);

    assertThat(((DnsAnswer.Records) v4).data()).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
    assertThat(ask("a.faults.test", RecordType.AAAA))
        .isEqualTo(new DnsAnswer.Records(List.of("2001:db8::1"), 300));
  }

  @Test
  void keepsAnIpv4MappedAaaaRecordIpv6() {
    assertThat(ask("mapped.faults.test", RecordType.AAAA))
        .isEqualTo(new DnsAnswer.Records(List.of("::ffff:192.0.2.1"), 300));
  }

  @Test
  void returnsMxExchangesWithoutTheTrailingDot() {
    DnsAnswer answer = ask("mx.faults.test", RecordType.MX);

    assertThat(((DnsAnswer.Records) answer).data())
        .containsExactlyInAnyOrder("mail.faults.test", "mail2.faults.test");
  }

  @Test
  void returnsPtrTargetsWithoutTheTrailingDot() {
    assertThat(ask("1.2.0.192.in-addr.arpa", RecordType.PTR))
        .isEqualTo(new DnsAnswer.Records(List.of("mail.faults.test"), 300));
  }

  @Test
  void followsACnameChainAndKeepsTheLeastTtl() {
    assertThat(ask("alias.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 ip4:192.0.2.1 -all"), 60));
  }

  @Test
  void followsACnameIntoAnotherZone() {
    assertThat(ask("outside.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("from the other zone"), 300));
  }

  @Test
  void answersNoSuchDomainForACnameToANameThatDoesNotExist() {
    assertThat(ask("dangling.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoSuchDomain(60));
  }

  @ParameterizedTest
  @ValueSource(strings = {"loop1.faults.test", "self.faults.test"})
  void answersATemporaryFailureForACnameLoop(String name) {
    assertThat(ask(name, RecordType.TXT)).isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void tellsNxdomainFromNodataWithTheSoaNegativeTtl() {
    assertThat(ask("nx.faults.test", RecordType.TXT)).isEqualTo(new DnsAnswer.NoSuchDomain(60));
    assertThat(ask("a.faults.test", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
    assertThat(ask("ent.faults.test", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
    assertThat(ask("nx.other.test", RecordType.A)).isEqualTo(new DnsAnswer.NoSuchDomain(30));
  }

  @Test
  void answersNoRecordsForAReferral() {
    assertThat(ask("host.delegated.faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoRecords(0));
  }

  @Test
  void answersATemporaryFailureForServfail() {
    DnsAnswer answer = ask("spf.broken.test", RecordType.TXT);

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(((DnsAnswer.TemporaryFailure) answer).reason()).contains("SERVFAIL");
  }

  @Test
  void answersATemporaryFailureForRefused() {
    DnsAnswer answer = ask("example.org", RecordType.TXT);

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(((DnsAnswer.TemporaryFailure) answer).reason()).contains("REFUSED");
  }

  @Test
  void asksTheNextServerWhenTheFirstDoesNotAnswer() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      DnsJavaLookup failover =
          DnsJavaLookup.builder()
              .server("127.0.0.1:" + silent.getLocalPort())
              .server(knot.hostPort())
              .timeout(Duration.ofMillis(300))
              .retries(1)
              .build();

      assertThat(ask(failover, "txt.faults.test", RecordType.TXT))
          .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 ip4:192.0.2.1 -all"), 120));
    }
  }

  @Test
  void answersNoSuchDomainWithoutAQueryForANameThatCannotExist() {
    assertThat(ask("a".repeat(64) + ".faults.test", RecordType.TXT))
        .isEqualTo(new DnsAnswer.NoSuchDomain(0));
    assertThat(ask("a..faults.test", RecordType.TXT)).isEqualTo(new DnsAnswer.NoSuchDomain(0));
  }

  @Test
  void takesNamesWithATrailingDotAndInAnyCase() {
    assertThat(ask("TXT.Faults.Test.", RecordType.TXT))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 ip4:192.0.2.1 -all"), 120));
  }

  @Test
  void asksForType99SpfRecordsOnlyWhenAskedForThem() {
    assertThat(ask("spf99.faults.test", RecordType.SPF))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 -all"), 300));
    assertThat(ask("spf99.faults.test", RecordType.TXT)).isEqualTo(new DnsAnswer.NoRecords(60));
  }

  @Test
  void answersManyConcurrentQuestionsRight() {
    // A burst of UDP may lose datagrams on a loaded machine, as on any network: retries cover it.
    DnsJavaLookup retrying =
        DnsJavaLookup.builder()
            .server(knot.hostPort())
            .timeout(Duration.ofSeconds(1))
            .retries(3)
            .build();
    List<String> names =
        List.of("txt.faults.test", "alias.faults.test", "nx.faults.test", "a.faults.test");
    List<DnsAnswer> expected = names.stream().map(n -> ask(n, RecordType.TXT)).toList();

    List<CompletableFuture<DnsAnswer>> answers =
        IntStream.range(0, 200)
            .mapToObj(i -> retrying.lookup(names.get(i % 4), RecordType.TXT).toCompletableFuture())
            .toList();

    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).join()).isEqualTo(expected.get(i % 4));
    }
  }

  @Test
  void cachesRealAnswersForTheirTtlsInFrontOfTheServer() {
    AtomicInteger sent = new AtomicInteger();
    CachingLookup cache =
        CachingLookup.of(
            (name, type) -> {
              sent.incrementAndGet();
              return dns.lookup(name, type);
            });

    for (int i = 0; i < 3; i++) {
      assertThat(ask(cache, "txt.faults.test", RecordType.TXT))
          .isInstanceOf(DnsAnswer.Records.class);
      assertThat(ask(cache, "nx.faults.test", RecordType.TXT))
          .isInstanceOf(DnsAnswer.NoSuchDomain.class);
      assertThat(ask(cache, "spf.broken.test", RecordType.TXT))
          .isInstanceOf(DnsAnswer.TemporaryFailure.class);
    }

    assertThat(sent.get()).as("two cached answers, SERVFAIL asked each time").isEqualTo(5);
  }

  @Test
  void holdsTheDeadlineWhenTheExecutorNeverRunsAnything() {
    DnsJavaLookup stalled =
        DnsJavaLookup.builder()
            .server(knot.hostPort())
            .timeout(Duration.ofMillis(200))
            .retries(0)
            .executor(task -> {})
            .build();

    long start = System.nanoTime();
    DnsAnswer answer = ask(stalled, "txt.faults.test", RecordType.TXT);

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void anEvaluationCountsTheQueriesItSent() {
    AtomicInteger sent = new AtomicInteger();
    DnsLookup counting =
        (name, type) -> {
          sent.incrementAndGet();
          return dns.lookup(name, type);
        };
    SpfChecker checker = SpfChecker.builder().dns(counting).build();

    SpfResult result =
        checker.check().ip("198.51.100.7").mailFrom("someone@spf.faults.test").evaluate();

    assertThat(result.result().token()).isEqualTo("pass");
    assertThat(result.dnsQueries()).isEqualTo(sent.get()).isGreaterThanOrEqualTo(5);
  }
}
