package io.github.spfkit.core.internal;

import io.github.spfkit.core.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The values the macro letters stand for in one evaluation (RFC 7208 §7.3), except {@code d},
 * which changes with each policy, and {@code p}, which needs DNS. Not thread safe: the local part
 * and the sender's domain are cut out on first use, and an evaluation's steps run one at a time.
 *
 * <p>A plain final class rather than a record: Jazzer's coverage instrumentation (0.24.0) breaks
 * the canonical constructor of this record in fuzzing mode ({@code NoSuchFieldError}).
 */
public final class MacroContext {
  private final String sender;
  private final int at;
  /** The local part and the sender's domain, cut from the sender on first use. */
  private @Nullable String localPart;
  private @Nullable String senderDomain;
  private final IpAddress ip;
  private final @Nullable String helo;
  private final @Nullable String receiver;
  /** Seconds since the epoch; read from the clock on first use when negative. */
  private long timestamp;

  private MacroContext(
      String sender,
      int at,
      IpAddress ip,
      @Nullable String helo,
      @Nullable String receiver,
      long timestamp) {
    this.sender = sender;
    this.at = at;
    this.ip = ip;
    this.helo = helo;
    this.receiver = receiver;
    this.timestamp = timestamp;
  }

  /**
   * The context for one check, the clock read when {@code %{t}} is first expanded.
   *
   * @param sender the sender, {@code local-part@domain}
   * @param ip the client address
   * @param helo the HELO name, or {@code null}
   * @param receiver the receiving host, or {@code null}
   * @return the context
   */
  public static MacroContext of(
      String sender, IpAddress ip, @Nullable String helo, @Nullable String receiver) {
    return new MacroContext(sender, sender.lastIndexOf('@'), ip, helo, receiver, -1);
  }

  /**
   * The context for one check at a given time.
   *
   * @param sender the sender, {@code local-part@domain}
   * @param ip the client address
   * @param helo the HELO name, or {@code null}
   * @param receiver the receiving host, or {@code null}
   * @param now seconds since the epoch, 0 or more
   * @return the context
   */
  public static MacroContext of(
      String sender, IpAddress ip, @Nullable String helo, @Nullable String receiver, long now) {
    return new MacroContext(sender, sender.lastIndexOf('@'), ip, helo, receiver, now);
  }

  /** {@code s}: the sender. */
  String sender() {
    return sender;
  }

  /** {@code l}: the local part. */
  String localPart() {
    String value = localPart;
    if (value == null) {
      value = at < 0 ? "postmaster" : sender.substring(0, at);
      localPart = value;
    }
    return value;
  }

  /** {@code o}: the sender's domain. */
  String senderDomain() {
    String value = senderDomain;
    if (value == null) {
      value = sender.substring(at + 1);
      senderDomain = value;
    }
    return value;
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
    if (timestamp < 0) {
      timestamp = System.currentTimeMillis() / 1000;
    }
    return timestamp;
  }
}
