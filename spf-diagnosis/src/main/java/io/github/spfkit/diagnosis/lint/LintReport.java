package io.github.spfkit.diagnosis.lint;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of linting one domain's SPF tree. Immutable.
 *
 * @param domain the linted domain
 * @param whatIf the record text linted in place of the published one, or {@code null}
 * @param lookups DNS-querying terms of the whole tree, counted as the evaluator would count them if
 *     nothing matched (terms after {@code all} and an ignored {@code redirect} do not count)
 * @param voidLookups lookups in the tree that answered NXDOMAIN or no records
 * @param voidNames the names behind {@link #voidLookups()}
 * @param findings everything found, errors first
 * @param tree the tree of domains, or {@code null} if the domain's record could not be read
 */
public record LintReport(
    String domain,
    @Nullable String whatIf,
    int lookups,
    int voidLookups,
    List<String> voidNames,
    List<Finding> findings,
    @Nullable LintNode tree) {

  /**
   * Checks the parts and copies the lists.
   *
   * @param domain the linted domain
   * @param whatIf the record text linted in place of the published one, or {@code null}
   * @param lookups DNS-querying terms of the whole tree, counted as the evaluator would count them if nothing matched (terms after {@code all} and an ignored {@code redirect} do not count)
   * @param voidLookups lookups in the tree that answered NXDOMAIN or no records
   * @param voidNames the names behind {@link #voidLookups()}
   * @param findings everything found, errors first
   * @param tree the tree of domains, or {@code null} if the domain's record could not be read
   */
  public LintReport {
    Objects.requireNonNull(domain, "domain");
    voidNames = List.copyOf(voidNames);
    findings = List.copyOf(findings);
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
}
