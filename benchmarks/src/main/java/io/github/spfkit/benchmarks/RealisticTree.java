package io.github.spfkit.benchmarks;

/**
 * The checks and records measured on {@code realistic-tree.zone}, as in the jSPF figures of the
 * benchmarks issue (shared/bench/README.md).
 *
 * <p>The tree has 8 DNS-querying terms: {@code example.com} includes {@code _spf.a.example} (which
 * includes {@code _spf1.a.example} and {@code _spf2.a.example}, the latter with {@code
 * a:relay.a.example}) and {@code _spf.b.example} (which includes {@code _spf1.b.example} with
 * {@code a:out.b.example}), then ends with {@code mx}. A full evaluation asks 11 questions here
 * (jSPF asks 17: it asks type-99 SPF before each TXT).
 */
final class RealisticTree {
  private RealisticTree() {}

  /** The domain checked. */
  static final String DOMAIN = "example.com";

  /** MAIL FROM of every check. */
  static final String SENDER = "user@example.com";

  /** HELO of every check. */
  static final String HELO = "mail.example.com";

  /** Matches the last term, {@code mx} (the second exchange): every term is evaluated. */
  static final String IP_PASS_VIA_MX = "198.18.0.2";

  /** Matches nothing: {@code -all} fails, after every term is evaluated. */
  static final String IP_NO_MATCH = "198.18.5.5";

  /** Matches {@code a:relay.a.example}, two includes deep. */
  static final String IP_PASS_VIA_INCLUDE = "198.51.100.200";

  /** Matches {@code ip4:192.0.2.0/24} in the top record, after both includes. */
  static final String IP_PASS_VIA_IP4 = "192.0.2.77";

  /** Questions this library asks for a full evaluation: 6 TXT, 2 A for a-terms, MX, 2 A. */
  static final int QUERIES = 11;

  /**
   * Round trips that must follow one another however much is overlapped: the top record; the
   * includes' records and the MX; the nested includes' records and the exchanges' addresses; the
   * addresses named by the nested includes' {@code a} terms.
   */
  static final int DEPTH = 4;

  /** The short record of the parse figures: the top record of the tree. */
  static final String SHORT_RECORD =
      "v=spf1 include:_spf.a.example include:_spf.b.example ip4:192.0.2.0/24 mx -all";

  /** The long record of the parse figures: 12 terms, macros. */
  static final String LONG_RECORD =
      "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ip4:203.0.113.0/24 ip6:2001:db8::/32 a"
          + " mx:mx.%{d} include:_spf.a.example include:_spf.b.example exists:%{i}._spf.%{d}"
          + " ptr:example.com ~all exp=explain._spf.%{d}";
}
