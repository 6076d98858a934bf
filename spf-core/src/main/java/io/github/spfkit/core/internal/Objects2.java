package io.github.spfkit.core.internal;

import org.jspecify.annotations.Nullable;

/** Null checks for values the evaluation's own logic guarantees. */
final class Objects2 {
  private Objects2() {}

  /** {@code value}, which the caller knows is set; an {@link IllegalStateException} if not. */
  static <T> T nonNull(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("internal invariant broken: value expected");
    }
    return value;
  }
}
