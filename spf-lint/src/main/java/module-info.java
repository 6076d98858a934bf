/**
 * Linting and flattening of SPF (RFC 7208) trees on spf-core: {@link
 * io.github.spfkit.lint.SpfLinter} walks a domain's include and redirect tree through the {@link
 * io.github.spfkit.core.dns.DnsLookup} seam and counts DNS-querying terms and void lookups for
 * IPv4 and IPv6 senders apart; {@link io.github.spfkit.lint.SpfFlattener} replaces includes by the
 * addresses they stand for and proves the result equivalent before it offers it.
 */
module io.github.spfkit.lint {
  requires transitive io.github.spfkit.core;
  requires static org.jspecify;

  exports io.github.spfkit.lint;
}
