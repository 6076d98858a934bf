package io.github.spfkit.lint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SpfFlattener#flatten(String)} gives: a {@link Flattening} that was proved
 * equivalent, or the reason there is none.
 */
public sealed interface FlattenResult permits Flattening, FlattenResult.Refused {

  /**
   * The domain that was flattened.
   *
   * @return the domain
   */
  String domain();

  /**
   * No flattened records: the domain has no usable record, the flattening would still need more
   * DNS-querying terms than the limit, or it failed its equivalence proof.
   *
   * @param domain the domain
   * @param reason a sentence for people
   * @param proof the failed proof, or {@code null} if it did not get that far
   * @param original the lint of the original tree
   */
  record Refused(String domain, String reason, @Nullable EquivalenceProof proof, LintReport original)
      implements FlattenResult {
    /**
     * Checks the parts.
     *
     * @param domain the domain
     * @param reason a sentence for people
     * @param proof the failed proof, or {@code null}
     * @param original the lint of the original tree
     */
    public Refused {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(original, "original");
    }
  }
}
