/**
 * SPF (RFC 7208) record parser and {@code check_host()} evaluator. No I/O: DNS comes through {@link
 * io.github.spfkit.core.dns.DnsLookup}.
 */
module io.github.spfkit.core {
  requires static transitive org.jspecify;

  exports io.github.spfkit.core;
  exports io.github.spfkit.core.dns;
  exports io.github.spfkit.core.net;
  exports io.github.spfkit.core.record;
}
