package io.github.spfkit.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Runs each API example's main method and checks what it printed. */
@Isolated("replaces System.out")
final class ApiExamplesTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureStandardOutput() {
    original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardOutput() {
    System.setOut(original);
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  @Test
  void blockingCheckPassesTheMxAndFailsAStranger() {
    BlockingCheck.main(new String[0]);

    assertThat(output())
        .isEqualTo(
            "result:    pass\n"
                + "mechanism: mx\n"
                + "lookups:   1\n"
                + "203.0.113.9: fail - 203.0.113.9 is not one of example.com's permitted senders\n");
  }

  @Test
  void asyncChecksCountEveryResult() {
    AsyncChecks.main(new String[0]);

    assertThat(output()).isEqualTo("pass: 128\nsoftfail: 128\n");
  }

  @Test
  void customDnsSeamSeesEveryQuestion() {
    CustomDnsSeam.main(new String[0]);

    assertThat(output())
        .isEqualTo("  DNS TXT example.org\n  DNS A relay.example.org\npass via a:relay.example.org\n");
  }

  @Test
  void mtaHeadersRejectTheStrangerAndStampThePass() {
    MtaHeaders.main(new String[0]);

    assertThat(output())
        .startsWith("192.0.2.7:\n  Received-SPF: pass (mx.example.net: domain of alice@example.com designates 192.0.2.7 as permitted sender)")
        .contains("  Authentication-Results: mx.example.net; spf=pass")
        .endsWith("203.0.113.66:\n  550 5.7.23 203.0.113.66 is not one of example.com's permitted senders\n");
  }

  @Test
  void diagnoseBounceFindsTheUnauthorizedIpAndAVerifiedRecord() throws Exception {
    DiagnoseBounce.main(new String[0]);

    assertThat(output())
        .startsWith("category: SPF_FAIL\ncause:    IP_NOT_AUTHORIZED\n")
        .endsWith("publish:  v=spf1 mx ip4:192.0.2.0/26 ip4:203.0.113.25 -all\n");
  }

  @Test
  void diagnoseBounceReadsTheDemoBounceFile() throws Exception {
    DiagnoseBounce.main(new String[] {"demo/bounce-5.7.23.eml"});

    assertThat(output()).startsWith("category: SPF_FAIL\ncause:    IP_NOT_AUTHORIZED\n");
  }

  @Test
  void lintDomainReportsTheLookupLimitAndAcceptsTheWhatIf() {
    LintDomain.main(new String[0]);

    assertThat(output())
        .startsWith("example.com: 11 lookups, ")
        .contains("  ERROR TOO_MANY_LOOKUPS: ")
        .contains("  WARNING NEUTRAL_ALL: ")
        .endsWith("example.com (what if: v=spf1 ip4:198.51.100.0/28 -all): 0 lookups, 0 findings\n");
  }
}
