package io.github.spfkit.diagnosis;

/**
 * The root cause of a bounce, with stable names a program may act on. Most SPF causes can only
 * be told apart by a live analysis of the sender's records: see each constant.
 */
public enum Cause {
  /** The client IP is not authorized by the envelope domain's record ({@code fail} for it). */
  IP_NOT_AUTHORIZED,
  /**
   * The failing SPF check was made on an internal hop: the client IP is a loopback, private,
   * unique-local, link-local or shared (CGNAT) address, or the rejecting server's own address. No
   * receiver on the Internet sees such an address, so it is never proposed for a public record;
   * the returned message's {@code Received} chain names the nearest public address when it is there.
   */
  INTERNAL_HOP,
  /** The message was forwarded, expanded or relayed by a system that the sender's record does not list. */
  FORWARDING,
  /** More than 10 DNS-querying terms in the record's tree: {@code permerror} (RFC 7208 §4.6.4). */
  TOO_MANY_LOOKUPS,
  /** More than 2 lookups answered NXDOMAIN or no records: {@code permerror} (RFC 7208 §4.6.4). */
  TOO_MANY_VOID_LOOKUPS,
  /** More than one {@code v=spf1} record at one name: {@code permerror} (RFC 7208 §4.5). */
  MULTIPLE_RECORDS,
  /** A record in the tree does not parse, or names something that cannot be used: {@code permerror}. */
  SYNTAX_ERROR,
  /** The domain exists and publishes no SPF record: {@code none}, and the bounce does not contradict it. */
  NO_SPF_RECORD,
  /**
   * The domain does not exist as this diagnoser's DNS sees it (NXDOMAIN), and the bounce does not
   * say the receiver found a record: the sender uses a name that is not public, or this machine
   * sees another view of DNS. No record is proposed for a domain that does not exist.
   */
  NO_SUCH_DOMAIN,
  /**
   * The bounce and DNS now disagree: the bounce says {@code fail}, {@code softfail} or {@code
   * permerror} (so the receiver found a record) but DNS here shows no such domain or no SPF record.
   * Both sides are in the evidence; no record is proposed. (A bounce contradicted by a {@code pass}
   * now is {@link #PASSES_NOW}.)
   */
  EVIDENCE_CONFLICT,
  /**
   * DNS failed for the sender's names while others answered: {@code temperror}; usually transient,
   * else the sender's (or an included provider's) name servers are at fault.
   */
  DNS_ERROR,
  /**
   * This machine could not ask DNS at all: neither the sender's domain nor its top-level domain got
   * any answer (nothing listening, every query timed out). Says nothing about the sender's DNS.
   */
  DNS_UNAVAILABLE,
  /** The HELO name's record does not authorize the client. */
  HELO_FAILED,
  /**
   * Microsoft 365 outbound mail failed SPF although the domain authorizes Microsoft 365: the message
   * left through the High Risk Delivery Pool or the relay pool (40.95.0.0/16), which the published
   * {@code spf.protection.outlook.com} does not cover.
   */
  HIGH_RISK_DELIVERY_POOL,
  /** The record ends in softfail or neutral and the receiver rejected anyway: its own policy is stricter. */
  RECEIVER_POLICY,
  /** DMARC failed: the From domain is not aligned with a passing SPF or DKIM domain. */
  DMARC_ALIGNMENT,
  /** The receiver requires authentication (SPF and/or DKIM) that the message did not have. */
  AUTH_REQUIRED,
  /**
   * The record passes for the client IP today although the bounce reported a failure: fixed since,
   * a transient failure, or a different view of DNS; the evidence shows both sides.
   */
  PASSES_NOW,
  /** The bounce is not about SPF or authentication. */
  NOT_SPF,
  /** The bounce is about SPF but the facts or DNS do not tell which cause. */
  UNDETERMINED
}
