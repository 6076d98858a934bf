package io.github.spfkit.lint;

import java.util.List;
import java.util.Objects;

/**
 * The void lookups senders of one address family get from the whole tree when nothing matches,
 * under both readings of RFC 7208 §4.6.4.
 *
 * @param family the senders' address family
 * @param everyQuery void answers to every query a term makes (pyspf, Mail::SPF, spf-core's default)
 * @param firstQueryOfTerm void answers to the first query of each term only
 * @param names the queries behind {@code everyQuery}, as {@code TYPE name}, in evaluation order
 */
public record VoidCount(
    AddressFamily family, int everyQuery, int firstQueryOfTerm, List<String> names) {

  /**
   * Checks the parts and copies the list.
   *
   * @param family the senders' address family
   * @param everyQuery void answers to every query
   * @param firstQueryOfTerm void answers to each term's first query
   * @param names the queries behind {@code everyQuery}
   */
  public VoidCount {
    Objects.requireNonNull(family, "family");
    names = List.copyOf(names);
  }
}
