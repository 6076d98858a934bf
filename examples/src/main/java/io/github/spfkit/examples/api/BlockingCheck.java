package io.github.spfkit.examples.api;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;

/**
 * A blocking check: may 192.0.2.10 send mail as {@code alice@example.com}? Build one {@link
 * SpfChecker} (immutable, share it between threads), describe a check, evaluate it, read the
 * result.
 */
public final class BlockingCheck {
  private BlockingCheck() {}

  /**
   * Runs the example against in-memory DNS and prints the result.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 mx ip4:198.51.100.0/24 -all")
            .mx("example.com", "mail.example.com")
            .a("mail.example.com", "192.0.2.10")
            .build();
    SpfChecker checker = SpfChecker.builder().dns(dns).build();

    SpfResult result =
        checker
            .check()
            .ip("192.0.2.10")
            .mailFrom("alice@example.com")
            .helo("mail.example.com")
            .evaluate();

    System.out.println("result:    " + result.result().token());
    System.out.println("mechanism: " + result.match());
    System.out.println("lookups:   " + result.dnsTerms());

    SpfResult stranger = checker.check().ip("203.0.113.9").mailFrom("alice@example.com").evaluate();
    System.out.println("203.0.113.9: " + stranger.result().token() + " - " + stranger.explanation());
  }
}
