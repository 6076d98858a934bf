package io.github.spfkit.lint;

import io.github.spfkit.core.Result;
import java.util.List;
import java.util.Objects;

/**
 * The check that flattened records mean what the original tree means: for every probe address
 * (both ends of every range in either, the addresses just outside them, and per family the lowest
 * and highest address outside all of them), {@code check_host()} over the flattened records gives
 * the result the original gives when it does not run out of lookups, or the one it gives within
 * the limits (where the flattened records keep what makes the original run out).
 *
 * @param probes how many addresses were checked
 * @param rescued probes for which the original, within the limits, runs out of lookups (or void
 *     lookups) before it reaches its answer, and the flattened records give that answer
 * @param mismatches the probes where the results differ, at most {@link #MAX_MISMATCHES}
 * @param mismatchCount how many probes differ in all
 */
public record EquivalenceProof(int probes, int rescued, List<Mismatch> mismatches, int mismatchCount) {

  /** The most mismatches kept for the report. */
  public static final int MAX_MISMATCHES = 20;

  /**
   * Checks the parts and copies the list.
   *
   * @param probes how many addresses were checked
   * @param rescued probes the original ran out of lookups on
   * @param mismatches the probes where the results differ
   * @param mismatchCount how many differ in all
   */
  public EquivalenceProof {
    mismatches = List.copyOf(mismatches);
  }

  /**
   * Whether every probe gave the same result.
   *
   * @return true if nothing differs and something was probed
   */
  public boolean holds() {
    return mismatchCount == 0 && probes > 0;
  }

  /**
   * One probe whose results differ.
   *
   * @param ip the client address
   * @param original the original tree's result, without running out of lookups
   * @param flattened the flattened records' result, within the limits
   */
  public record Mismatch(String ip, Result original, Result flattened) {
    /**
     * Checks the parts.
     *
     * @param ip the client address
     * @param original the original's result
     * @param flattened the flattened records' result
     */
    public Mismatch {
      Objects.requireNonNull(ip, "ip");
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(flattened, "flattened");
    }

    @Override
    public String toString() {
      return ip + ": " + original.name().toLowerCase(java.util.Locale.ROOT) + " -> "
          + flattened.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
