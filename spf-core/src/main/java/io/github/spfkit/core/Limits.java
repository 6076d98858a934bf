package io.github.spfkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The processing limits of RFC 7208 §4.6.4 and §11.1, with the RFC's values by default ({@link
 * #RFC}). Raising them makes this checker disagree with others; lowering them is allowed.
 *
 * @param maxDnsTerms DNS-querying terms ({@code include a mx ptr exists redirect}) per evaluation;
 *     one more is {@code permerror}. RFC: 10
 * @param maxVoidLookups lookups answering NXDOMAIN or no records; one more is {@code permerror}.
 *     RFC: 2. Which lookups count is {@code voidLookupCounting}
 * @param maxMxNames MX names one {@code mx} term may have; more is {@code permerror}. RFC: 10
 * @param maxPtrNames PTR names a {@code ptr} term or {@code %{p}} looks at; the rest are
 *     ignored. RFC: 10
 * @param deadline the time one evaluation may take before it ends in {@code temperror}. RFC: at
 *     least 20 seconds
 * @param voidLookupCounting which DNS queries can count as void lookups; {@link
 *     VoidLookupCounting#EVERY_QUERY} by default, as pyspf and Mail::SPF count
 */
public record Limits(
    int maxDnsTerms,
    int maxVoidLookups,
    int maxMxNames,
    int maxPtrNames,
    Duration deadline,
    VoidLookupCounting voidLookupCounting) {

  /**
   * The values RFC 7208 gives: 10, 2, 10, 10 and 20 seconds, with void lookups counted on {@link
   * VoidLookupCounting#EVERY_QUERY every query}.
   */
  public static final Limits RFC =
      new Limits(10, 2, 10, 10, Duration.ofSeconds(20), VoidLookupCounting.EVERY_QUERY);

  /**
   * Which DNS queries count against {@link #maxVoidLookups()}. RFC 7208 §4.6.4 limits "DNS queries
   * ... [that] return either a positive answer (RCODE 0) with an answer count of 0, or a 'Name
   * Error' (RCODE 3)" and applies the limit to "the number of DNS-querying mechanisms", so it can
   * be read two ways:
   *
   * <ul>
   *   <li>{@link #EVERY_QUERY}: every query a term makes counts, its own and the address queries
   *       for the names it found (the hosts of {@code mx}, the names of {@code ptr} and of {@code
   *       %{p}}). This is how both widely deployed references, pyspf (whose maintainer edited RFC
   *       7208) and Mail::SPF, count, so it is the default: a receiver running either of them
   *       rejects a policy whose {@code mx} hosts have no addresses, and a checker that accepts
   *       it would tell its users the policy is fine.
   *   <li>{@link #FIRST_QUERY_OF_TERM}: only the first query of each term counts (the A/AAAA query
   *       of {@code a}, the MX query of {@code mx}, the PTR query of {@code ptr}, the A query of
   *       {@code exists}); the address queries behind {@code mx} and {@code ptr} never do. This
   *       reads the limit as one on void <em>terms</em> and was this library's reading before.
   * </ul>
   *
   * <p>Under both, a query that fails (SERVFAIL, a timeout) is not void, and the record lookups of
   * the checked domain, {@code include} and {@code redirect} are not counted: a missing record
   * there ends the evaluation anyway ({@code none} or {@code permerror}).
   */
  public enum VoidLookupCounting {
    /** Every empty or NXDOMAIN answer to a query made for a term counts (pyspf, Mail::SPF). */
    EVERY_QUERY,
    /** Only the first query of a term counts; address queries for MX and PTR names do not. */
    FIRST_QUERY_OF_TERM
  }

  /**
   * Checks every value is in range.
   *
   * @param maxDnsTerms DNS-querying terms per evaluation; 0 or more (0 makes any such term a
   *     {@code permerror})
   * @param maxVoidLookups void lookups allowed per evaluation; 0 or more
   * @param maxMxNames MX names one {@code mx} term may have; 0 or more
   * @param maxPtrNames PTR names looked at per {@code ptr} term or {@code %{p}}; 0 or more
   * @param deadline the time one evaluation may take; positive, not null
   * @param voidLookupCounting which queries can count as void lookups; not null
   * @throws IllegalArgumentException if a count is negative or the deadline is zero or negative
   */
  public Limits {
    if (maxDnsTerms < 0 || maxVoidLookups < 0 || maxMxNames < 0 || maxPtrNames < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive: " + deadline);
    }
    Objects.requireNonNull(voidLookupCounting, "voidLookupCounting");
  }

  /**
   * Limits with void lookups counted on {@link VoidLookupCounting#EVERY_QUERY every query}.
   *
   * @param maxDnsTerms DNS-querying terms per evaluation; 0 or more
   * @param maxVoidLookups void lookups allowed per evaluation; 0 or more
   * @param maxMxNames MX names one {@code mx} term may have; 0 or more
   * @param maxPtrNames PTR names looked at per {@code ptr} term or {@code %{p}}; 0 or more
   * @param deadline the time one evaluation may take; positive, not null
   * @throws IllegalArgumentException if a count is negative or the deadline is zero or negative
   */
  public Limits(
      int maxDnsTerms, int maxVoidLookups, int maxMxNames, int maxPtrNames, Duration deadline) {
    this(
        maxDnsTerms,
        maxVoidLookups,
        maxMxNames,
        maxPtrNames,
        deadline,
        VoidLookupCounting.EVERY_QUERY);
  }

  /**
   * A copy with another DNS-querying term limit.
   *
   * @param value DNS-querying terms allowed per evaluation; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxDnsTerms(int value) {
    return new Limits(value, maxVoidLookups, maxMxNames, maxPtrNames, deadline, voidLookupCounting);
  }

  /**
   * A copy with another void lookup limit.
   *
   * @param value void lookups (NXDOMAIN or no records) allowed per evaluation; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxVoidLookups(int value) {
    return new Limits(maxDnsTerms, value, maxMxNames, maxPtrNames, deadline, voidLookupCounting);
  }

  /**
   * A copy with another MX name limit.
   *
   * @param value MX names one {@code mx} term may have; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxMxNames(int value) {
    return new Limits(maxDnsTerms, maxVoidLookups, value, maxPtrNames, deadline, voidLookupCounting);
  }

  /**
   * A copy with another PTR name limit.
   *
   * @param value PTR names looked at per {@code ptr} term or {@code %{p}}; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxPtrNames(int value) {
    return new Limits(maxDnsTerms, maxVoidLookups, maxMxNames, value, deadline, voidLookupCounting);
  }

  /**
   * A copy with another deadline.
   *
   * @param value the time one evaluation may take before it ends in {@code temperror}; positive,
   *     not null
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is zero or negative
   */
  public Limits withDeadline(Duration value) {
    return new Limits(maxDnsTerms, maxVoidLookups, maxMxNames, maxPtrNames, value, voidLookupCounting);
  }

  /**
   * A copy with another reading of which queries count as void lookups.
   *
   * @param value which queries can count against {@link #maxVoidLookups()}; not null
   * @return new limits, this one unchanged
   */
  public Limits withVoidLookupCounting(VoidLookupCounting value) {
    return new Limits(maxDnsTerms, maxVoidLookups, maxMxNames, maxPtrNames, deadline, value);
  }
}
