package io.github.spfkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.SPF1Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The comparison is honest: on the benchmark data both libraries reach the same results, for every
 * client the benchmarks measure. One client outside them shows the one rule where they differ:
 * this library counts void lookups as pyspf and Mail::SPF do (every address query that finds
 * nothing), jSPF counts each term's first query only.
 */
final class SameResultsTest {

  private static final ZoneData TREE = ZoneData.realisticTree();

  /**
   * An IPv6 client: {@code a:relay.a.example} and {@code a:out.b.example} find no AAAA record, nor
   * do the two MX hosts: four void lookups, permerror by the references' count; jSPF says fail.
   */
  private static final String IPV6_NO_MATCH = "2001:db8:2::1";

  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of(RealisticTree.IP_PASS_VIA_MX, "pass", "pass"),
        Arguments.of("198.18.0.1", "pass", "pass"),
        Arguments.of(RealisticTree.IP_PASS_VIA_INCLUDE, "pass", "pass"),
        Arguments.of("198.51.100.210", "pass", "pass"),
        Arguments.of("203.0.113.1", "pass", "pass"),
        Arguments.of(RealisticTree.IP_PASS_VIA_IP4, "pass", "pass"),
        Arguments.of(RealisticTree.IP_NO_MATCH, "fail", "fail"),
        Arguments.of("2001:db8:1::1", "pass", "pass"),
        Arguments.of(IPV6_NO_MATCH, "fail", "permerror"));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void jspfReachesTheExpectedResult(String ip, String jspf, String ours) {
    String result =
        Jspf.checker(new JspfDns(TREE))
            .checkSPF(ip, RealisticTree.SENDER, RealisticTree.HELO)
            .getResult();

    assertThat(result).isEqualTo(jspf);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void thisLibraryReachesItsResult(String ip, String jspf, String ours) {
    SpfChecker checker = SpfChecker.builder().dns(TREE.toInMemoryDns()).build();

    SpfResult result =
        checker.check().ip(ip).mailFrom(RealisticTree.SENDER).helo(RealisticTree.HELO).evaluate();

    assertThat(result.result().name().toLowerCase(Locale.ROOT)).isEqualTo(ours);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void prefetchAndNoCacheReachTheSameResult(String ip, String jspf, String ours) {
    SpfChecker checker =
        SpfChecker.builder().dns(TREE.toInMemoryDns()).prefetch(true).recordCacheSize(0).build();

    SpfResult result =
        checker.check().ip(ip).mailFrom(RealisticTree.SENDER).helo(RealisticTree.HELO).evaluate();

    assertThat(result.result().name().toLowerCase(Locale.ROOT)).isEqualTo(ours);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void countingOnlyEachTermsFirstQueryAsVoidReachesJspfsResult(
      String ip, String jspf, String ours) {
    SpfChecker checker =
        SpfChecker.builder()
            .dns(TREE.toInMemoryDns())
            .limits(Limits.RFC.withVoidLookupCounting(Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM))
            .build();

    SpfResult result =
        checker.check().ip(ip).mailFrom(RealisticTree.SENDER).helo(RealisticTree.HELO).evaluate();

    assertThat(result.result().name().toLowerCase(Locale.ROOT)).isEqualTo(jspf);
  }

  @ParameterizedTest
  @ValueSource(strings = {RealisticTree.IP_PASS_VIA_MX, RealisticTree.IP_NO_MATCH})
  void jspfAsksSeventeenQuestionsAndThisLibraryElevenAsInTheIssue(String ip) {
    List<String> jspfQuestions = new ArrayList<>();
    DNSService counting = counting(new JspfDns(TREE), jspfQuestions);
    InMemoryDns recording = recordingTree();

    Jspf.checker(counting).checkSPF(ip, RealisticTree.SENDER, RealisticTree.HELO).getResult();
    SpfResult ours =
        SpfChecker.builder()
            .dns(recording)
            .build()
            .check()
            .ip(ip)
            .mailFrom(RealisticTree.SENDER)
            .helo(RealisticTree.HELO)
            .evaluate();

    assertThat(jspfQuestions).hasSize(17);
    assertThat(recording.queries())
        .extracting(DnsQuestion::type)
        .containsOnly(RecordType.TXT, RecordType.A, RecordType.MX)
        .hasSize(RealisticTree.QUERIES);
    assertThat(ours.dnsTerms()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {RealisticTree.LONG_RECORD, RealisticTree.SHORT_RECORD})
  void bothParsersAcceptTheBenchmarkRecordsWithTheSameTerms(String text) throws Exception {
    SPF1Record theirs = Jspf.parser(new JspfDns(TREE)).parse(text);
    ParseResult ours = RecordParser.parse(text);

    assertThat(ours).isInstanceOf(ParseResult.Valid.class);
    assertThat(((ParseResult.Valid) ours).record().terms())
        .hasSize(theirs.getDirectives().size() + theirs.getModifiers().size());
  }

  private static DNSService counting(JspfDns dns, List<String> questions) {
    return (DNSService)
        Proxy.newProxyInstance(
            DNSService.class.getClassLoader(),
            new Class<?>[] {DNSService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getRecords")) {
                questions.add(args[0].toString());
              }
              return method.invoke(dns, args);
            });
  }

  private static InMemoryDns recordingTree() {
    InMemoryDns.Builder builder = InMemoryDns.builder().recordQueries();
    TREE.records().forEach(entry -> builder.add(entry.name(), entry.type(), entry.data()));
    return builder.build();
  }
}
