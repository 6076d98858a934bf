/**
 * The SPF checker: {@link io.github.spfkit.core.SpfChecker} evaluates {@code check_host()} (RFC 7208
 * §4) through a {@link io.github.spfkit.core.dns.DnsLookup} and returns an {@link
 * io.github.spfkit.core.SpfResult} that explains itself.
 */
@NullMarked
package io.github.spfkit.core;

import org.jspecify.annotations.NullMarked;
