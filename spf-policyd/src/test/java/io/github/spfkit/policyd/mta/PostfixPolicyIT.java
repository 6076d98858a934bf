package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.BounceDiagnoser;
import io.github.spfkit.diagnosis.Cause;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.dns.DnsJavaLookup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * spf-policyd behind a real Postfix: a receiving instance asks the policy server (the executable
 * jar) at each RCPT, a sending instance relays to it from 127.0.0.2, DNS comes from a Knot server
 * on loopback, test clients are presented with XCLIENT. Everything lives under this class's own
 * folder ({@code target/mta-it/...}). Two listeners of the receiver use two policy servers: {@code
 * strict} (TempError_Defer, PermError_reject, a Whitelist) and {@code notpass} (Mail_From_reject =
 * SPF_Not_Pass), both with an empty skip_addresses so that the relay from 127.0.0.2 is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PostfixPolicyIT {
  private static final Duration DELIVERY = Duration.ofSeconds(20);
  private static final String BOB = "bob@receiver.test";

  private static final String EXAMPLE_ZONE = String.join("\n",
      "$ORIGIN example.",
      "$TTL 300",
      "@ SOA ns.example. hostmaster.example. 1 3600 600 86400 300",
      "@ NS ns.example.",
      "ns A 127.0.0.1",
      "fail TXT \"v=spf1 ip4:192.0.2.0/24 exp=exp.fail.example -all\"",
      "exp.fail TXT \"%{i} is not allowed to send mail for %{d}\"",
      "pass TXT \"v=spf1 ip4:203.0.113.0/24 ip4:127.0.0.2 -all\"",
      "soft TXT \"v=spf1 ip4:192.0.2.0/24 ~all\"",
      "neutral TXT \"v=spf1 ip4:192.0.2.0/24 ?all\"",
      "nothing A 192.0.2.1",
      "perm TXT \"v=spf1 ip4:192.0.2.0/24 ipv4:203.0.113.0/24 -all\"",
      "badhelo TXT \"v=spf1 -all\"",
      "goodhelo TXT \"v=spf1 ip4:203.0.113.0/24 -all\"",
      "client A 203.0.113.25",
      "sender A 127.0.0.2",
      "");
  private static final String TEMP_FIXED = String.join("\n",
      "$ORIGIN temp.example.",
      "$TTL 300",
      "@ SOA ns.example. hostmaster.example. 2 3600 600 86400 300",
      "@ NS ns.example.",
      "@ TXT \"v=spf1 ip4:127.0.0.2 ip4:203.0.113.0/24 -all\"",
      "");

  private Path dir;
  private KnotServer knot;
  private PolicyDaemon strict;
  private PolicyDaemon notPass;
  private Postfix receiver;
  private Postfix sender;
  private int strictPort;
  private int notPassPort;

  private static List<KnotServer.Zone> zones(boolean tempAnswers) {
    return List.of(
        KnotServer.Zone.of("example", EXAMPLE_ZONE),
        tempAnswers ? KnotServer.Zone.of("temp.example", TEMP_FIXED)
            : KnotServer.Zone.broken("temp.example"));
  }

  @BeforeAll
  void start() throws Exception {
    Postfix.assumeAvailable();
    KnotServer.assumeInstalled();
    dir = Files.createDirectories(Path.of("target", "mta-it", "run-" + System.currentTimeMillis()))
        .toAbsolutePath();
    knot = KnotServer.start(dir.resolve("knot"), zones(false));
    String dns = knot.hostPort();
    strict = PolicyDaemon.start(dir.resolve("policyd"), "strict", String.join("\n",
        "TempError_Defer = True",
        "PermError_reject = True",
        "skip_addresses =",
        "Whitelist = 198.51.100.0/24",
        ""), "--dns", dns, "--deadline", "8s", "--receiver", "mx.receiver.test");
    notPass = PolicyDaemon.start(dir.resolve("policyd"), "notpass", String.join("\n",
        "Mail_From_reject = SPF_Not_Pass",
        "skip_addresses =",
        ""), "--dns", dns, "--deadline", "8s", "--receiver", "mx.receiver.test");
    strictPort = freePort();
    notPassPort = freePort();
    receiver = Postfix.start(dir.resolve("receiver"), Map.of(
            "myhostname", "mx.receiver.test",
            "virtual_mailbox_domains", "receiver.test",
            "virtual_mailbox_maps",
            "inline:{ bob@receiver.test=bob, carol@receiver.test=carol }",
            "smtpd_authorized_xclient_hosts", "127.0.0.0/8",
            "smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination",
            "smtpd_recipient_restrictions",
            "check_policy_service inet:127.0.0.1:" + strict.port() + ", permit",
            "smtpd_policy_service_timeout", "10s"),
        List.of("127.0.0.1:" + strictPort + " inet n - n - - smtpd",
            "127.0.0.1:" + notPassPort + " inet n - n - - smtpd -o"
                + " smtpd_recipient_restrictions=check_policy_service,inet:127.0.0.1:"
                + notPass.port() + ",permit"));
    sender = Postfix.start(dir.resolve("sender"), Map.of(
            "myhostname", "sender.example",
            "myorigin", "sender.example",
            "relayhost", "[127.0.0.1]:" + strictPort,
            "smtp_bind_address", "127.0.0.2",
            "virtual_mailbox_domains", "fail.example",
            "virtual_mailbox_maps", "inline:{ alice@fail.example=alice }",
            "notify_classes", ""),
        List.of());
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable part : new AutoCloseable[] {sender, receiver, strict, notPass, knot}) {
      if (part != null) {
        part.close();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private static String message(String from, String marker) {
    return "From: " + from + "\nTo: " + BOB + "\nSubject: " + marker + "\nMessage-ID: <" + marker
        + "@test>\n\nbody of " + marker + "\n";
  }

  /** One transaction from a test client; the RCPT reply. */
  private String rcpt(int port, String ip, String helo, String from, String marker)
      throws IOException {
    try (Smtp smtp = Smtp.connect(port, ip, helo)) {
      return smtp.send(from, BOB, message(from.isEmpty() ? "postmaster@" + helo : from, marker));
    }
  }

  private static String marker() {
    return "m-" + UUID.randomUUID();
  }

  private String delivered(String marker) throws Exception {
    return receiver.awaitMessage("bob", marker, DELIVERY);
  }

  @Test
  void rejectsAFailWith5723AndTheDomainsExplanation() throws Exception {
    String reply = rcpt(strictPort, "203.0.113.25", "client.example", "alice@fail.example",
        marker());
    assertThat(reply).isEqualTo("550 5.7.23 <bob@receiver.test>: Recipient address rejected:"
        + " Message rejected due to: 203.0.113.25 is not allowed to send mail for fail.example."
        + " Please see http://www.openspf.net/Why?s=mfrom;id=alice@fail.example;ip=203.0.113.25;"
        + "r=receiver.test");
  }

  @Test
  void deliversAPassWithItsReceivedSpfHeader() throws Exception {
    String marker = marker();
    assertThat(rcpt(strictPort, "203.0.113.25", "client.example", "alice@pass.example", marker))
        .startsWith("250");
    assertThat(delivered(marker)).contains("Received-SPF: pass (mx.receiver.test: domain of"
        + " alice@pass.example designates 203.0.113.25 as permitted sender)"
        + " client-ip=203.0.113.25; envelope-from=\"alice@pass.example\"; helo=client.example;"
        + " receiver=mx.receiver.test; identity=mailfrom; mechanism=\"ip4:203.0.113.0/24\"");
  }

  @Test
  void deliversSoftfailNeutralAndNoneWithTheirHeadersByDefault() throws Exception {
    for (String result : List.of("soft", "neutral", "nothing")) {
      String marker = marker();
      assertThat(rcpt(strictPort, "203.0.113.25", "client.example", "alice@" + result
          + ".example", marker)).startsWith("250");
      String token = Map.of("soft", "softfail", "neutral", "neutral", "nothing", "none")
          .get(result);
      assertThat(delivered(marker)).contains("Received-SPF: " + token + " (mx.receiver.test: ");
    }
  }

  @Test
  void rejectsSoftfailAndNeutralButNotNoneUnderSpfNotPass() throws Exception {
    assertThat(rcpt(notPassPort, "203.0.113.25", "client.example", "alice@soft.example",
        marker())).startsWith("550 5.7.23 <bob@receiver.test>: Recipient address rejected:"
        + " Message rejected due to: domain owner discourages use of this host.");
    assertThat(rcpt(notPassPort, "203.0.113.25", "client.example", "alice@neutral.example",
        marker())).startsWith("550 5.7.23 <bob@receiver.test>: Recipient address rejected:"
        + " Message rejected due to: access neither permitted nor denied.");
    String marker = marker();
    assertThat(rcpt(notPassPort, "203.0.113.25", "client.example", "alice@nothing.example",
        marker)).startsWith("250");
    assertThat(delivered(marker)).contains("Received-SPF: none");
  }

  @Test
  void rejectsAPermerrorWith5724OnlyWherePermErrorRejectIsTrue() throws Exception {
    assertThat(rcpt(strictPort, "203.0.113.25", "client.example", "alice@perm.example",
        marker())).startsWith("550 5.7.24 <bob@receiver.test>: Recipient address rejected:"
        + " Message rejected due to: SPF Permanent Error: ");
    String marker = marker();
    assertThat(rcpt(notPassPort, "203.0.113.25", "client.example", "alice@perm.example",
        marker)).startsWith("250");
    assertThat(delivered(marker)).contains("Received-SPF: permerror");
  }

  @Test
  void rejectsAHeloFailEvenForAPassingSender() throws Exception {
    String reply = rcpt(strictPort, "203.0.113.25", "badhelo.example", "alice@pass.example",
        marker());
    assertThat(reply).startsWith("550 5.7.23 <bob@receiver.test>: Recipient address rejected:"
        + " Message rejected due to: ").contains("s=helo;id=badhelo.example;");
  }

  @Test
  void checksTheNullSenderAsPostmasterAtTheHeloName() throws Exception {
    assertThat(rcpt(strictPort, "203.0.113.25", "badhelo.example", "", marker()))
        .startsWith("550 5.7.23 ");
    String marker = marker();
    assertThat(rcpt(strictPort, "203.0.113.25", "goodhelo.example", "", marker))
        .startsWith("250");
    assertThat(delivered(marker)).contains("Received-SPF: pass (mx.receiver.test: domain of"
        + " postmaster@goodhelo.example designates 203.0.113.25 as permitted sender)")
        .contains("identity=helo");
  }

  @Test
  void skipsAWhitelistedClientWithATraceHeader() throws Exception {
    String marker = marker();
    assertThat(rcpt(strictPort, "198.51.100.7", "client.example", "alice@fail.example", marker))
        .startsWith("250");
    assertThat(delivered(marker)).contains("X-Comment: SPF skipped for whitelisted relay -"
        + " client-ip=198.51.100.7; helo=client.example; envelope-from=alice@fail.example;"
        + " receiver=receiver.test");
  }

  @Test
  void defersATemperrorAndDeliversOnceDnsAnswersAgain() throws Exception {
    String marker = marker();
    sender.sendmail("alice@temp.example", BOB, message("alice@temp.example", marker));
    assertThat(sender.awaitLog("said: 451 4.7.24 <bob@receiver.test>: Recipient address"
        + " rejected: Message deferred due to: SPF Temporary Error: ", DELIVERY))
        .as("the sender's log shows the defer:\n%s", sender.log()).isTrue();
    assertThat(Files.exists(receiver.dir().resolve("mail/bob"))
        ? Files.readString(receiver.dir().resolve("mail/bob")) : "").doesNotContain(marker);
    int port = knot.port();
    knot.close();
    knot = KnotServer.start(dir.resolve("knot"), zones(true), port);
    sender.flush();
    assertThat(delivered(marker)).contains("Received-SPF: pass (mx.receiver.test: domain of"
        + " alice@temp.example designates 127.0.0.2 as permitted sender)");
  }

  @Test
  void theSendersBounceNamesTheDomainAndTheLoopbackClientAndProposesNoRecord() throws Exception {
    String marker = marker();
    sender.sendmail("alice@fail.example", BOB, message("alice@fail.example", marker));
    String dsn = sender.awaitMessage("alice", marker, DELIVERY);
    assertThat(dsn).contains("Status: 5.7.23", "said: 550 5.7.23");
    BounceDiagnoser diagnoser = BounceDiagnoser.builder()
        .dns(DnsJavaLookup.builder().server(knot.hostPort()).build())
        .build();
    Diagnosis diagnosis = diagnoser.diagnose(dsn);
    // the sending instance relays from 127.0.0.2: a loopback hop, which no public SPF record lists
    assertThat(diagnosis.cause()).isEqualTo(Cause.INTERNAL_HOP);
    assertThat(diagnosis.domain()).isEqualTo("fail.example");
    assertThat(diagnosis.ip()).isEqualTo(IpAddress.of("127.0.0.2"));
    assertThat(diagnosis.proposedRecord()).isNull();
  }

  @Test
  void checksATransactionOnceAndPrependsOneHeaderForAllItsRecipients() throws Exception {
    String marker = marker();
    List<String> replies;
    try (Smtp smtp = Smtp.connect(strictPort, "203.0.113.25", "client.example")) {
      replies = smtp.sendToAll("carol@pass.example", List.of(BOB, "carol@receiver.test"),
          message("carol@pass.example", marker));
    }
    assertThat(replies).allMatch(r -> r.startsWith("250"));
    for (String mailbox : List.of("bob", "carol")) {
      String delivered = receiver.awaitMessage(mailbox, marker, DELIVERY);
      assertThat(delivered.split("Received-SPF: ", -1)).as(delivered).hasSize(2);
    }
    // the second recipient reuses the first decision: no second check, no second header
    List<String> lines = List.of();
    for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) {
      lines = strict.log().lines().filter(l -> l.contains("sender=carol@pass.example")).toList();
      if (lines.size() >= 2) {
        break;
      }
      Thread.sleep(50); // the log is flushed every 100 ms
    }
    assertThat(lines)
        .satisfiesExactly(
            first -> assertThat(first).contains("result=pass", "action=prepend")
                .doesNotContain("note="),
            second -> assertThat(second).contains("action=dunno note=\"same transaction\""));
  }
}
