package io.github.spfkit.core.dns;

import java.util.concurrent.CompletionStage;

/**
 * The DNS seam: answers one question for one record type of one name. The evaluator in this module
 * performs no I/O of its own; everything it learns from DNS comes through this interface.
 *
 * <p>Implementations must be safe for concurrent use by many evaluations. They should not throw
 * and should not complete the stage exceptionally: a failure is a {@link
 * DnsAnswer.TemporaryFailure}. (The evaluator still treats a thrown exception or an exceptional
 * completion as a temporary failure, so a faulty implementation degrades to {@code temperror}.)
 *
 * <p>Names are absolute domain names without the trailing dot, in the case the policy wrote them;
 * comparisons must ignore ASCII case. CNAMEs are the implementation's business: an answer is the
 * answer after following them.
 */
@FunctionalInterface
public interface DnsLookup {

  /**
   * Asks for the records of one type at one name.
   *
   * @param name an absolute domain name without the trailing dot
   * @param type the record type
   * @return the answer, eventually; never an exceptional completion for a DNS outcome
   */
  CompletionStage<DnsAnswer> lookup(String name, RecordType type);
}
