package io.github.spfkit.core.record;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SPF version 1 record (RFC 7208 §4.5): its terms in order. Values are immutable and
 * compare by structure; {@link #toString()} prints the canonical text, which parses back to an
 * equal record.
 *
 * @param terms the terms, in the order written
 */
public record SpfRecord(List<Term> terms) {

  /** The version tag every record starts with. */
  public static final String VERSION = "v=spf1";

  /**
   * Copies the terms.
   *
   * @param terms the terms, in the order written; copied, not null, no null elements; may be
   *     empty ({@code v=spf1} alone)
   */
  public SpfRecord {
    // the parser's own list is unmodifiable already; any other list is copied
    terms = terms instanceof ArrayView ? terms : List.copyOf(terms);
  }

  /**
   * Parses a record; shorthand for {@link RecordParser#parse(String)}.
   *
   * @param text the record text
   * @return the record or the syntax error
   */
  public static ParseResult parse(String text) {
    return RecordParser.parse(text);
  }

  /**
   * The mechanisms, in order.
   *
   * @return the mechanisms without the modifiers, as an unmodifiable list; empty if there are none
   */
  public List<Mechanism> mechanisms() {
    return terms.stream()
        .filter(Mechanism.class::isInstance)
        .map(Mechanism.class::cast)
        .toList();
  }

  /**
   * The {@code redirect=} modifier, if present.
   *
   * @return the first {@code redirect=} modifier, or empty if the record has none
   */
  public Optional<Modifier.Redirect> redirect() {
    for (Term term : terms) {
      if (term instanceof Modifier.Redirect redirect) {
        return Optional.of(redirect);
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code exp=} modifier, if present.
   *
   * @return the first {@code exp=} modifier, or empty if the record has none
   */
  public Optional<Modifier.Explanation> explanation() {
    for (Term term : terms) {
      if (term instanceof Modifier.Explanation explanation) {
        return Optional.of(explanation);
      }
    }
    return Optional.empty();
  }

  /** The canonical text: {@code v=spf1} and the terms, separated by single spaces. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(VERSION);
    for (Term term : terms) {
      out.append(' ').append(term);
    }
    return out.toString();
  }
}
