/**
 * Implementations of spf-core's DNS seam ({@link io.github.spfkit.core.dns.DnsLookup}): a resolver
 * that asks DNS servers ({@link io.github.spfkit.dns.DnsJavaLookup}), one that answers from zone
 * files ({@link io.github.spfkit.dns.ZoneFileLookup}) and a cache to put in front of either
 * ({@link io.github.spfkit.dns.CachingLookup}). Every class here is safe for concurrent use once
 * built; none throws or completes exceptionally for a DNS outcome.
 */
@NullMarked
package io.github.spfkit.dns;

import org.jspecify.annotations.NullMarked;
