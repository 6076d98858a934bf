package io.github.spfkit.core;

/** The identity an SPF check authorizes (RFC 7208 §2.3, §2.4). */
public enum Identity {
  /** The MAIL FROM reverse-path, or {@code postmaster@} the HELO name for the null sender. */
  MAIL_FROM("mailfrom"),
  /** The HELO/EHLO domain. */
  HELO("helo");

  private final String token;

  Identity(String token) {
    this.token = token;
  }

  /**
   * The name used by {@code Received-SPF} ({@code identity=}) and RFC 8601 ({@code smtp.*}).
   *
   * @return {@code mailfrom} or {@code helo}
   */
  public String token() {
    return token;
  }
}
