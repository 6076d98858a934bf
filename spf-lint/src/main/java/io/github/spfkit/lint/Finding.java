package io.github.spfkit.lint;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem or remark about an SPF record or tree.
 *
 * @param code what kind of finding it is; the names are stable
 * @param severity how bad it is
 * @param message a sentence for people with the real names and counts
 * @param position the 0-based character offset in {@link #domain()}'s record where the problem
 *     starts, or {@code null} when it is about the record as a whole or the tree
 * @param domain the domain whose record the finding is about
 */
public record Finding(
    Code code, Severity severity, String message, @Nullable Integer position, String domain) {

  /**
   * Checks the required parts.
   *
   * @param code what kind of finding it is; the names are stable
   * @param severity how bad it is
   * @param message a sentence for people with the real names and counts
   * @param position the 0-based character offset in {@link #domain()}'s record where the problem
   *     starts, or {@code null} when it is about the record as a whole or the tree
   * @param domain the domain whose record the finding is about
   * @throws IllegalArgumentException if {@code position} is negative
   */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(domain, "domain");
    if (position != null && position < 0) {
      throw new IllegalArgumentException("negative position");
    }
  }

  /** How bad a finding is. */
  public enum Severity {
    /** Receivers will get {@code permerror}, {@code temperror} or {@code none}, or the record is unsafe: fix it. */
    ERROR,
    /** Works, but is fragile, discouraged, or read differently by different receivers. */
    WARNING,
    /** Worth knowing. */
    INFO
  }

  /** The kinds of finding, each with the severity it is reported with. */
  public enum Code {
    /** More DNS-querying terms than the limit (10) when nothing matches (RFC 7208 §4.6.4). */
    TOO_MANY_LOOKUPS(Severity.ERROR),
    /**
     * More void lookups than the limit (2) when nothing matches, for IPv4 and for IPv6 senders
     * alike (RFC 7208 §4.6.4).
     */
    TOO_MANY_VOID_LOOKUPS(Severity.ERROR),
    /**
     * Senders of one address family get more void lookups than the limit and the others do not:
     * only {@code a} and {@code mx} hosts without AAAA (or without A) records differ.
     */
    VOID_LIMIT_ONE_FAMILY(Severity.ERROR),
    /** More than one {@code v=spf1} record at one name (RFC 7208 §4.5). */
    MULTIPLE_RECORDS(Severity.ERROR),
    /** The record does not parse (RFC 7208 §4.6, §12). */
    SYNTAX_ERROR(Severity.ERROR),
    /** The domain publishes no SPF record (RFC 7208 §4.5). */
    NO_RECORD(Severity.ERROR),
    /** An {@code mx} term names a domain with more than 10 MX names (RFC 7208 §4.6.4). */
    TOO_MANY_MX(Severity.ERROR),
    /** An {@code include} or {@code redirect} names a domain without an SPF record: permerror. */
    INCLUDE_NO_RECORD(Severity.ERROR),
    /** A DNS lookup failed temporarily while linting: receivers would get {@code temperror}. */
    DNS_ERROR(Severity.ERROR),
    /** The tree includes a domain that includes it again: receivers hit the lookup limit. */
    INCLUDE_LOOP(Severity.ERROR),
    /** {@code +all} authorizes every host on the Internet. */
    PASS_ALL(Severity.ERROR),
    /**
     * A TXT record at the name differs from a valid SPF record only in case or white space
     * ({@code V=SPF1}, {@code " v=spf1"}, {@code v=spf1  -all}); receivers that compare exactly
     * ignore it or read it differently.
     */
    NEAR_MISS_RECORD(Severity.WARNING),
    /** The two readings of the void lookup limit (per query, per term) give different results. */
    VOID_READINGS_DIFFER(Severity.WARNING),
    /**
     * A term's query answered NXDOMAIN or no records: a void lookup. A host with addresses of one
     * family only is not reported here (it is void for the other family's senders only; see {@link
     * #VOID_LIMIT_ONE_FAMILY}).
     */
    VOID_LOOKUP(Severity.WARNING),
    /** {@code ?all} states nothing about unlisted hosts. */
    NEUTRAL_ALL(Severity.WARNING),
    /** {@code ptr} is slow and discouraged (RFC 7208 §5.5). */
    PTR_MECHANISM(Severity.WARNING),
    /** The record is longer than 450 bytes, so answers may not fit in UDP (RFC 7208 §3.4). */
    RECORD_TOO_LONG(Severity.WARNING),
    /** A record over 255 bytes must be published as several strings of at most 255 (RFC 7208 §3.3). */
    STRING_TOO_LONG(Severity.WARNING),
    /**
     * The TXT answer at the name is over 512 bytes: receivers need TCP (or EDNS0), and those whose
     * TCP is blocked get {@code temperror} (RFC 7208 §3.4).
     */
    ANSWER_NEEDS_TCP(Severity.WARNING),
    /** The same domain is included more than once in the tree: each costs lookups again. */
    DUPLICATE_INCLUDE(Severity.WARNING),
    /** {@code redirect} is ignored because the record has an {@code all} (RFC 7208 §6.1). */
    REDIRECT_WITH_ALL(Severity.WARNING),
    /** Terms after {@code all} are never evaluated. */
    TERMS_AFTER_ALL(Severity.WARNING),
    /** The {@code exp} target has no usable explanation (RFC 7208 §6.2). */
    EXP_PROBLEM(Severity.WARNING),
    /** An {@code ip4}/{@code ip6} range is inside an earlier one of the same record: it never decides anything. */
    REDUNDANT_RANGE(Severity.INFO),
    /** Two {@code ip4}/{@code ip6} ranges of one record overlap without one containing the other. */
    OVERLAPPING_RANGES(Severity.INFO),
    /** The record has no {@code all} and no {@code redirect}: unlisted hosts get {@code neutral}. */
    NO_ALL(Severity.INFO),
    /**
     * An RFC 6652 reporting modifier ({@code ra=}, {@code rp=}, {@code rr=}): receivers that do
     * not report ignore it, which is fine.
     */
    REPORTING_MODIFIER(Severity.INFO),
    /** A modifier this library does not know; receivers ignore it (RFC 7208 §6). */
    UNKNOWN_MODIFIER(Severity.INFO),
    /** A type-99 SPF record is published; no receiver reads it (RFC 7208 §3.1, §14.1). */
    SPF_TYPE_RECORD(Severity.INFO);

    private final Severity severity;

    Code(Severity severity) {
      this.severity = severity;
    }

    /**
     * The severity findings of this code are reported with.
     *
     * @return the severity
     */
    public Severity severity() {
      return severity;
    }

    /**
     * The code in lower-case kebab form, as JSON writes it: {@code too-many-lookups}.
     *
     * @return the name in lower case with hyphens
     */
    public String kebab() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
