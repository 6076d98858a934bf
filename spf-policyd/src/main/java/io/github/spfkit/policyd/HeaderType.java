package io.github.spfkit.policyd;

/** The header field a decision prepends: {@code Header_Type} in {@code policyd-spf.conf(5)}. */
public enum HeaderType {
  /** {@code SPF}: {@code Received-SPF} (RFC 7208 §9.1), the default. */
  SPF,
  /** {@code AR}: {@code Authentication-Results} (RFC 8601) with {@code Authserv_Id}. */
  AR,
  /** {@code None}: no header; what would be prepended is answered with {@code DUNNO}. */
  NONE
}
