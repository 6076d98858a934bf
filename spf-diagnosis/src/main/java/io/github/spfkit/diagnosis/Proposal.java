package io.github.spfkit.diagnosis;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.lint.LintReport;
import java.util.Objects;

/**
 * A record to publish in place of the current one, and the proof that it works: it was evaluated
 * against the same DNS with the proposal in place of the published record and passed for the
 * bounced IP, and it lints without errors. The diagnoser offers no proposal that fails either test.
 *
 * @param domain the name to publish the record at
 * @param record the full record text, {@code v=spf1 ...}
 * @param verification the SPF result of the what-if evaluation for the bounced IP: {@code pass}
 * @param lint the lint report of the proposal: no errors
 * @param fromScratch whether the domain publishes no record today, so the proposal lists only
 *     what the bounce shows and the admin must add their other senders
 */
public record Proposal(
    String domain, String record, SpfResult verification, LintReport lint, boolean fromScratch) {
  /**
   * Checks all parts.
   *
   * @param domain the name to publish the record at
   * @param record the full record text, {@code v=spf1 ...}
   * @param verification the SPF result of the what-if evaluation for the bounced IP: {@code pass}
   * @param lint the lint report of the proposal: no errors
   * @param fromScratch whether the domain publishes no record today
   */
  public Proposal {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(lint, "lint");
  }
}
