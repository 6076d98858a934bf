package io.github.spfkit.diagnosis.lint;

import io.github.spfkit.core.Trace;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One domain of an SPF tree as the linter saw it: its record, the DNS-querying terms it counts, and
 * the domains it includes or redirects to.
 *
 * @param domain the domain
 * @param via why it is in the tree
 * @param record the SPF record used (the what-if text for the root when one was given), or {@code
 *     null} if the domain has none or it could not be read
 * @param ownLookups the DNS-querying terms of this record alone
 * @param lookups the DNS-querying terms of this record and everything below it, counted as the
 *     evaluator would count them if nothing matched
 * @param children the included and redirected domains, in evaluation order
 */
public record LintNode(
    String domain,
    Trace.Via via,
    @Nullable String record,
    int ownLookups,
    int lookups,
    List<LintNode> children) {

  /**
   * Checks the parts and copies the list.
   *
   * @param domain the domain
   * @param via why it is in the tree
   * @param record the SPF record used (the what-if text for the root when one was given), or {@code null} if the domain has none or it could not be read
   * @param ownLookups the DNS-querying terms of this record alone
   * @param lookups the DNS-querying terms of this record and everything below it, counted as the evaluator would count them if nothing matched
   * @param children the included and redirected domains, in evaluation order
   */
  public LintNode {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(via, "via");
    children = List.copyOf(children);
  }
}
