package io.github.spfkit.core;

import java.util.Locale;

/** The seven results of {@code check_host()} (RFC 7208 §2.6, §8). */
public enum Result {
  /** No syntactically valid domain, or no SPF record (§2.6.1, §8.1). */
  NONE,
  /** The domain owner states nothing about the client (§2.6.2, §8.2). */
  NEUTRAL,
  /** The client is authorized (§2.6.3, §8.3). */
  PASS,
  /** The client is not authorized (§2.6.4, §8.4). */
  FAIL,
  /** The client is probably not authorized (§2.6.5, §8.5). */
  SOFTFAIL,
  /** A transient, usually DNS, error (§2.6.6, §8.6). */
  TEMPERROR,
  /** The published records could not be interpreted (§2.6.7, §8.7). */
  PERMERROR;

  /**
   * The lower-case name used in headers and by the RFC: {@code pass}, {@code softfail}, ...
   *
   * @return this result's name in lower case, e.g. {@code temperror}
   */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The result named by {@code token}, ignoring case.
   *
   * @param token a result name such as {@code pass}
   * @return the result
   * @throws IllegalArgumentException for an unknown name
   */
  public static Result fromToken(String token) {
    return valueOf(token.toUpperCase(Locale.ROOT));
  }
}
