package io.github.spfkit.core.internal;

import io.github.spfkit.core.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The values the macro letters stand for in one evaluation (RFC 7208 §7.3), except {@code d},
 * which changes with each policy, and {@code p}, which needs DNS. Immutable.
 *
 * <p>A plain final class rather than a record: Jazzer's coverage instrumentation (0.24.0) breaks
 * the canonical constructor of this record in fuzzing mode ({@code NoSuchFieldError}).
 */
public final class MacroContext {
  private final String sender;
  private final String localPart;
  private final String senderDomain;
  private final IpAddress ip;
  private final @Nullable String helo;
  private final @Nullable String receiver;
  private final long timestamp;

  private MacroContext(
      String sender,
      String localPart,
      String senderDomain,
      IpAddress ip,
      @Nullable String helo,
      @Nullable String receiver,
      long timestamp) {
    this.sender = sender;
    this.localPart = localPart;
    this.senderDomain = senderDomain;
    this.ip = ip;
    this.helo = helo;
    this.receiver = receiver;
    this.timestamp = timestamp;
  }

  /**
   * The context for one check.
   *
   * @param sender the sender, {@code local-part@domain}
   * @param ip the client address
   * @param helo the HELO name, or {@code null}
   * @param receiver the receiving host, or {@code null}
   * @param now seconds since the epoch
   * @return the context
   */
  public static MacroContext of(
      String sender, IpAddress ip, @Nullable String helo, @Nullable String receiver, long now) {
    int at = sender.lastIndexOf('@');
    String local = at < 0 ? "postmaster" : sender.substring(0, at);
    String domain = sender.substring(at + 1);
    return new MacroContext(sender, local, domain, ip, helo, receiver, now);
  }

  /** {@code s}: the sender. */
  String sender() {
    return sender;
  }

  /** {@code l}: the local part. */
  String localPart() {
    return localPart;
  }

  /** {@code o}: the sender's domain. */
  String senderDomain() {
    return senderDomain;
  }

  /** {@code i} and {@code c}; {@code v} follows from its family. */
  IpAddress ip() {
    return ip;
  }

  /** {@code h}, or {@code null} when unknown. */
  @Nullable String helo() {
    return helo;
  }

  /** {@code r}, or {@code null} when unknown. */
  @Nullable String receiver() {
    return receiver;
  }

  /** {@code t}: seconds since the epoch. */
  long timestamp() {
    return timestamp;
  }
}
