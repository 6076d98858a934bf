package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fault run "policy server restarted mid-run", behind a real Postfix: transactions from a
 * failing and a passing sender alternate while spf-policyd is stopped (SIGTERM) and started again
 * on the same port. Postfix defers while it is away ({@code 451 4.3.5}); nothing that should be
 * rejected is accepted, and decisions are right again once it is back. The counts are written to
 * {@code target/fault-restart.txt}.
 */
final class PolicyServerRestartIT {

  @Test
  void postfixDefersWhileThePolicyServerRestartsAndAcceptsNothingItShouldReject()
      throws Exception {
    Postfix.assumeAvailable();
    KnotServer.assumeInstalled();
    Path dir = Files.createDirectories(Path.of("target", "mta-it",
        "restart-" + System.currentTimeMillis())).toAbsolutePath();
    String zone = String.join("\n", "$ORIGIN example.", "$TTL 300",
        "@ SOA ns.example. hostmaster.example. 1 3600 600 86400 300", "@ NS ns.example.",
        "ns A 127.0.0.1", "fail TXT \"v=spf1 ip4:192.0.2.0/24 -all\"",
        "pass TXT \"v=spf1 ip4:203.0.113.0/24 -all\"", "client A 203.0.113.25", "");
    int smtpPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      smtpPort = probe.getLocalPort();
    }
    Map<String, Integer> counts = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    try (KnotServer knot = KnotServer.start(dir.resolve("knot"),
            List.of(KnotServer.Zone.of("example", zone)));
        PolicyDaemon daemon = PolicyDaemon.start(dir.resolve("policyd"), "restart",
            "skip_addresses = ::1\n", "--dns", knot.hostPort(), "--deadline", "8s");
        Postfix receiver = Postfix.start(dir.resolve("receiver"), Map.of(
                "myhostname", "mx.receiver.test",
                "virtual_mailbox_domains", "receiver.test",
                "virtual_mailbox_maps", "inline:{ bob@receiver.test=bob }",
                "smtpd_authorized_xclient_hosts", "127.0.0.0/8",
                "smtpd_relay_restrictions", "permit_mynetworks, reject_unauth_destination",
                "smtpd_recipient_restrictions",
                "check_policy_service inet:127.0.0.1:" + daemon.port() + ", permit",
                "smtpd_policy_service_timeout", "10s"),
            List.of("127.0.0.1:" + smtpPort + " inet n - n - - smtpd"))) {
      for (int round = 0; round < 30; round++) {
        if (round == 10) {
          daemon.close(); // SIGTERM: the policy server is away for the next rounds
        }
        if (round == 16) {
          daemon.restart();
        }
        boolean failing = round % 2 == 0;
        String from = failing ? "alice@fail.example" : "alice@pass.example";
        String reply;
        try (Smtp smtp = Smtp.connect(smtpPort, "203.0.113.25", "client.example")) {
          reply = smtp.send(from, "bob@receiver.test",
              "From: " + from + "\nSubject: round " + round + "\n\nround " + round + "\n");
        }
        String phase = round < 10 ? "before" : round < 16 ? "down" : "after";
        String key = phase + " " + (failing ? "fail" : "pass") + " " + reply.substring(0, 9);
        counts.merge(key, 1, Integer::sum);
        boolean accepted = reply.startsWith("250");
        boolean rejected = reply.startsWith("550 5.7.23");
        boolean deferred = reply.startsWith("451 4.3.5");
        if ((failing && accepted) || (!failing && rejected) || !(accepted || rejected || deferred)
            || (phase.equals("down") && !deferred) || (!phase.equals("down") && deferred)) {
          wrong.add(phase + " round " + round + " " + from + ": " + reply);
        }
      }
    }
    StringBuilder report = new StringBuilder("phase sender reply: transactions\n");
    counts.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
    Files.writeString(Path.of("target", "fault-restart.txt"), report);
    assertThat(wrong).as(report.toString()).isEmpty();
    assertThat(counts).containsEntry("down fail 451 4.3.5", 3)
        .containsEntry("down pass 451 4.3.5", 3)
        .containsEntry("after fail 550 5.7.2", 7).containsEntry("after pass 250 2.1.5", 7);
  }
}
