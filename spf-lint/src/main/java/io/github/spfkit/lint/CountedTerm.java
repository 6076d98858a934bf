package io.github.spfkit.lint;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One DNS-querying term of the tree, in the order receivers evaluate it when nothing matches,
 * numbered on past every limit, with the queries it makes for each sender family.
 *
 * @param ordinal which DNS-querying term of the evaluation it is, from 1; the {@code
 *     maxDnsTerms + 1}-th is where receivers stop with {@code permerror}
 * @param domain the domain whose record holds the term
 * @param term the term as written by the canonical form ({@code a:out1.example.com}, {@code
 *     redirect=_spf.example.net})
 * @param position the term's 0-based character offset in the record
 * @param rule why the term counts: always {@link Rule#DNS_QUERYING_TERM}; {@code ptr} terms also
 *     cite {@link Rule#PTR_NAME} through {@link #note()}
 * @param overLimit whether {@code ordinal} is past the DNS-querying term limit
 * @param queries the queries the term makes, for IPv4 and IPv6 senders; empty for {@code ptr}
 *     (they depend on the sender) and for targets with macros, and for {@code include} and {@code
 *     redirect} the record lookup
 * @param note why the queries are not known in advance ({@code ptr}, macros), or {@code null}
 */
public record CountedTerm(
    int ordinal,
    String domain,
    String term,
    int position,
    Rule rule,
    boolean overLimit,
    List<TermQuery> queries,
    @Nullable String note) {

  /**
   * Checks the parts and copies the list.
   *
   * @param ordinal which DNS-querying term it is, from 1
   * @param domain the domain whose record holds the term
   * @param term the term's text
   * @param position the term's 0-based offset in the record
   * @param rule why the term counts
   * @param overLimit whether it is past the DNS-querying term limit
   * @param queries the queries it makes
   * @param note why the queries are not known in advance, or {@code null}
   */
  public CountedTerm {
    if (ordinal < 1 || position < 0) {
      throw new IllegalArgumentException("ordinal from 1, position from 0");
    }
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(rule, "rule");
    queries = List.copyOf(queries);
  }
}
