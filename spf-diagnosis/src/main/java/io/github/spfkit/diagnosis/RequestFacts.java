package io.github.spfkit.diagnosis;

import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the user knows about the rejected delivery and a pasted reply may lack: the envelope sender
 * (or just its domain), the client IP the receiver saw, the HELO name. What is given here wins over
 * what is read from the bounce; {@link Diagnosis#sources()} says which facts came from where.
 * Immutable; build it with the withers from {@link #NONE}.
 *
 * @param sender the envelope sender (MAIL FROM), {@code alice@example.com}, or a bare domain; or
 *     {@code null}
 * @param ip the client IP the receiver checked, or {@code null}
 * @param helo the HELO/EHLO name the client gave, or {@code null}
 */
public record RequestFacts(@Nullable String sender, @Nullable IpAddress ip, @Nullable String helo) {

  /** No facts from the user: everything is read from the bounce. */
  public static final RequestFacts NONE = new RequestFacts(null, null, null);

  /**
   * Checks the texts.
   *
   * @param sender the envelope sender or a bare domain, or {@code null}
   * @param ip the client IP, or {@code null}
   * @param helo the HELO name, or {@code null}
   * @throws IllegalArgumentException if {@code sender} or {@code helo} is blank or has whitespace
   */
  public RequestFacts {
    if (sender != null && (sender.isBlank() || sender.strip().chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("sender must be an address or a domain: '" + sender + "'");
    }
    if (helo != null && (helo.isBlank() || helo.strip().chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("helo must be a host name: '" + helo + "'");
    }
    sender = sender == null ? null : sender.strip();
    helo = helo == null ? null : helo.strip();
  }

  /**
   * These facts with another sender.
   *
   * @param sender the envelope sender, {@code alice@example.com}, or a bare domain
   * @return a new value
   */
  public RequestFacts withSender(String sender) {
    return new RequestFacts(Objects.requireNonNull(sender, "sender"), ip, helo);
  }

  /**
   * These facts with another client IP.
   *
   * @param ip the client IP the receiver checked
   * @return a new value
   */
  public RequestFacts withIp(IpAddress ip) {
    return new RequestFacts(sender, Objects.requireNonNull(ip, "ip"), helo);
  }

  /**
   * These facts with another HELO name.
   *
   * @param helo the HELO/EHLO name
   * @return a new value
   */
  public RequestFacts withHelo(String helo) {
    return new RequestFacts(sender, ip, Objects.requireNonNull(helo, "helo"));
  }
}
