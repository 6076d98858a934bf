package io.github.spfkit.core.record;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a record does not parse, and where (RFC 7208 §4.6: any syntax error gives {@code permerror}).
 *
 * @param message what is wrong, e.g. {@code unknown mechanism 'ip'}
 * @param position the 0-based character offset in the record where the problem starts
 * @param hint a suggested fix, or {@code null} when none is obvious
 */
public record SyntaxError(String message, int position, @Nullable String hint) {

  /**
   * Checks the message and the position.
   *
   * @param message what is wrong; not null
   * @param position the 0-based character offset where the problem starts; not negative
   * @param hint a suggested fix, or null when none is obvious
   * @throws IllegalArgumentException if {@code position} is negative
   */
  public SyntaxError {
    Objects.requireNonNull(message, "message");
    if (position < 0) {
      throw new IllegalArgumentException("negative position");
    }
  }

  /** {@code "<message> at position <n>"}, then the hint in parentheses if there is one. */
  @Override
  public String toString() {
    return message + " at position " + position + (hint == null ? "" : " (" + hint + ")");
  }
}
