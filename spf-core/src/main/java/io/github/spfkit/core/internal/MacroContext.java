package io.github.spfkit.core.internal;

import io.github.spfkit.core.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The values the macro letters stand for in one evaluation (RFC 7208 §7.3), except {@code d},
 * which changes with each policy, and {@code p}, which needs DNS.
 *
 * @param sender {@code s}: the sender, {@code local-part@domain}
 * @param localPart {@code l}
 * @param senderDomain {@code o}
 * @param ip {@code i} and {@code c}; {@code v} follows from its family
 * @param helo {@code h}, or {@code null} when unknown
 * @param receiver {@code r}, or {@code null} when unknown
 * @param timestamp {@code t}: seconds since the epoch
 */
record MacroContext(
    String sender,
    String localPart,
    String senderDomain,
    IpAddress ip,
    @Nullable String helo,
    @Nullable String receiver,
    long timestamp) {

  static MacroContext of(
      String sender, IpAddress ip, @Nullable String helo, @Nullable String receiver, long now) {
    int at = sender.lastIndexOf('@');
    String local = at < 0 ? "postmaster" : sender.substring(0, at);
    String domain = sender.substring(at + 1);
    return new MacroContext(sender, local, domain, ip, helo, receiver, now);
  }
}
