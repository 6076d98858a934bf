/**
 * The DNS seam: the one interface through which the evaluator asks DNS questions ({@link
 * io.github.spfkit.core.dns.DnsLookup}), the answers it understands ({@link
 * io.github.spfkit.core.dns.DnsAnswer}) and an in-memory implementation for tests and what-if
 * checks ({@link io.github.spfkit.core.dns.InMemoryDns}).
 */
@NullMarked
package io.github.spfkit.core.dns;

import org.jspecify.annotations.NullMarked;
