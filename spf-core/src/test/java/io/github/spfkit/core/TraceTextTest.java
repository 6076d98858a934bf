package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text drawing of a {@link Trace}: golden files in {@code trace/} beside this class. */
final class TraceTextTest {

  /** The zone of the {@code spf check} examples, and names that answer badly. */
  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 mx ip4:192.0.2.0/26 include:_spf.example.net -all")
          .mx("example.com", "mail.example.com")
          .a("mail.example.com", "192.0.2.10")
          .txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/25 -all")
          .txt("deep.example.com", "v=spf1 include:d1.example.com include:d2.example.com include:d3.example.com -all")
          .txt("d1.example.com", "v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com ~all")
          .txt("d2.example.com", "v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com ~all")
          .txt("d3.example.com", "v=spf1 a:h1.example.com ~all")
          .a("h1.example.com", "198.51.100.1")
          .a("h2.example.com", "198.51.100.2")
          .a("h3.example.com", "198.51.100.3")
          .a("h4.example.com", "198.51.100.4")
          .txt("moved.example.com", "v=spf1 ip4:203.0.113.0/28 redirect=example.com")
          .txt("voids.example.com", "v=spf1 a:gone1.example.com mx:nodata.example.com ip4:192.0.2.1 -all")
          .a("nodata.example.com", "192.0.2.77")
          .txt("hostile.example.com", "v=spf1 \u001b[2Jfake\nline -all")
          .txt("hostile.example.com", "not spf\r\nX-Injected: \u202eyes")
          .txt("late.example.com", "v=spf1 include:slow.example.org -all")
          .timeout("slow.example.org")
          .build();

  private static final SpfChecker CHECKER = SpfChecker.builder().dns(DNS).build();

  static Stream<Arguments> traces() {
    return Stream.of(
        Arguments.of("pass-include.txt", "198.51.100.20", "alice@example.com"),
        Arguments.of("permerror-lookups.txt", "198.51.100.7", "bob@deep.example.com"),
        Arguments.of("redirect.txt", "192.0.2.10", "carol@moved.example.com"),
        Arguments.of("void-lookups.txt", "192.0.2.1", "dave@voids.example.com"),
        Arguments.of("hostile-answers.txt", "192.0.2.1", "eve@hostile.example.com"),
        Arguments.of("temperror.txt", "192.0.2.1", "frank@late.example.com"));
  }

  @ParameterizedTest
  @MethodSource("traces")
  void drawsTheEvaluationAsATree(String golden, String ip, String sender) throws IOException {
    Trace trace = CHECKER.check().ip(ip).mailFrom(sender).evaluate().trace();

    assertThat(trace.lines()).containsExactlyElementsOf(golden(golden));
  }

  @ParameterizedTest
  @MethodSource("traces")
  void printsAsTheDrawingOneNodePerLine(String golden, String ip, String sender) {
    Trace trace = CHECKER.check().ip(ip).mailFrom(sender).evaluate().trace();

    assertThat(trace.toString()).isEqualTo(String.join("\n", trace.lines()));
    assertThat(trace.toString()).doesNotEndWith("\n");
    assertThat(trace.root().toString()).isEqualTo(trace.toString());
  }

  @Test
  void drawsEachTermAndDomainAsItsOwnSubtree() {
    Trace trace = CHECKER.check().ip("198.51.100.20").mailFrom("alice@example.com").evaluate().trace();
    Trace.TermStep include = trace.root().terms().get(2);

    assertThat(include.toString())
        .isEqualTo(
            String.join(
                "\n",
                "include:_spf.example.net: match",
                "`-- _spf.example.net [include] -> pass (0 lookups)",
                "    +-- TXT _spf.example.net -> \"v=spf1 ip4:198.51.100.0/25 -all\"",
                "    `-- ip4:198.51.100.0/25: match"));
    assertThat(Objects.requireNonNull(include.nested()).toString())
        .isEqualTo(
            String.join(
                "\n",
                "_spf.example.net [include] -> pass (0 lookups)",
                "+-- TXT _spf.example.net -> \"v=spf1 ip4:198.51.100.0/25 -all\"",
                "`-- ip4:198.51.100.0/25: match"));
    assertThat(trace.root().terms().get(0).lookups().get(0).toString())
        .isEqualTo("MX example.com -> mail.example.com");
  }

  @Test
  void showsAWhatIfPolicyThatNoLookupFetched() {
    Trace trace =
        CHECKER
            .check()
            .ip("192.0.2.200")
            .mailFrom("alice@example.com")
            .policy("v=spf1 ip4:192.0.2.128/25 -all")
            .evaluate()
            .trace();

    assertThat(trace.lines())
        .containsExactly(
            "example.com [check] -> pass (0 lookups)",
            "+-- record: v=spf1 ip4:192.0.2.128/25 -all",
            "`-- ip4:192.0.2.128/25: match");
  }

  private static List<String> golden(String name) throws IOException {
    try (InputStream in = TraceTextTest.class.getResourceAsStream("trace/" + name)) {
      assertThat(in).as("golden file trace/%s", name).isNotNull();
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .toList();
    }
  }
}
