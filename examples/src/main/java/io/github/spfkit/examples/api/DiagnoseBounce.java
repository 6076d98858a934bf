package io.github.spfkit.examples.api;

import io.github.spfkit.diagnosis.Advice;
import io.github.spfkit.diagnosis.BounceDiagnoser;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.dns.ZoneFileLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Diagnosing a bounce: {@link BounceDiagnoser} reads the bounce (a whole {@code .eml}, or just the
 * rejecting server's reply), says what the receiver objected to, checks the sender's SPF in DNS
 * now to find the cause, and proposes a record only after verifying it passes for the bounced IP.
 * DNS here is an inline zone, so the example runs offline.
 */
public final class DiagnoseBounce {
  private DiagnoseBounce() {}

  /**
   * Diagnoses a pasted 5.7.23 reply, or the bounce file named by the first argument.
   *
   * @param args optionally, the path of a bounce message
   * @throws IOException if the named file cannot be read
   */
  public static void main(String[] args) throws IOException {
    ZoneFileLookup dns =
        ZoneFileLookup.fromString(
            """
            $TTL 3600
            example.com.      IN TXT "v=spf1 mx ip4:192.0.2.0/26 -all"
            example.com.      IN MX  10 mail.example.com.
            mail.example.com. IN A   192.0.2.10
            """);
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(dns).build();

    Diagnosis diagnosis =
        args.length > 0
            ? diagnoser.diagnose(Files.readAllBytes(Path.of(args[0])))
            : diagnoser.diagnose(
                "550 5.7.23 <bob@example.org>: Recipient address rejected: Message rejected due"
                    + " to: SPF fail - not authorized. Please see http://www.openspf.net/Why?"
                    + "s=mfrom;id=alice@example.com;ip=203.0.113.25;r=mx1.example.org");

    System.out.println("category: " + diagnosis.category());
    System.out.println("cause:    " + diagnosis.cause());
    for (Advice step : diagnosis.advice()) {
      System.out.println("- " + step.text());
    }
    System.out.println("publish:  " + diagnosis.proposedRecord());
  }
}
