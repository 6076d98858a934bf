package io.github.spfkit.dns.differential;

/**
 * Something the generator put into a case's world on purpose, recorded so that a disagreement rule
 * can tell a known difference from an unknown one. A fact says what is in the data, never what the
 * result should be.
 */
enum Fact {
  /** A record has both {@code redirect=} and an {@code all} mechanism (the redirect is unused, §6.1). */
  UNUSED_REDIRECT,
  /** The checked domain is a single label, too long, or has a label over 63 octets (§4.3). */
  INVALID_SENDER_DOMAIN,
  /** A CNAME points at a name without an address of the client's family (or at nothing). */
  CNAME_TO_NOTHING,
  /** A CNAME chain loops. */
  CNAME_LOOP,
  /** A syntax error sits in a term after one that may match, or in a modifier's macro. */
  LATE_SYNTAX_ERROR,
  /** An {@code mx} names more than 10 hosts (§4.6.4). */
  MX_OVER_TEN,
  /** A {@code ptr} or {@code %{p}} meets more than 10 PTR names (§4.6.4). */
  PTR_OVER_TEN,
  /** An {@code ip6:} network in, or holding, the IPv4-mapped range {@code ::ffff:0:0/96}. */
  IP6_MAPPED_NETWORK,
  /** An upper-case macro letter expands a value with characters to URL-escape (§7.3). */
  UPPER_CASE_ESCAPE,
  /** A literal domain-spec is longer than 253 characters (§7.3). */
  LONG_LITERAL,
  /** An expanded domain-spec is longer than 253 characters (§7.3). */
  LONG_EXPANSION,
  /** {@code c}, {@code r} or {@code t} appears outside {@code exp} text (§7.2). */
  EXP_ONLY_MACRO_OUTSIDE_EXP,
  /** A macro splits its value on a delimiter other than {@code .} (§7.3: rejoined with dots). */
  DELIMITER_SPLITS,
  /** A macro has the digit transformer {@code 0} (§7.3: the value must be nonzero). */
  MACRO_DIGIT_ZERO,
  /** A macro letter in a domain-spec or exp text is {@code p} (§7.3). */
  P_MACRO,
  /** The sender's local part has characters that are not valid in a DNS label. */
  ODD_LOCAL_PART,
  /** The sender has no local part ({@code postmaster} is used, §4.3). */
  NO_LOCAL_PART,
  /** A domain-spec with an empty label or a label starting with a hyphen, or ending in a dot. */
  ODD_DOMAIN_SPEC,
  /** A PTR name's forward lookup is answered by the SERVFAIL zone. */
  PTR_TARGET_SERVFAIL,
  /** An {@code a} target or MX host (maybe behind a CNAME) is in the SERVFAIL zone. */
  HOST_SERVFAIL,
  /** A record's text is split over several TXT strings (§3.3). */
  SPLIT_TXT,
  /** An {@code exp=} names a domain whose TXT is not a single valid explanation (§6.2). */
  BROKEN_EXP,
  /** An {@code a} or {@code mx} has a CIDR length with a leading zero or out of range. */
  ODD_CIDR,
  /** DNS-querying terms or void lookups are at or around their limits (§4.6.4). */
  NEAR_LIMITS,
  /** The client's address is an IPv4-mapped IPv6 address. */
  MAPPED_CLIENT
}
