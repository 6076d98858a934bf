/**
 * DNS for spfkit: {@link io.github.spfkit.dns.DnsJavaLookup} asks real servers through dnsjava,
 * {@link io.github.spfkit.dns.ZoneFileLookup} answers from RFC 1035 zone files, and {@link
 * io.github.spfkit.dns.CachingLookup} caches any {@link io.github.spfkit.core.dns.DnsLookup}.
 */
module io.github.spfkit.dns {
  requires transitive io.github.spfkit.core;
  requires org.dnsjava;
  requires static org.jspecify;

  exports io.github.spfkit.dns;
}
