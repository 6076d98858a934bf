package io.github.spfkit.core;

import io.github.spfkit.core.dns.InMemoryDns;

/** Small helpers shared by the evaluator's tests. */
final class CheckerTestSupport {
  private CheckerTestSupport() {}

  static SpfChecker checker(InMemoryDns dns) {
    return SpfChecker.builder().dns(dns).build();
  }

  static SpfResult check(InMemoryDns dns, String ip, String sender) {
    return checker(dns).check().ip(ip).mailFrom(sender).helo("mail.example.org").evaluate();
  }
}
