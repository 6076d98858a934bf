package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of linting one domain's SPF tree. Immutable.
 *
 * @param domain the linted domain
 * @param whatIf the record text linted in place of the published one, or {@code null}
 * @param lookups DNS-querying terms of the whole tree, counted as the evaluator would count them if
 *     nothing matched (terms after {@code all} and an ignored {@code redirect} do not count), on
 *     past the limit
 * @param voidLookups the void lookups of an IPv4 sender, counted as {@link
 *     Limits#voidLookupCounting()} says (what this count was before both families were counted);
 *     {@link #voids(AddressFamily)} has both families, and {@link
 *     Finding.Code#VOID_LIMIT_ONE_FAMILY} says when only IPv6 senders hit the limit
 * @param voidNames the names behind {@link #voidLookups()}
 * @param findings everything found, errors first
 * @param tree the tree of domains, or {@code null} if the domain's record could not be read
 * @param terms every DNS-querying term in evaluation order, with its queries per family
 * @param voids the void lookups of IPv4 and of IPv6 senders, under both readings
 * @param limits the limits the findings measure against
 */
public record LintReport(
    String domain,
    @Nullable String whatIf,
    int lookups,
    int voidLookups,
    List<String> voidNames,
    List<Finding> findings,
    @Nullable LintNode tree,
    List<CountedTerm> terms,
    List<VoidCount> voids,
    Limits limits) {

  /**
   * Checks the parts and copies the lists.
   *
   * @param domain the linted domain
   * @param whatIf the record text linted in place of the published one, or {@code null}
   * @param lookups DNS-querying terms of the whole tree
   * @param voidLookups void lookups of an IPv4 sender
   * @param voidNames the names behind {@link #voidLookups()}
   * @param findings everything found, errors first
   * @param tree the tree of domains, or {@code null} if the domain's record could not be read
   * @param terms every DNS-querying term in evaluation order
   * @param voids the void lookups of IPv4 and of IPv6 senders
   * @param limits the limits the findings measure against
   */
  public LintReport {
    Objects.requireNonNull(domain, "domain");
    voidNames = List.copyOf(voidNames);
    findings = List.copyOf(findings);
    terms = List.copyOf(terms);
    voids = List.copyOf(voids);
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * Whether any finding has severity {@link Finding.Severity#ERROR}.
   *
   * @return whether a finding is an error
   */
  public boolean hasErrors() {
    for (Finding finding : findings) {
      if (finding.severity() == Finding.Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * The findings of one code, in report order.
   *
   * @param code the finding code
   * @return the findings with that code, possibly none
   */
  public List<Finding> findings(Finding.Code code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }

  /**
   * Whether there is a finding of {@code code}.
   *
   * @param code the finding code
   * @return whether there is at least one
   */
  public boolean has(Finding.Code code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  /**
   * The void lookups senders of one family get.
   *
   * @param family the senders' address family
   * @return the counts under both readings, with the queries behind them
   */
  public VoidCount voids(AddressFamily family) {
    for (VoidCount count : voids) {
      if (count.family() == family) {
        return count;
      }
    }
    return new VoidCount(family, 0, 0, List.of());
  }
}
