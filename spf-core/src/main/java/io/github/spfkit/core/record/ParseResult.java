package io.github.spfkit.core.record;

import java.util.List;
import java.util.Objects;

/** What parsing a record gave: the record, or the first syntax error. */
public sealed interface ParseResult {

  /**
   * A record that parsed.
   *
   * @param record the record
   * @param positions for each term, its 0-based character offset in the parsed text
   */
  record Valid(SpfRecord record, List<Integer> positions) implements ParseResult {
    /**
     * Checks there is one position per term.
     *
     * @param record the record that parsed; not null
     * @param positions each term's 0-based character offset, in term order; copied, not null
     * @throws IllegalArgumentException if the number of positions differs from the number of terms
     */
    public Valid {
      Objects.requireNonNull(record, "record");
      // the parser's own positions are immutable already; any other list is copied
      positions = positions instanceof Positions ? positions : List.copyOf(positions);
      if (positions.size() != record.terms().size()) {
        throw new IllegalArgumentException("one position per term expected");
      }
    }
  }

  /**
   * A record with a syntax error.
   *
   * @param error the first error found
   */
  record Invalid(SyntaxError error) implements ParseResult {
    /**
     * Checks the error.
     *
     * @param error the first syntax error found; not null
     * @throws NullPointerException if {@code error} is null
     */
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }
}
