package io.github.spfkit.diagnosis;

/**
 * What the rejecting server's text says the bounce is about. Decided from the reply text first and
 * from the enhanced status code second, because vendors use codes differently (Gmail's 4.7.23 is
 * about reverse DNS, GoDaddy rejects SPF failures with 5.1.0, RFC 7505's X.7.27 is a null MX).
 * Headers of the returned message never decide it.
 */
public enum Category {
  /** The receiver says SPF failed (a {@code fail} result): 5.7.23, Gmail's hard-fail text, policyd-spf. */
  SPF_FAIL,
  /** SPF validation gave an error: {@code permerror} or {@code temperror} (X.7.24, "too many lookups"). */
  SPF_ERROR,
  /** The HELO identity failed SPF ({@code s=helo}, {@code scope=helo}). */
  SPF_HELO,
  /** A softfail, neutral or none result was rejected by the receiver's own policy. */
  SPF_POLICY,
  /** The receiver requires SPF and/or DKIM to pass (Gmail and Yahoo bulk rules, Outlook 5.7.515, X.7.26). */
  AUTH_REQUIRED,
  /** A DMARC policy rejection. */
  DMARC,
  /** Not an authentication bounce (unknown user, blocklist, relay denied, content, size ...). */
  NOT_SPF;

  /**
   * Whether this category is about SPF itself, or about authentication that SPF is part of.
   *
   * @return {@code false} only for {@link #NOT_SPF}
   */
  public boolean isAuthentication() {
    return this != NOT_SPF;
  }
}
