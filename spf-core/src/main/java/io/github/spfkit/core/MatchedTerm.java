package io.github.spfkit.core;

import io.github.spfkit.core.record.Mechanism;
import java.util.Objects;

/**
 * The mechanism that decided a result, and where it was written.
 *
 * @param mechanism the mechanism
 * @param domain the domain whose record holds it (the checked domain, or an included or
 *     redirected one)
 * @param record the text of that record
 */
public record MatchedTerm(Mechanism mechanism, String domain, String record) {
  /**
   * Checks all parts.
   *
   * @param mechanism the deciding mechanism; not null
   * @param domain the domain whose record holds it; not null
   * @param record the text of that record; not null
   * @throws NullPointerException if any part is null
   */
  public MatchedTerm {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
  }

  /** The mechanism's canonical text, e.g. {@code -all} or {@code ip4:192.0.2.0/24}. */
  @Override
  public String toString() {
    return mechanism.toString();
  }
}
