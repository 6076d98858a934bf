package io.github.spfkit.lint;

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

  /**
   * The tree as one line, with what each include or redirect costs, itself included: {@code
   * example.com 7 (include:_spf.a.example 3 (include:b.example 1), redirect=c.example 2)}.
   *
   * @return the domain, its lookups, and its children's costs in parentheses
   */
  public String chain() {
    return domain + " " + lookups + childCosts(this);
  }

  private static String childCosts(LintNode node) {
    if (node.children().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(" (");
    for (int i = 0; i < node.children().size(); i++) {
      LintNode child = node.children().get(i);
      out.append(i == 0 ? "" : ", ")
          .append(child.via() == Trace.Via.REDIRECT ? "redirect=" : "include:")
          .append(child.domain())
          .append(' ')
          .append(child.lookups() + 1)
          .append(childCosts(child));
    }
    return out.append(')').toString();
  }
}
