package io.github.spfkit.policyd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One policy delegation request: the {@code name=value} attributes Postfix sent, as it sent them
 * (Postfix's SMTPD_POLICY_README, "Protocol description"). Immutable.
 *
 * <p>The accessors name the attributes a decision reads. An attribute Postfix left empty (such as
 * {@code queue_id} at RCPT, or {@code sender} for the null reverse-path) reads as the empty string;
 * one it did not send at all reads as {@code null}.
 *
 * @param attributes the attributes in the order received; copied; a repeated name keeps its last
 *     value, as in policyd-spf
 */
public record PolicyRequest(Map<String, String> attributes) {

  /** The only {@code request} value Postfix's SMTP server sends. */
  public static final String SMTPD_ACCESS_POLICY = "smtpd_access_policy";

  /**
   * Copies the attributes.
   *
   * @param attributes the attributes; not null, no null keys or values
   * @throws NullPointerException if the map, a key or a value is null
   */
  public PolicyRequest {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * A request from attribute pairs, for tests and embedding MTAs.
   *
   * @param namesAndValues name, value, name, value ...; not null
   * @return the request
   * @throws IllegalArgumentException if an odd number of strings is given
   */
  public static PolicyRequest of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(
          Objects.requireNonNull(namesAndValues[i], "name"),
          Objects.requireNonNull(namesAndValues[i + 1], "value"));
    }
    return new PolicyRequest(map);
  }

  /**
   * One attribute.
   *
   * @param name the attribute name, e.g. {@code client_address}
   * @return its value, or null if the request did not carry it
   */
  public @Nullable String get(String name) {
    return attributes.get(name);
  }

  /**
   * The request type.
   *
   * @return {@code request}, normally {@value #SMTPD_ACCESS_POLICY}; null if missing
   */
  public @Nullable String request() {
    return get("request");
  }

  /**
   * The SMTP stage.
   *
   * @return {@code protocol_state}, e.g. {@code RCPT}; null if missing
   */
  public @Nullable String protocolState() {
    return get("protocol_state");
  }

  /**
   * The SMTP client's address.
   *
   * @return {@code client_address}; null if missing
   */
  public @Nullable String clientAddress() {
    return get("client_address");
  }

  /**
   * The SMTP client's verified host name.
   *
   * @return {@code client_name}, {@code unknown} when Postfix has none; null if missing
   */
  public @Nullable String clientName() {
    return get("client_name");
  }

  /**
   * The HELO/EHLO name.
   *
   * @return {@code helo_name}, empty if the client sent none; null if missing
   */
  public @Nullable String heloName() {
    return get("helo_name");
  }

  /**
   * The MAIL FROM address.
   *
   * @return {@code sender}, empty for the null reverse-path; null if missing
   */
  public @Nullable String sender() {
    return get("sender");
  }

  /**
   * The RCPT TO address.
   *
   * @return {@code recipient}; null if missing
   */
  public @Nullable String recipient() {
    return get("recipient");
  }

  /**
   * The transaction identifier: the same for every RCPT of one message transaction.
   *
   * @return {@code instance}; null if missing
   */
  public @Nullable String instance() {
    return get("instance");
  }

  /**
   * The queue id.
   *
   * @return {@code queue_id}, empty at RCPT time before Postfix assigned one; null if missing
   */
  public @Nullable String queueId() {
    return get("queue_id");
  }
}
