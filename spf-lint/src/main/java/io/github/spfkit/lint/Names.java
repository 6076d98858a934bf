package io.github.spfkit.lint;

import io.github.spfkit.core.record.MacroString;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Domain name checks the linter and the flattener share. spf-core has its own, internal ones; this
 * is the part a tool outside the evaluator needs, until core publishes them.
 */
final class Names {
  private Names() {}

  /** Without surrounding white space and trailing dots. */
  static String normalize(String domain) {
    String d = domain.strip();
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

  /** Lower case, normalized: the key names are compared by. */
  static String key(String domain) {
    return normalize(domain).toLowerCase(Locale.ROOT);
  }

  /** A literal domain-spec's name, or {@code null} if it has macros or is empty. */
  static @Nullable String literal(MacroString spec) {
    if (spec.hasMacros()) {
      return null;
    }
    String text = spec.literalText();
    return text.isEmpty() ? null : normalize(text);
  }

  /** Whether {@code domain} can be looked up: at least two labels of 1 to 63 printable characters. */
  static boolean looksLikeDomain(String domain) {
    if (domain.isEmpty() || domain.length() > 253 || domain.indexOf('.') < 0) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (c <= ' ' || c > '~') {
          return false;
        }
      }
    }
    return true;
  }
}
