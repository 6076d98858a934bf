package io.github.spfkit.examples.api;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;

/**
 * What a receiving MTA does with a result: reject {@code fail} with the explanation (RFC 7208
 * §8.4 suggests 550 5.7.1; RFC 7372 gives 5.7.23), defer {@code temperror}, and otherwise prepend
 * {@code Received-SPF} (RFC 7208 §9.1) and {@code Authentication-Results} (RFC 8601). Header text
 * from DNS or the sender is already made safe by the library: no CR, LF or other control
 * characters.
 */
public final class MtaHeaders {
  private MtaHeaders() {}

  /**
   * Decides two deliveries the way an MTA would and prints the SMTP reply or the header fields.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    InMemoryDns dns =
        InMemoryDns.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all").build();
    SpfChecker checker = SpfChecker.builder().dns(dns).receiver("mx.example.net").build();

    for (String client : new String[] {"192.0.2.7", "203.0.113.66"}) {
      SpfResult result =
          checker
              .check()
              .ip(client)
              .mailFrom("alice@example.com")
              .helo("mail.example.com")
              .evaluate();
      System.out.println(client + ":");
      if (result.result() == Result.FAIL) {
        System.out.println("  550 5.7.23 " + result.explanation());
      } else if (result.result() == Result.TEMPERROR) {
        System.out.println("  451 4.7.24 SPF temporary error, try again later");
      } else {
        System.out.println("  " + result.receivedSpf());
        System.out.println("  " + result.authenticationResults("mx.example.net"));
      }
    }
  }
}
