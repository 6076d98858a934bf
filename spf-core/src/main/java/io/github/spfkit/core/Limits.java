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
 *     RFC: 2
 * @param maxMxNames MX names one {@code mx} term may have; more is {@code permerror}. RFC: 10
 * @param maxPtrNames PTR names a {@code ptr} term or {@code %{p}} looks at; the rest are
 *     ignored. RFC: 10
 * @param deadline the time one evaluation may take before it ends in {@code temperror}. RFC: at
 *     least 20 seconds
 */
public record Limits(
    int maxDnsTerms, int maxVoidLookups, int maxMxNames, int maxPtrNames, Duration deadline) {

  /** The values RFC 7208 gives: 10, 2, 10, 10 and 20 seconds. */
  public static final Limits RFC = new Limits(10, 2, 10, 10, Duration.ofSeconds(20));

  /**
   * Checks every value is in range.
   *
   * @param maxDnsTerms DNS-querying terms per evaluation; 0 or more (0 makes any such term a
   *     {@code permerror})
   * @param maxVoidLookups void lookups allowed per evaluation; 0 or more
   * @param maxMxNames MX names one {@code mx} term may have; 0 or more
   * @param maxPtrNames PTR names looked at per {@code ptr} term or {@code %{p}}; 0 or more
   * @param deadline the time one evaluation may take; positive, not null
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
  }

  /**
   * A copy with another DNS-querying term limit.
   *
   * @param value DNS-querying terms allowed per evaluation; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxDnsTerms(int value) {
    return new Limits(value, maxVoidLookups, maxMxNames, maxPtrNames, deadline);
  }

  /**
   * A copy with another void lookup limit.
   *
   * @param value void lookups (NXDOMAIN or no records) allowed per evaluation; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxVoidLookups(int value) {
    return new Limits(maxDnsTerms, value, maxMxNames, maxPtrNames, deadline);
  }

  /**
   * A copy with another MX name limit.
   *
   * @param value MX names one {@code mx} term may have; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxMxNames(int value) {
    return new Limits(maxDnsTerms, maxVoidLookups, value, maxPtrNames, deadline);
  }

  /**
   * A copy with another PTR name limit.
   *
   * @param value PTR names looked at per {@code ptr} term or {@code %{p}}; 0 or more
   * @return new limits, this one unchanged
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Limits withMaxPtrNames(int value) {
    return new Limits(maxDnsTerms, maxVoidLookups, maxMxNames, value, deadline);
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
    return new Limits(maxDnsTerms, maxVoidLookups, maxMxNames, maxPtrNames, value);
  }
}
