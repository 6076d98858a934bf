package io.github.spfkit.lint;

import java.util.Locale;

/** Why a term or a query counts against a limit of RFC 7208 §4.6.4. */
public enum Rule {
  /**
   * The term is one of the DNS-querying terms {@code include}, {@code a}, {@code mx}, {@code ptr},
   * {@code exists} and {@code redirect}: at most 10 per evaluation (RFC 7208 §4.6.4).
   */
  DNS_QUERYING_TERM("RFC 7208 §4.6.4: include, a, mx, ptr, exists and redirect count"),
  /**
   * The term's own query (the A or AAAA of {@code a}, the MX of {@code mx}, the A of {@code
   * exists}): a void answer counts under both readings of the void limit.
   */
  TERM_QUERY("RFC 7208 §4.6.4: the term's own query; a void answer counts under both readings"),
  /**
   * The address query of a host an {@code mx} term found: a void answer counts only where every
   * query counts ({@link io.github.spfkit.core.Limits.VoidLookupCounting#EVERY_QUERY}).
   */
  MX_HOST_ADDRESS("RFC 7208 §4.6.4, §5.4: the address of an MX host; void counts per query only"),
  /**
   * The names a {@code ptr} term (or {@code %{p}}) validates: at most 10 are looked at, and which
   * they are depends on the sender's address (RFC 7208 §4.6.4, §5.5).
   */
  PTR_NAME("RFC 7208 §4.6.4, §5.5: PTR names of the sender, at most 10; depend on the sender");

  private final String citation;

  Rule(String citation) {
    this.citation = citation;
  }

  /**
   * The rule with its RFC section, for people.
   *
   * @return a short sentence citing RFC 7208
   */
  public String citation() {
    return citation;
  }

  /**
   * The name as JSON writes it: {@code dns-querying-term}.
   *
   * @return the lower-case kebab name
   */
  public String kebab() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
