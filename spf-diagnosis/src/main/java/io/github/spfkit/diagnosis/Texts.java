package io.github.spfkit.diagnosis;

import org.jspecify.annotations.Nullable;

/** Small text helpers of the diagnosis. */
final class Texts {
  private Texts() {}

  static String join(@Nullable String a, @Nullable String b) {
    return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
