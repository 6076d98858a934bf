package io.github.spfkit.lint;

import java.util.List;
import java.util.Objects;

/**
 * Whether published flattened records still say what the domain's tree says now.
 *
 * @param domain the domain
 * @param published the flattened records as published (read from a zone file, say)
 * @param proof the published records checked against the tree as DNS has it now
 * @param added ranges a flattening made now gives {@code pass} for and the published records do not
 * @param removed ranges the published records give {@code pass} for and a flattening made now does not
 * @param now a flattening made now, or why there is none
 */
public record Drift(
    String domain,
    List<FlatRecord> published,
    EquivalenceProof proof,
    List<String> added,
    List<String> removed,
    FlattenResult now) {

  /**
   * Checks the parts and copies the lists.
   *
   * @param domain the domain
   * @param published the records as published
   * @param proof the published records against the tree now
   * @param added ranges only a flattening made now covers
   * @param removed ranges only the published records cover
   * @param now a flattening made now, or why there is none
   */
  public Drift {
    Objects.requireNonNull(domain, "domain");
    published = List.copyOf(published);
    Objects.requireNonNull(proof, "proof");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    Objects.requireNonNull(now, "now");
  }

  /**
   * Whether the published records are out of date: they give another result than the tree for
   * some address, or cover other ranges than a flattening made now.
   *
   * @return true on drift
   */
  public boolean drifted() {
    return !proof.holds() || !added.isEmpty() || !removed.isEmpty();
  }
}
