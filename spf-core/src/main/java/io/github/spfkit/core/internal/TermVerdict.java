package io.github.spfkit.core.internal;

import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What evaluating one term gave (RFC 7208 §4.6.2, §5): a match, no match, or an error. */
sealed interface TermVerdict {

  /** A match without a note. */
  TermVerdict MATCH = new Match(null);

  /** No match without a note. */
  TermVerdict NO_MATCH = new NoMatch(null);

  /**
   * The term matched: its qualifier decides.
   *
   * @param detail why, for people (which exchanger, which validated name), or {@code null}
   */
  record Match(@Nullable String detail) implements TermVerdict {}

  /**
   * The term did not match; evaluation goes on.
   *
   * @param detail why, for people, or {@code null}
   */
  record NoMatch(@Nullable String detail) implements TermVerdict {}

  /**
   * The term ended the evaluation with an error.
   *
   * @param result {@code temperror} or {@code permerror}
   * @param problem what went wrong
   */
  record Failed(Result result, Problem problem) implements TermVerdict {
    public Failed {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** A permerror. */
  static TermVerdict permerror(Problem problem) {
    return new Failed(Result.PERMERROR, problem);
  }

  /** A temperror. */
  static TermVerdict temperror(Problem problem) {
    return new Failed(Result.TEMPERROR, problem);
  }
}
