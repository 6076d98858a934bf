package io.github.spfkit.policyd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.dns.InMemoryDns;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decisions policyd-spf 3.0.4 makes, made by {@link PolicyServer} from the same settings. */
final class PolicyServerTest {

  private static final String HELO = "client.test";
  private static final String MAIL = "mail.example.com";

  private static InMemoryDns.Builder zone() {
    return InMemoryDns.builder()
        .txt("example.com", "v=spf1 ip4:192.0.2.0/24 exp=why.example.com -all")
        .txt("why.example.com", "%{i} may not send mail for %{d}")
        .txt("soft.example", "v=spf1 ip4:192.0.2.0/24 ~all")
        .txt("neutral.example", "v=spf1 ip4:192.0.2.0/24 ?all")
        .txt("broken.example", "v=spf1 ip4:192.0.2.0/24 bogus:x -all")
        .txt("nomail.example", "v=spf1 -all")
        .txt("mail.example.com", "v=spf1 a -all")
        .a("mail.example.com", "192.0.2.10")
        .txt("badhelo.example", "v=spf1 -all")
        .timeout("slow.example");
  }

  private static PolicyServer server(String config) {
    return server(config, zone().build());
  }

  private static PolicyServer server(String config, InMemoryDns dns) {
    PolicyConfig.ConfigReading reading = PolicyConfig.parse(config, "test.conf");
    assertThat(reading.warnings()).as("warnings").isEmpty();
    return PolicyServer.builder()
        .dns(dns)
        .config(reading.config().withHostName("mx.receiver.test"))
        .receiver("mx.receiver.test")
        .build();
  }

  private static PolicyRequest rcpt(String ip, String helo, String sender, String instance) {
    return PolicyRequest.of(
        "request", "smtpd_access_policy",
        "protocol_state", "RCPT",
        "client_address", ip,
        "client_name", "unknown",
        "helo_name", helo,
        "sender", sender,
        "recipient", "bob@receiver.test",
        "instance", instance,
        "queue_id", "");
  }

  private static PolicyAction decide(PolicyServer server, String ip, String helo, String sender) {
    return server.decideNow(rcpt(ip, helo, sender, "")).action();
  }

  @Test
  void rejectsAMailFromFailWith5723AndTheDomainsExplanation() {
    PolicyAction action = decide(server(""), "203.0.113.9", HELO, "alice@example.com");
    assertThat(action.line())
        .isEqualTo(
            "action=550 5.7.23 Message rejected due to: 203.0.113.9 may not send mail for"
                + " example.com. Please see http://www.openspf.net/Why?s=mfrom;"
                + "id=alice@example.com;ip=203.0.113.9;r=receiver.test");
  }

  @Test
  void prependsReceivedSpfForAPass() {
    Decision decision = server("").decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", ""));
    assertThat(decision.action()).isInstanceOf(PolicyAction.Prepend.class);
    assertThat(decision.action().line())
        .startsWith("action=PREPEND Received-SPF: pass (mx.receiver.test: domain of"
            + " alice@example.com designates 192.0.2.1 as permitted sender)")
        .contains("identity=mailfrom", "receiver=mx.receiver.test");
    assertThat(decision.identity()).isEqualTo("mailfrom");
    assertThat(decision.result().result()).isEqualTo(Result.PASS);
  }

  @Test
  void prependsAuthenticationResultsWithTheAuthservIdForHeaderTypeAr() {
    PolicyAction action =
        decide(server("Header_Type = AR\nAuthserv_Id = mx.example.org\n"), "192.0.2.1", HELO,
            "alice@example.com");
    assertThat(action.line())
        .isEqualTo("action=PREPEND Authentication-Results: mx.example.org; spf=pass"
            + " (matched ip4:192.0.2.0/24 in example.com) smtp.mailfrom=example.com");
  }

  @Test
  void answersDunnoInsteadOfAHeaderForHeaderTypeNone() {
    assertThat(decide(server("Header_Type = None\n"), "192.0.2.1", HELO, "alice@example.com"))
        .isInstanceOf(PolicyAction.Dunno.class);
  }

  @Test
  void prependsSoftfailAndNeutralByDefaultAndRejectsThemWhenConfigured() {
    assertThat(decide(server(""), "203.0.113.9", HELO, "a@soft.example").line())
        .startsWith("action=PREPEND Received-SPF: softfail");
    assertThat(decide(server(""), "203.0.113.9", HELO, "a@neutral.example").line())
        .startsWith("action=PREPEND Received-SPF: neutral");
    assertThat(decide(server("Mail_From_reject = Softfail\n"), "203.0.113.9", HELO,
        "a@soft.example").line())
        .startsWith("action=550 5.7.23 Message rejected due to: domain owner discourages");
    assertThat(decide(server("Mail_From_reject = Softfail\n"), "203.0.113.9", HELO,
        "a@neutral.example").kind()).isEqualTo("prepend");
    assertThat(decide(server("Mail_From_reject = SPF_Not_Pass\n"), "203.0.113.9", HELO,
        "a@neutral.example").line())
        .startsWith("action=550 5.7.23 Message rejected due to: access neither permitted");
  }

  @Test
  void prependsNoneForADomainWithoutARecord() {
    assertThat(decide(server(""), "203.0.113.9", "unknown.test", "a@nothing.example").line())
        .startsWith("action=PREPEND Received-SPF: none");
  }

  @Test
  void prependsAPermerrorByDefaultAndRejectsItWith5724WhenPermErrorRejectIsTrue() {
    assertThat(decide(server(""), "203.0.113.9", HELO, "a@broken.example").line())
        .startsWith("action=PREPEND Received-SPF: permerror");
    assertThat(decide(server("PermError_reject = True\n"), "203.0.113.9", HELO,
        "a@broken.example").line())
        .startsWith("action=550 5.7.24 Message rejected due to: SPF Permanent Error: ");
  }

  @Test
  void prependsATemperrorByDefaultAndDefersItWith4724WhenTempErrorDeferIsTrue() {
    assertThat(decide(server(""), "203.0.113.9", HELO, "a@slow.example").line())
        .startsWith("action=PREPEND Received-SPF: temperror");
    assertThat(decide(server("TempError_Defer = True\n"), "203.0.113.9", HELO,
        "a@slow.example").line())
        .startsWith("action=451 4.7.24 Message deferred due to: SPF Temporary Error: ");
  }

  @Test
  void sendsPlainCodesWhenEnhancedStatusCodesAreOff() {
    PolicyServer server = server("SPF_Enhanced_Status_Codes = No\nTempError_Defer = True\n");
    assertThat(decide(server, "203.0.113.9", HELO, "alice@example.com").line())
        .startsWith("action=550 Message rejected");
    assertThat(decide(server, "203.0.113.9", HELO, "a@slow.example").line())
        .startsWith("action=451 Message deferred");
  }

  @Test
  void rejectsAHeloFailEvenWhenMailFromWouldPass() {
    PolicyAction action = decide(server(""), "192.0.2.1", "badhelo.example", "alice@example.com");
    assertThat(action.line())
        .startsWith("action=550 5.7.23 Message rejected due to: ")
        .contains("s=helo;id=badhelo.example;");
  }

  @Test
  void onlyPrependsTheHeloResultWhenHeloRejectIsFalse() {
    PolicyAction action = decide(server("HELO_reject = False\n"), "192.0.2.1", "badhelo.example",
        "alice@example.com");
    assertThat(action.line()).startsWith("action=PREPEND Received-SPF: pass");
  }

  @Test
  void rejectsAHeloFailOnlyForTheNullSenderWhenHeloRejectIsNull() {
    PolicyServer server = server("HELO_reject = Null\n");
    assertThat(decide(server, "192.0.2.1", "badhelo.example", "alice@example.com").kind())
        .isEqualTo("prepend");
    assertThat(decide(server, "192.0.2.1", "badhelo.example", "").kind()).isEqualTo("reject");
  }

  @Test
  void checksTheNullSenderAsPostmasterAtTheHeloName() {
    Decision decision = server("").decideNow(rcpt("192.0.2.10", MAIL, "", ""));
    assertThat(decision.action().line()).startsWith("action=PREPEND Received-SPF: pass");
    assertThat(decision.result().sender()).isEqualTo("postmaster@mail.example.com");
    assertThat(decide(server(""), "203.0.113.9", MAIL, "").line())
        .startsWith("action=550 5.7.23")
        .contains("s=helo;id=mail.example.com;");
  }

  @Test
  void doesNotCheckHeloWithNoCheck() {
    InMemoryDns dns = zone().recordQueries().build();
    PolicyServer server = server("HELO_reject = No_Check\n", dns);
    assertThat(decide(server, "192.0.2.1", "badhelo.example", "alice@example.com").kind())
        .isEqualTo("prepend");
    assertThat(dns.queries()).noneMatch(q -> q.name().startsWith("badhelo"));
  }

  @Test
  void prependsTheHeloHeaderWhenTheSenderDomainHasNoPolicy() {
    PolicyAction action = decide(server(""), "192.0.2.10", MAIL, "a@nothing.example");
    assertThat(action.line()).startsWith("action=PREPEND Received-SPF: pass").contains(
        "identity=helo");
  }

  @Test
  void treatsRejectNotPassDomainsAsSpfNotPass() {
    PolicyAction action = decide(server("Reject_Not_Pass_Domains = neutral.example\n"),
        "203.0.113.9", HELO, "a@neutral.example");
    assertThat(action.line()).startsWith(
        "action=550 5.7.23 Message rejected due to: Receiver policy for SPF Neutral.");
  }

  @Test
  void rejectsOnlyANoMailRecordWithNoMail() {
    PolicyServer server = server("No_Mail = True\n");
    assertThat(decide(server, "203.0.113.9", HELO, "alice@example.com").kind())
        .isEqualTo("prepend");
    assertThat(decide(server, "203.0.113.9", HELO, "a@nomail.example").kind())
        .isEqualTo("reject");
  }

  @Test
  void skipsLocalAddressesByDefaultWithATraceHeader() {
    PolicyAction action = decide(server(""), "127.0.0.2", HELO, "alice@example.com");
    assertThat(action.line()).isEqualTo(
        "action=PREPEND X-Comment: SPF check N/A for local connections - client-ip=127.0.0.2;"
            + " helo=client.test; envelope-from=alice@example.com; receiver=receiver.test");
  }

  @Test
  void skipsWhitelistedRelays() {
    PolicyServer server = server("Whitelist = 203.0.113.0/28\n");
    assertThat(decide(server, "203.0.113.9", HELO, "alice@example.com").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for whitelisted relay - ");
    assertThat(decide(server, "203.0.113.17", HELO, "alice@example.com").kind())
        .isEqualTo("reject");
  }

  @Test
  void skipsAWhitelistedHeloNameOnlyWhenItsAddressIsTheClients() {
    PolicyServer server = server("HELO_Whitelist = mail.example.com\n");
    assertThat(decide(server, "192.0.2.10", MAIL, "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for whitelisted HELO domain - ");
    assertThat(decide(server, "203.0.113.9", MAIL, "a@nomail.example").kind())
        .isEqualTo("reject");
  }

  @Test
  void skipsClientsThatPassAWhitelistedDomainsRecord() {
    PolicyServer server = server("Domain_Whitelist = example.com\n");
    assertThat(decide(server, "192.0.2.77", "x.test", "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for whitelisted relay domain - ");
  }

  @Test
  void skipsClientsWhoseValidatedPtrNameIsUnderAWhitelistedDomain() {
    InMemoryDns dns = zone()
        .ptr("9.113.0.203.in-addr.arpa", "out1.forwarder.example")
        .a("out1.forwarder.example", "203.0.113.9")
        .ptr("8.113.0.203.in-addr.arpa", "forged.forwarder.example")
        .build();
    PolicyServer server = server("Domain_Whitelist_PTR = forwarder.example\n", dns);
    assertThat(decide(server, "203.0.113.9", HELO, "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for PTR whitelisted relay domain");
    // a PTR name whose own address is not the client's is not believed (RFC 7208 §5.5)
    assertThat(decide(server, "203.0.113.8", HELO, "a@nomail.example").kind())
        .isEqualTo("reject");
  }

  @Test
  void answersThePassRestrictionsNamesWhenTheyPass() {
    assertThat(decide(server("Mail_From_pass_restriction = mfrom_passed_spf\n"), "192.0.2.1",
        "x.test", "alice@example.com").line()).isEqualTo("action=mfrom_passed_spf");
    assertThat(decide(server("HELO_pass_restriction = helo_passed_spf\n"), "192.0.2.10", MAIL,
        "").line()).isEqualTo("action=helo_passed_spf");
  }

  @Test
  void neverRejectsInTestOnlyMode() {
    PolicyServer server = server("TestOnly = 0\n");
    assertThat(decide(server, "203.0.113.9", HELO, "alice@example.com").line())
        .isEqualTo("action=DUNNO");
    assertThat(decide(server, "192.0.2.1", HELO, "alice@example.com").kind())
        .isEqualTo("prepend");
  }

  @Test
  void answersAFixedDunnoInMockMode() {
    InMemoryDns dns = zone().recordQueries().build();
    assertThat(decide(server("Mock = True\n", dns), "203.0.113.9", HELO, "alice@example.com")
        .line()).isEqualTo("action=DUNNO");
    assertThat(dns.queries()).isEmpty();
  }

  @Test
  void checksTheProspectiveAddressAndAddsNoHeader() {
    PolicyServer server = server("Prospective = 203.0.113.9\nHELO_reject = No_Check\n");
    assertThat(decide(server, "192.0.2.1", HELO, "alice@example.com").kind()).isEqualTo("reject");
    assertThat(decide(server, "192.0.2.1", HELO, "a@soft.example").line())
        .isEqualTo("action=DUNNO");
  }

  @Test
  void hidesTheRecipientDomainWithHideReceiver() {
    PolicyAction action =
        decide(server("Hide_Receiver = Yes\n"), "203.0.113.9", HELO, "alice@example.com");
    assertThat(action.line()).endsWith(";r=<UNKNOWN>").doesNotContain("receiver.test");
    assertThat(decide(server("Hide_Receiver = Yes\n"), "192.0.2.1", HELO, "alice@example.com")
        .line()).doesNotContain("receiver=");
  }

  @Test
  void decidesEachTransactionOnceAndPrependsItsHeaderOnce() {
    InMemoryDns dns = zone().recordQueries().build();
    PolicyServer server = server("", dns);
    assertThat(server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "7a.1")).action()
        .kind()).isEqualTo("prepend");
    int queries = dns.queries().size();
    Decision second = server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "7a.1"));
    assertThat(second.action().line()).isEqualTo("action=DUNNO");
    assertThat(second.note()).isEqualTo("same transaction");
    assertThat(dns.queries()).hasSize(queries);
  }

  @Test
  void rejectsEveryRecipientOfARejectedTransaction() {
    PolicyServer server = server("");
    PolicyAction first = server.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", "7b.1"))
        .action();
    PolicyAction second = server.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", "7b.1"))
        .action();
    assertThat(second).isEqualTo(first);
    assertThat(second.kind()).isEqualTo("reject");
  }

  @Test
  void answersDunnoToAnUnknownOrMissingRequestType() {
    PolicyServer server = server("");
    Decision unknown = server.decideNow(PolicyRequest.of("request", "junk",
        "client_address", "203.0.113.9", "sender", "alice@example.com"));
    assertThat(unknown.action().line()).isEqualTo("action=DUNNO");
    assertThat(unknown.note()).isEqualTo("unknown request type \"junk\"");
    Decision missing = server.decideNow(PolicyRequest.of("client_address", "203.0.113.9"));
    assertThat(missing.action().line()).isEqualTo("action=DUNNO");
    assertThat(missing.note()).isEqualTo("request attribute missing");
  }

  @Test
  void answersDunnoWithoutAUsableClientAddress() {
    PolicyServer server = server("");
    assertThat(decide(server, "", HELO, "alice@example.com").line()).isEqualTo("action=DUNNO");
    assertThat(decide(server, "not-an-ip", HELO, "alice@example.com").line())
        .isEqualTo("action=DUNNO");
  }

  @Test
  void keepsHostileExplanationsOnOneLine() {
    InMemoryDns dns = zone()
        .txt("evil.example", "v=spf1 exp=exp.evil.example -all")
        .txt("exp.evil.example", "bad\r\n\r\naction=OK\u0007 caf\u00e9")
        .build();
    PolicyAction action = decide(server("", dns), "203.0.113.9", HELO, "a@evil.example");
    assertThat(action.line()).doesNotContain("\r", "\n", "\u0007").startsWith("action=550 5.7.23");
    assertThat(action.line().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void answersTheTemperrorActionWhenTheDeadlinePasses() {
    PolicyConfig config = PolicyConfig.parse("TempError_Defer = True\n", "t").config();
    PolicyServer stuck = PolicyServer.builder()
        .dns((name, type) -> new CompletableFuture<>())
        .config(config.withHostName("mx.receiver.test"))
        .deadline(Duration.ofMillis(200))
        .build();
    long start = System.nanoTime();
    Decision decision = stuck.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", "9.1"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(decision.action().line()).startsWith("action=451 4.7.24 Message deferred");
    PolicyServer lenient = PolicyServer.builder()
        .dns((name, type) -> new CompletableFuture<>())
        .deadline(Duration.ofMillis(100))
        .build();
    assertThat(lenient.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", "")).action()
        .line()).isEqualTo("action=DUNNO");
  }

  @Test
  void answersDunnoWhenTheDnsSeamThrows() {
    AtomicInteger calls = new AtomicInteger();
    PolicyServer server = PolicyServer.builder()
        .dns((name, type) -> {
          calls.incrementAndGet();
          throw new IllegalStateException("broken seam");
        })
        .build();
    Decision decision = server.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", ""));
    assertThat(decision.action().line()).startsWith("action=PREPEND Received-SPF: temperror");
    assertThat(calls).hasPositiveValue();
  }

  @Test
  void appliesARecipientsPerUserSettingsAndDecidesThatRecipientOnItsOwn(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path users = dir.resolve("userconf");
    java.nio.file.Files.writeString(users, "strict@receiver.test,Mail_From_reject=Softfail\n");
    PolicyServer server = server("Per_User = text," + users + "\n");
    PolicyRequest toBob = rcpt("203.0.113.9", HELO, "a@soft.example", "11.1");
    assertThat(server.decideNow(toBob).action().kind()).isEqualTo("prepend");
    java.util.Map<String, String> strict = new java.util.LinkedHashMap<>(toBob.attributes());
    strict.put("recipient", "Strict@receiver.test");
    PolicyAction second = server.decideNow(new PolicyRequest(strict)).action();
    assertThat(second.line()).startsWith("action=550 5.7.23 Message rejected due to: domain owner"
        + " discourages use of this host.").endsWith(";r=strict@receiver.test");
  }

  @Test
  void answersTheHeloPassRestrictionEvenWhenMailFromFails() {
    assertThat(decide(server("HELO_pass_restriction = helo_passed_spf\n"), "192.0.2.10", MAIL,
        "a@nomail.example").line()).isEqualTo("action=helo_passed_spf");
    assertThat(decide(server("HELO_pass_restriction = helo_passed_spf\n"), "203.0.113.9", MAIL,
        "a@nomail.example").kind()).isEqualTo("reject");
  }

  @Test
  void writesTheBypassTraceAsAuthenticationResultsForHeaderTypeAr() {
    PolicyAction action = decide(server("Header_Type = AR\nAuthserv_Id = mx.example.org\n"),
        "127.0.0.2", HELO, "alice@example.com");
    assertThat(action.line()).isEqualTo("action=PREPEND Authentication-Results: mx.example.org;"
        + " none (SPF check N/A for local connections - client-ip=127.0.0.2; helo=client.test;"
        + " envelope-from=alice@example.com; receiver=receiver.test)");
  }

  @Test
  void checksTheSendersDomainAsHeloNameWhenTheClientSentNone() {
    PolicyAction action = decide(server(""), "192.0.2.10", "", "a@nomail.example");
    assertThat(action.line()).startsWith("action=550 5.7.23").contains("s=helo;id=nomail.example;");
    assertThat(decide(server(""), "192.0.2.10", "", "@nomail.example").line())
        .contains("s=helo;id=nomail.example;");
  }

  @Test
  void answersDunnoWithNeitherSenderNorHeloName() {
    Decision decision = server("").decideNow(rcpt("203.0.113.9", "", "", ""));
    assertThat(decision.action().line()).isEqualTo("action=DUNNO");
    assertThat(decision.note()).isEqualTo("no sender and no helo_name");
  }

  @Test
  void defersATemporaryHeloErrorWhenTempErrorDeferIsTrue() {
    PolicyAction action = decide(server("TempError_Defer = True\n"), "192.0.2.1", "slow.example",
        "alice@example.com");
    assertThat(action.line()).startsWith("action=451 4.7.24 Message deferred due to: SPF"
        + " Temporary Error: ").contains("s=helo;id=slow.example;");
  }

  @Test
  void rejectsAHeloFailUnderNoMailOnlyForANoMailRecord() {
    InMemoryDns dns = zone().txt("strict.example", "v=spf1 ip4:198.51.100.1 -all").build();
    PolicyServer server = server("No_Mail = True\n", dns);
    assertThat(decide(server, "192.0.2.1", "badhelo.example", "alice@example.com").line())
        .startsWith("action=550 5.7.23").contains("s=helo;id=badhelo.example;");
    assertThat(decide(server, "192.0.2.1", "strict.example", "alice@example.com").line())
        .startsWith("action=PREPEND Received-SPF: pass").contains("identity=mailfrom");
  }

  @Test
  void answersDunnoWhenNeitherIdentityIsChecked() {
    PolicyConfig config = PolicyConfig.parse("HELO_reject = No_Check\nMail_From_reject ="
        + " No_Check\n", "t").config();
    PolicyServer server = PolicyServer.builder().dns(zone().build()).config(config).build();
    Decision decision = server.decideNow(rcpt("203.0.113.9", HELO, "alice@example.com", ""));
    assertThat(decision.action().line()).isEqualTo("action=DUNNO");
    assertThat(decision.note()).isEqualTo("HELO_reject and Mail_From_reject are No_Check");
  }

  @Test
  void prependsTheHeloResultWhenMailFromIsNotChecked() {
    InMemoryDns dns = zone().recordQueries().build();
    PolicyServer server = server("Mail_From_reject = No_Check\n", dns);
    assertThat(decide(server, "203.0.113.9", MAIL, "alice@example.com").line())
        .startsWith("action=550 5.7.23").contains("s=helo;");
    assertThat(decide(server, "192.0.2.10", MAIL, "alice@example.com").line())
        .startsWith("action=PREPEND Received-SPF: pass").contains("identity=helo");
    assertThat(dns.queries()).noneMatch(q -> q.name().equals("example.com"));
  }

  @Test
  void holdsOnlyTheListedDomainsToSpfNotPass() {
    PolicyServer server = server("Reject_Not_Pass_Domains = neutral.example\n");
    assertThat(decide(server, "203.0.113.9", HELO, "a@soft.example").line())
        .startsWith("action=PREPEND Received-SPF: softfail");
    assertThat(decide(server, "203.0.113.9", HELO, "@neutral.example").line())
        .startsWith("action=550 5.7.23 Message rejected due to: Receiver policy for SPF Neutral.");
  }

  @Test
  void givesSpfkitsDefaultExplanationForAFailWithoutExp() {
    assertThat(decide(server(""), "203.0.113.9", HELO, "a@nomail.example").line())
        .startsWith("action=550 5.7.23 Message rejected due to: 203.0.113.9 is not one of"
            + " nomail.example's permitted senders. Please see http://www.openspf.net/Why?"
            + "s=mfrom;id=a@nomail.example;ip=203.0.113.9;r=receiver.test");
  }

  @Test
  void namesTheDnsProblemOfATemporaryError() {
    String line = decide(server("TempError_Defer = True\n"), "203.0.113.9", HELO,
        "a@slow.example").line();
    assertThat(line).startsWith("action=451 4.7.24 Message deferred due to: SPF Temporary Error: ")
        .doesNotContain("DNS lookup failed").contains("slow.example");
  }

  @Test
  void namesNoReceiverWhenTheRequestHasNoRecipient() {
    PolicyRequest request = PolicyRequest.of("request", "smtpd_access_policy",
        "client_address", "203.0.113.9", "helo_name", HELO, "sender", "alice@example.com");
    assertThat(server("").decideNow(request).action().line()).endsWith(";r=none");
  }

  @Test
  void writesDoubledBracesOfTheReasonMessageAsLiteralBraces() {
    assertThat(decide(server("Reason_Message = {{{rejectdefer}}}: {spf} }}{{\n"
        + "Mail_From_reject = Softfail\n"), "203.0.113.9", HELO, "a@soft.example").line())
        .isEqualTo("action=550 5.7.23 {rejected}: domain owner discourages use of this host }{");
  }

  @Test
  void sendsAReasonMessageOfOnlyTheUrl() {
    assertThat(decide(server("Reason_Message = {url}\n"), "203.0.113.9", HELO,
        "a-rather-long-local-part-for-the-url@example.com").line())
        .isEqualTo("action=550 5.7.23 http://www.openspf.net/Why?s=mfrom;"
            + "id=a-rather-long-local-part-for-the-url@example.com;ip=203.0.113.9;r=receiver.test");
  }

  @Test
  void skipsAClientPassingAnyOfTheWhitelistedDomains() {
    PolicyServer server = server("Domain_Whitelist = nomail.example, example.com\n");
    assertThat(decide(server, "192.0.2.77", "x.test", "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for whitelisted relay domain - ");
  }

  @Test
  void skipsAWhitelistedHeloNameWrittenWithATrailingDot() {
    PolicyServer server = server("HELO_Whitelist = mail.example.com\n");
    assertThat(decide(server, "192.0.2.10", "Mail.Example.com.", "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for whitelisted HELO domain - ");
  }

  @Test
  void matchesAPtrNameEqualToTheWhitelistedDomainButNotOneThatOnlyEndsLikeIt() {
    InMemoryDns dns = zone()
        .ptr("9.113.0.203.in-addr.arpa", "forwarder.example")
        .a("forwarder.example", "203.0.113.9")
        .ptr("8.113.0.203.in-addr.arpa", "evilforwarder.example")
        .a("evilforwarder.example", "203.0.113.8")
        .build();
    PolicyServer server = server("Domain_Whitelist_PTR = forwarder.example\n", dns);
    assertThat(decide(server, "203.0.113.9", HELO, "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for PTR whitelisted relay domain");
    assertThat(decide(server, "203.0.113.8", HELO, "a@nomail.example").kind())
        .isEqualTo("reject");
  }

  @Test
  void looksAtNoMoreThanTenPtrNames() {
    InMemoryDns.Builder zone = zone();
    for (int i = 1; i <= 11; i++) {
      zone.ptr("9.113.0.203.in-addr.arpa", "out" + i + ".forwarder.example");
    }
    zone.a("out11.forwarder.example", "203.0.113.9");
    PolicyServer server = server("Domain_Whitelist_PTR = forwarder.example\n", zone.build());
    assertThat(decide(server, "203.0.113.9", HELO, "a@nomail.example").kind())
        .isEqualTo("reject");
    InMemoryDns.Builder ten = zone();
    for (int i = 1; i <= 10; i++) {
      ten.ptr("9.113.0.203.in-addr.arpa", "out" + i + ".forwarder.example");
    }
    ten.a("out10.forwarder.example", "203.0.113.9");
    assertThat(decide(server("Domain_Whitelist_PTR = forwarder.example\n", ten.build()),
        "203.0.113.9", HELO, "a@nomail.example").line())
        .startsWith("action=PREPEND X-Comment: SPF skipped for PTR whitelisted relay domain");
  }

  @Test
  void saysWhatTestOnlyModeWithheld() {
    Decision decision = server("TestOnly = 0\n").decideNow(
        rcpt("203.0.113.9", HELO, "alice@example.com", ""));
    assertThat(decision.note()).isEqualTo("TestOnly = 0, would reject");
  }

  @Test
  void remembersAsManyTransactionsAsConfiguredAndForgetsTheOldest() {
    InMemoryDns dns = zone().recordQueries().build();
    PolicyServer server = PolicyServer.builder().dns(dns)
        .config(PolicyConfig.defaults().withHostName("mx.receiver.test"))
        .transactions(1).build();
    server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "t.1"));
    assertThat(server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "t.1")).note())
        .isEqualTo("same transaction");
    server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "t.2"));
    Decision again = server.decideNow(rcpt("192.0.2.1", HELO, "alice@example.com", "t.1"));
    assertThat(again.note()).isNotEqualTo("same transaction");
    assertThat(again.action().kind()).isEqualTo("prepend");
  }

  @Test
  void namesTheProblemOfAPermanentError() {
    assertThat(decide(server("PermError_reject = True\n"), "203.0.113.9", HELO,
        "a@broken.example").line())
        .startsWith("action=550 5.7.24 Message rejected due to: SPF Permanent Error: ")
        .doesNotContain("the SPF record is not valid").contains("bogus");
  }

  @Test
  void namesTheRecipientsDomainEvenWithoutALocalPart() {
    PolicyRequest request = PolicyRequest.of("request", "smtpd_access_policy",
        "client_address", "203.0.113.9", "helo_name", HELO, "sender", "alice@example.com",
        "recipient", "@receiver.test");
    assertThat(server("").decideNow(request).action().line()).endsWith(";r=receiver.test");
  }

  @Test
  void sendsALongExplanationAsTheWholeReasonMessage() {
    String explanation = "this host is not allowed " + "x".repeat(300);
    InMemoryDns dns = zone()
        .txt("long.example", "v=spf1 exp=exp.long.example -all")
        .txt("exp.long.example", explanation)
        .build();
    assertThat(decide(server("Reason_Message = {spf}\n", dns), "203.0.113.9", HELO,
        "a@long.example").line()).isEqualTo("action=550 5.7.23 " + explanation);
  }
}
