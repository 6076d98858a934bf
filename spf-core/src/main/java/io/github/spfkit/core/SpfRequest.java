package io.github.spfkit.core;

import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SPF check to run: the client, the identity and the {@code check_host()} arguments (RFC 7208
 * §4.1) derived from it. Build it with {@link #mailFrom(IpAddress, String, String)} or {@link
 * #helo(IpAddress, String)}, which apply the RFC's rules for the null sender and a missing local
 * part; evaluate it with {@link SpfChecker#evaluate(SpfRequest)}. Immutable.
 *
 * @param ip the client's address
 * @param identity the identity checked
 * @param domain the domain {@code check_host()} starts from
 * @param sender the sender as checked, {@code local-part@domain}
 * @param helo the HELO/EHLO name, or {@code null} if not known
 * @param receiver the receiving host's name, or {@code null} for the checker's
 */
public record SpfRequest(
    IpAddress ip,
    Identity identity,
    String domain,
    String sender,
    @Nullable String helo,
    @Nullable String receiver) {

  /**
   * Checks the required parts.
   *
   * @param ip the client's address; not null
   * @param identity the identity checked; not null
   * @param domain the domain {@code check_host()} starts from; not null (an invalid name gives
   *     {@code none} when evaluated)
   * @param sender the sender as checked, {@code local-part@domain}; not null
   * @param helo the HELO/EHLO name, or null if not known
   * @param receiver the receiving host's name, or null for the checker's
   * @throws NullPointerException if a required part is null
   */
  public SpfRequest {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(sender, "sender");
  }

  /**
   * A check of the MAIL FROM identity (RFC 7208 §2.4). The null reverse-path ({@code <>} or
   * empty) is checked as {@code postmaster@} the HELO name; a reverse-path without a local part
   * as {@code postmaster@} its domain (§4.3).
   *
   * @param ip the client's address; not null
   * @param reversePath the MAIL FROM address, with or without angle brackets, white space around
   *     it ignored; not null
   * @param helo the HELO/EHLO name, white space around it ignored, or null if not known
   * @return the request
   * @throws IllegalArgumentException if the reverse-path is null and no HELO name is given
   */
  public static SpfRequest mailFrom(IpAddress ip, String reversePath, @Nullable String helo) {
    Objects.requireNonNull(ip, "ip");
    String sender = Objects.requireNonNull(reversePath, "reversePath").trim();
    if (sender.startsWith("<") && sender.endsWith(">")) {
      sender = sender.substring(1, sender.length() - 1);
    }
    String heloName = helo == null ? null : helo.trim();
    if (sender.isEmpty()) {
      if (heloName == null) {
        throw new IllegalArgumentException(
            "the null sender is checked as postmaster@HELO: a HELO name is needed");
      }
      return new SpfRequest(
          ip, Identity.MAIL_FROM, heloName, "postmaster@" + heloName, heloName, null);
    }
    int at = sender.lastIndexOf('@');
    String domain = sender.substring(at + 1);
    String effective = at <= 0 ? "postmaster@" + domain : sender;
    return new SpfRequest(ip, Identity.MAIL_FROM, domain, effective, heloName, null);
  }

  /**
   * A check of the HELO identity (RFC 7208 §2.3): the HELO name's policy, with {@code
   * postmaster@} the HELO name as the sender.
   *
   * @param ip the client's address; not null
   * @param helo the HELO/EHLO name, white space around it ignored; not null
   * @return the request
   */
  public static SpfRequest helo(IpAddress ip, String helo) {
    Objects.requireNonNull(ip, "ip");
    String name = Objects.requireNonNull(helo, "helo").trim();
    return new SpfRequest(ip, Identity.HELO, name, "postmaster@" + name, name, null);
  }

  /**
   * A copy with a receiving host's name, for {@code %{r}} and headers.
   *
   * @param name the receiving host's domain name, e.g. {@code mx.example.org}; not null
   * @return a new request, this one unchanged
   */
  public SpfRequest withReceiver(String name) {
    return new SpfRequest(ip, identity, domain, sender, helo, Objects.requireNonNull(name, "name"));
  }
}
