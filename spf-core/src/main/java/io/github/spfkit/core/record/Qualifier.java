package io.github.spfkit.core.record;

import io.github.spfkit.core.Result;

/** A mechanism's qualifier and the result it gives on a match (RFC 7208 §4.6.2). */
public enum Qualifier {
  /** {@code +}, the default. */
  PASS('+', Result.PASS),
  /** {@code -}. */
  FAIL('-', Result.FAIL),
  /** {@code ~}. */
  SOFTFAIL('~', Result.SOFTFAIL),
  /** {@code ?}. */
  NEUTRAL('?', Result.NEUTRAL);

  private final char symbol;
  private final Result result;

  Qualifier(char symbol, Result result) {
    this.symbol = symbol;
    this.result = result;
  }

  /**
   * The character written before the mechanism.
   *
   * @return one of {@code + - ~ ?}
   */
  public char symbol() {
    return symbol;
  }

  /**
   * The result a matching mechanism with this qualifier gives.
   *
   * @return {@code pass}, {@code fail}, {@code softfail} or {@code neutral}
   */
  public Result result() {
    return result;
  }

  /** The qualifier written as {@code c}, or {@code null} if {@code c} is not one. */
  static @org.jspecify.annotations.Nullable Qualifier of(char c) {
    return switch (c) {
      case '+' -> PASS;
      case '-' -> FAIL;
      case '~' -> SOFTFAIL;
      case '?' -> NEUTRAL;
      default -> null;
    };
  }
}
