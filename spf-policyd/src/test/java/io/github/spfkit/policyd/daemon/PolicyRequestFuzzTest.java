package io.github.spfkit.policyd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.policyd.Decision;
import io.github.spfkit.policyd.PolicyConfig;
import io.github.spfkit.policyd.PolicyRequest;
import io.github.spfkit.policyd.PolicyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Any bytes on a policy connection are read as requests until the end of input or a clear
 * rejection ({@link RequestReader.Broken}), within the reader's bounds, and every request read is
 * answered with one well-formed Postfix action line. Seeds: the README's example request, the
 * module tests' requests, and hostile ones (overlong lines, no closing empty line, NUL, bytes that
 * are not UTF-8, repeated attributes). In {@code mvn verify} this runs the seeds and the
 * checked-in findings; {@code JAZZER_FUZZ=1} fuzzes for real (see the README's "Limits and
 * safety").
 */
final class PolicyRequestFuzzTest {

  /**
   * The longest action line: {@code action=PREPEND } and a header of at most 990 octets (RFC 5322
   * §2.1.1 leaves 998); a reject's text is shorter still.
   */
  private static final int MAX_ACTION_LINE = 1024;

  /** Domains whose checks reach every kind of answer, with client text expanded into them. */
  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 ip4:192.0.2.0/24 exp=why.example.com -all")
          .txt("why.example.com", "%{l} of %{s} from %{i} via %{h} may not send for %{d}")
          .txt("soft.example", "v=spf1 ip4:192.0.2.0/24 ~all")
          .txt("neutral.example", "v=spf1 ?all")
          .txt("pass.example", "v=spf1 +all")
          .txt("broken.example", "v=spf1 bogus:x -all")
          .txt("macro.example", "v=spf1 exists:%{l}.%{h}.%{i}.macro.example -all")
          .exists("x.client.test.192.0.2.1.macro.example")
          .txt("client.test", "v=spf1 a -all")
          .a("client.test", "192.0.2.1")
          .build();

  /** policyd-spf's defaults, and a strict setting that rejects on everything but a pass. */
  private static final List<String> CONFIGS =
      List.of(
          "",
          "HELO_reject = Fail\nMail_From_reject = SPF_Not_Pass\nPermError_reject = True\n"
              + "TempError_Defer = True\nHeader_Type = AR\nAuthserv_Id = mx.receiver.test\n"
              + "Reason_Message = {rejectdefer} {spf} {url}\n");

  @FuzzTest(maxDuration = "60m")
  void readsAnyBytesIntoRequestsOrARejectionAndAnswersEachWithOneActionLine(byte[] input)
      throws IOException {
    RequestReader reader = new RequestReader(new ByteArrayInputStream(input));
    List<PolicyServer> servers = CONFIGS.stream().map(PolicyRequestFuzzTest::server).toList();
    int requests = 0;
    while (true) {
      RequestReader.Outcome outcome = reader.next();
      if (outcome instanceof RequestReader.End) {
        break;
      }
      if (outcome instanceof RequestReader.Broken broken) {
        assertThat(broken.why()).isNotBlank();
        break;
      }
      PolicyRequest request = ((RequestReader.Request) outcome).request();
      requests++;
      // each request ends with an empty line after at least one attribute line
      assertThat(2L * requests).isLessThanOrEqualTo(input.length);
      assertWithinBounds(request);
      for (PolicyServer server : servers) {
        Decision decision = server.decideNow(request);
        assertIsOneActionLine(decision.action().line());
      }
    }
  }

  private static void assertWithinBounds(PolicyRequest request) {
    assertThat(request.attributes()).hasSizeBetween(1, RequestReader.MAX_ATTRIBUTES);
    for (Map.Entry<String, String> attribute : request.attributes().entrySet()) {
      assertThat(attribute.getKey()).isNotEmpty().isEqualTo(attribute.getKey().strip());
      assertThat(attribute.getKey().length() + 1 + attribute.getValue().length())
          .isLessThanOrEqualTo(RequestReader.MAX_LINE);
    }
  }

  private static void assertIsOneActionLine(String line) {
    assertThat(line).startsWith("action=").hasSizeLessThanOrEqualTo(MAX_ACTION_LINE);
    assertThat(line.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  private static PolicyServer server(String config) {
    PolicyConfig.ConfigReading reading = PolicyConfig.parse(config, "fuzz.conf");
    assertThat(reading.warnings()).isEmpty();
    return PolicyServer.builder()
        .dns(DNS)
        .config(reading.config().withHostName("mx.receiver.test"))
        .receiver("mx.receiver.test")
        .deadline(Duration.ofSeconds(10))
        .build();
  }
}
