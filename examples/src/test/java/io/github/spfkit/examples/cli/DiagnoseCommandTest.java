package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.golden;
import static io.github.spfkit.examples.cli.Cli.resource;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DiagnoseCommandTest {
  private static final String DEMO_BOUNCE = "demo/bounce-5.7.23.eml";
  private static final String DEMO_ZONE = "demo/demo.zone";

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("diagnose-demo-en.txt", List.of(DEMO_BOUNCE)),
        Arguments.of("diagnose-demo-id.txt", List.of(DEMO_BOUNCE, "--lang", "id")),
        Arguments.of("diagnose-user-unknown.txt", List.of(resource("bounces/user-unknown.eml"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void writesAReportToReadTopToBottom(String golden, List<String> args) {
    Cli.Run run = run(Stream.concat(Stream.of("diagnose", "--zone", DEMO_ZONE), args.stream()).toArray(String[]::new));

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden(golden));
  }

  @Test
  void theDemoBounceAgainstDnsWithoutItsDomainIsAConflictAndProposesNothing() throws Exception {
    String zone = resource("zones/no-example-com.zone");
    Cli.Run run = run("diagnose", "--zone", zone, DEMO_BOUNCE);

    assertThat(run.status()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .startsWith("The bounce says SPF failed for example.com, but DNS here shows no SPF record for it")
        .contains("SPF record: (none: the domain does not exist, NXDOMAIN) SPF now:")
        .contains("the bounce says SPF fail")
        .doesNotContain("IN TXT")
        .doesNotContain("EVIDENCE_CONFLICT", "evidence-conflict", "NO_SPF_RECORD", "NO_RECORD");
    Map<String, Object> json = JSON.std.mapFrom(run("diagnose", "--zone", zone, "--json", DEMO_BOUNCE).out());
    assertThat(json)
        .containsEntry("cause", "evidence-conflict")
        .containsEntry("domainState", "no-such-domain")
        .containsEntry("bounceResult", "fail")
        .containsEntry("proposedRecord", null);
  }

  @Test
  void thePastedMicrosoft365LineIsDiagnosedWithSenderAndIpGivenOnTheCommandLine() throws Exception {
    String pasted = "550 5.7.23 The message was rejected because of Sender Policy Framework violation\n";

    Cli.Run run = runWithInput(pasted, "diagnose", "--zone", DEMO_ZONE, "--sender", "alice@example.com",
        "--ip", "203.0.113.25", "-");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("203.0.113.25 is not allowed to send mail for example.com")
        .contains("Domain:     example.com (given by you)")
        .contains("Client:     203.0.113.25 (given by you)")
        .contains("SPF now:    fail for 203.0.113.25")
        .doesNotContain("UNDETERMINED", "undetermined");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("Microsoft's first step, the record check, done now")
        .contains("Rule out the High Risk Delivery Pool")
        .contains("quote the exact error from the bounce: 550 5.7.23 The message was rejected");
    Map<String, Object> json = JSON.std.mapFrom(runWithInput(pasted, "diagnose", "--zone", DEMO_ZONE,
        "--sender", "alice@example.com", "--ip", "203.0.113.25", "--helo", "ex01.corp.example.com", "--json", "-").out());
    assertThat(json).containsEntry("domain", "example.com").containsEntry("ip", "203.0.113.25")
        .containsEntry("helo", "ex01.corp.example.com")
        .containsEntry("sources", Map.of("domain", "user", "ip", "user", "helo", "user"));
  }

  @Test
  void showsTheStableCodesOnlyWithVerbose() {
    Cli.Run plain = run("diagnose", "--zone", DEMO_ZONE, DEMO_BOUNCE);
    Cli.Run verbose = run("diagnose", "--zone", DEMO_ZONE, "--verbose", DEMO_BOUNCE);

    assertThat(plain.out()).doesNotContain("ip-not-authorized", "IP_NOT_AUTHORIZED", "spf-fail", "[add-ip]");
    assertThat(verbose.out())
        .contains("  cause:     ip-not-authorized\n", "  category:  spf-fail\n", "[add-ip]", "[apply-proposal]");
  }

  @Test
  void printsEachFactOnce() {
    String out = run("diagnose", "--zone", DEMO_ZONE, DEMO_BOUNCE).out().replaceAll("\\s+", " ");

    assertThat(out.split("Recipient address rejected", -1)).as("the reply").hasSize(2);
    assertThat(out.split("v=spf1 mx ip4:192.0.2.0/26 include:_spf.mailer.example.net -all", -1)).as("the record").hasSize(2);
    assertThat(out.split("ip4:203.0.113.25 -all", -1)).as("the proposal").hasSize(2);
    assertThat(out).doesNotContain("check_host()", "void 0/2");
  }

  @Test
  void namesTheClientByTheBouncesReceivedChain() {
    String out = run("diagnose", "--zone", DEMO_ZONE, DEMO_BOUNCE).out();

    assertThat(out.lines().findFirst()).hasValue("203.0.113.25 (ex01.corp.example.com) is not allowed to send mail for");
    assertThat(out.replaceAll("\\s+", " "))
        .contains("Client: 203.0.113.25, ex01.corp.example.com (from the bounce; name from its Received header)");
  }

  @Test
  void aBadIpIsAUsageError() {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--ip", "203.0.113.999", DEMO_BOUNCE);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--ip: not an IP address: 203.0.113.999");
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesTheContractFieldsAsJson() throws Exception {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", DEMO_BOUNCE);

    assertThat(run.status()).isZero();
    Map<String, Object> json = JSON.std.mapFrom(run.out());
    assertThat(json).containsKeys(
        "spfRelated", "category", "cause", "statusCode", "replyText", "domain", "ip", "helo",
        "forwarding", "evidence", "advice", "proposedRecord", "spf");
    assertThat(json)
        .containsEntry("spfRelated", true)
        .containsEntry("category", "spf-fail")
        .containsEntry("cause", "ip-not-authorized")
        .containsEntry("statusCode", "5.7.23")
        .containsEntry("domain", "example.com")
        .containsEntry("ip", "203.0.113.25")
        .containsEntry("helo", null)
        .containsEntry("forwarding", false)
        .containsEntry("proposedRecord", "v=spf1 mx ip4:192.0.2.0/26 include:_spf.mailer.example.net ip4:203.0.113.25 -all");
    assertThat((String) json.get("replyText")).contains("SPF fail - not authorized");
    assertThat((List<Map<String, Object>>) json.get("advice"))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).containsOnlyKeys("code", "text"));
    assertThat((List<Map<String, Object>>) json.get("evidence"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).containsOnlyKeys("code", "text"));
    assertThat((Map<String, Object>) json.get("spf"))
        .containsEntry("result", "fail")
        .containsEntry("mechanism", "-all")
        .containsKeys("receivedSpf", "authenticationResults");
  }

  @Test
  void theProposedRecordPassesWhenCheckedAsAWhatIf() throws Exception {
    Map<String, Object> diagnosis = JSON.std.mapFrom(run("diagnose", "--zone", DEMO_ZONE, "--json", DEMO_BOUNCE).out());

    Cli.Run check =
        run("check", "--zone", DEMO_ZONE, "--json", "--ip", (String) diagnosis.get("ip"),
            "--sender", "alice@" + diagnosis.get("domain"), "--record", (String) diagnosis.get("proposedRecord"));

    assertThat(JSON.std.mapFrom(check.out())).containsEntry("result", "pass").containsEntry("mechanism", "ip4:203.0.113.25");
  }

  @Test
  void readsTheBounceFromStandardInput() throws Exception {
    String bounce = Files.readString(Path.of(DEMO_BOUNCE), StandardCharsets.UTF_8);

    Cli.Run run = runWithInput(bounce, "diagnose", "--zone", DEMO_ZONE, "-");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden("diagnose-demo-en.txt"));
  }

  @Test
  void diagnosesAPastedReplyLine() throws Exception {
    String reply = "550 5.7.23 The message was rejected because of Sender Policy Framework violation\n";

    Cli.Run run = runWithInput(reply, "diagnose", "--zone", DEMO_ZONE, "--json", "-");

    assertThat(run.status()).isZero();
    assertThat(JSON.std.mapFrom(run.out())).containsEntry("spfRelated", true).containsEntry("statusCode", "5.7.23");
  }

  @Test
  void neverPassesTerminalControlSequencesFromTheBounceThrough() {
    String reply = "550 5.7.23 \u001b]0;owned\u0007\u001b[2J SPF fail - not authorized\n";

    Cli.Run run = runWithInput(reply, "diagnose", "--zone", DEMO_ZONE, "-");

    assertThat(run.status()).isZero();
    assertThat(run.out()).doesNotContain("\u001b", "\u0007").contains("owned\\x07\\x1b[2J SPF fail");
  }

  @Test
  void printsEachLintFindingOnceInEveryLanguage() throws Exception {
    String pasted = "550 5.7.23 The message was rejected because of Sender Policy Framework violation\n";

    for (String lang : List.of("en", "id")) {
      Cli.Run run = runWithInput(pasted, "diagnose", "--zone", Cli.resource("zones/test.zone"), "--lang", lang,
          "--sender", "a@broken.example.com", "--ip", "198.51.100.7", "-");

      String evidence = run.out().substring(run.out().indexOf(lang.equals("en") ? "\nEvidence\n" : "\nBukti\n"))
          .replaceAll("\\s+", " ");
      String finding = lang.equals("en")
          ? "the SPF record of broken.example.com does not parse (position 7)"
          : "record SPF broken.example.com tidak dapat diurai (posisi 7)";
      assertThat(run.status()).isZero();
      assertThat(run.out()).as(lang).doesNotContain("SYNTAX_ERROR");
      assertThat(evidence.split(java.util.regex.Pattern.quote(finding), -1)).as(lang).hasSize(2);
    }
  }

  @Test
  void saysABounceAboutSomethingElseIsNotAboutSpf() throws Exception {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", resource("bounces/user-unknown.eml"));

    assertThat(run.status()).isZero();
    assertThat(JSON.std.mapFrom(run.out()))
        .containsEntry("spfRelated", false)
        .containsEntry("category", "not-spf")
        .containsEntry("statusCode", "5.1.1")
        .containsEntry("proposedRecord", null)
        .containsEntry("spf", null);
  }

  @Test
  void refusesInputThatIsNotABounce() {
    Cli.Run run = runWithInput("just some text\nthat is not mail\n", "diagnose", "--zone", DEMO_ZONE, "-");

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("spf diagnose: standard input is not a bounce: it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)\n");
  }

  @Test
  void refusesAnEmptyFile() {
    Cli.Run run = runWithInput("", "diagnose", "--zone", DEMO_ZONE, "-");

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_USAGE);
    assertThat(run.err()).isEqualTo("spf diagnose: standard input is not a bounce: it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)\n");
  }
}
