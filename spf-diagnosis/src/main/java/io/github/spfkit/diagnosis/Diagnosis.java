package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.lint.LintReport;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a bounce means: the category the rejecting server's text states, the root cause found by a
 * live analysis, the evidence, the advice, and a proposed record that was verified before it is
 * offered. Immutable.
 *
 * <p>A diagnosis is always produced, also for input that is not mail at all: {@link #problems()}
 * then says what could not be read, and the cause is {@link Cause#NOT_SPF} or {@link
 * Cause#UNDETERMINED}.
 *
 * @param spfRelated whether the bounce is about SPF or authentication that SPF is part of
 * @param category what the bounce text says
 * @param cause the root cause
 * @param facts what was read from the bounce, with the user's {@link RequestFacts} in place of
 *     what it said or lacked
 * @param sources where the domain, the IP and the HELO name came from
 * @param domain the domain whose SPF was analyzed live (the envelope domain, or the HELO name for
 *     HELO failures), or {@code null} if none was
 * @param ip the client IP used for the live check: the one the bounce states, or the reporting
 *     host's address as a candidate; {@code null} if none was known
 * @param domainState what DNS says now about {@link #domain()}'s SPF (no such domain, no record,
 *     published, no answer), or {@code null} if it was not looked up
 * @param bounceResult the SPF result the bounce states ({@code fail}, {@code softfail} or {@code
 *     permerror}), or {@code null} if it states none of them
 * @param evidence the facts supporting the cause, in order of weight
 * @param advice the steps to take, most important first
 * @param proposal a verified record to publish, or {@code null} when no fix is computable or
 *     none passed verification
 * @param spfResult the live {@code check_host()} result for {@link #ip()} and {@link #domain()},
 *     or {@code null} if it was not run
 * @param lint the lint report of {@link #domain()}'s SPF tree, or {@code null} if it was not run
 * @param problems what could not be read or analyzed (input too large, malformed MIME, DNS
 *     deadline), empty when everything went well
 */
public record Diagnosis(
    boolean spfRelated,
    Category category,
    Cause cause,
    BounceFacts facts,
    FactSources sources,
    @Nullable String domain,
    @Nullable IpAddress ip,
    @Nullable DomainState domainState,
    @Nullable Result bounceResult,
    List<Evidence> evidence,
    List<Advice> advice,
    @Nullable Proposal proposal,
    @Nullable SpfResult spfResult,
    @Nullable LintReport lint,
    List<String> problems) {

  /**
   * Checks the required parts and copies the lists.
   *
   * @param spfRelated whether the bounce is about SPF or authentication that SPF is part of
   * @param category what the bounce text says
   * @param cause the root cause
   * @param facts what was read from the bounce, with the user's {@link RequestFacts} in place of
 *     what it said or lacked
 * @param sources where the domain, the IP and the HELO name came from
   * @param domain the domain whose SPF was analyzed live (the envelope domain, or the HELO name for HELO failures), or {@code null} if none was
   * @param ip the client IP used for the live check: the one the bounce states, or the reporting host's address as a candidate; {@code null} if none was known
   * @param domainState what DNS says now about {@link #domain()}'s SPF, or {@code null} if it was not looked up
   * @param bounceResult the SPF result the bounce states, or {@code null} if it states none of fail, softfail, permerror
   * @param evidence the facts supporting the cause, in order of weight
   * @param advice the steps to take, most important first
   * @param proposal a verified record to publish, or {@code null} when no fix is computable or none passed verification
   * @param spfResult the live {@code check_host()} result for {@link #ip()} and {@link #domain()}, or {@code null} if it was not run
   * @param lint the lint report of {@link #domain()}'s SPF tree, or {@code null} if it was not run
   * @param problems what could not be read or analyzed (input too large, malformed MIME, DNS deadline), empty when everything went well
   */
  public Diagnosis {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(sources, "sources");
    evidence = List.copyOf(evidence);
    advice = List.copyOf(advice);
    problems = List.copyOf(problems);
  }

  /**
   * The proposed record's text, or {@code null} if there is no verified proposal.
   *
   * @return the record text, or {@code null}
   */
  public @Nullable String proposedRecord() {
    Proposal p = proposal;
    return p == null ? null : p.record();
  }

  /**
   * The verdict on a few lines, for logs and debuggers: category, cause, the domain and IP with
   * where they came from, the reply, the codes of the evidence and advice, the proposal and the
   * problems. The bounce's text is left out (it can be megabytes); {@link #facts()} has it.
   *
   * @return a multi-line summary without the bounce body
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Diagnosis[")
        .append(cause).append(" (").append(category).append(spfRelated ? ", SPF-related" : "").append(")\n");
    out.append("  domain: ").append(domain).append(" (").append(sources.domain()).append("), state ")
        .append(domainState == null ? null : domainState.getClass().getSimpleName()).append('\n');
    out.append("  ip: ").append(ip).append(" (").append(sources.ip()).append("), bounce result ")
        .append(bounceResult).append('\n');
    out.append("  reply: ").append(facts.replyCode()).append(' ').append(facts.statusCode()).append(' ')
        .append(facts.replyText()).append(" from ").append(facts.rejectingHost()).append('\n');
    out.append("  evidence: ").append(evidence.stream().map(Evidence::code).toList()).append('\n');
    out.append("  advice: ").append(advice.stream().map(Advice::code).toList()).append('\n');
    out.append("  proposal: ").append(proposedRecord()).append('\n');
    out.append("  problems: ").append(problems).append(']');
    return out.toString();
  }
}
