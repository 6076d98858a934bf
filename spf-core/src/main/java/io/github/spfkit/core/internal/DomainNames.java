package io.github.spfkit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * The one check of whether text is a usable domain name: at most 253 characters, labels of 1 to
 * 63 characters. Used for the checked domain (RFC 7208 §4.3), for literal domain-specs in the
 * parser, and for names produced by macro expansion (§7.3).
 */
public final class DomainNames {

  /** The longest domain name, without the trailing dot (RFC 7208 §4.3, §7.3). */
  public static final int MAX_LENGTH = 253;

  private DomainNames() {}

  /**
   * Why {@code text[from, to)} is not a usable domain name.
   *
   * @param text the text holding the name, without a trailing dot
   * @param from the index of the name's first character
   * @param to the index after its last character
   * @return a message naming the problem, or {@code null} if the name is usable
   */
  public static @Nullable String problem(String text, int from, int to) {
    if (to - from > MAX_LENGTH) {
      return "domain name longer than 253 characters";
    }
    return labelProblem(text, from, to);
  }

  /**
   * Why the labels of {@code text[from, to)} are not usable, whatever its length: a literal
   * domain-spec longer than 253 characters is shortened from the left before the lookup, as RFC
   * 7208 §7.3 says for expanded names (pyspf and Mail::SPF do the same).
   *
   * @param text the text holding the name, without a trailing dot
   * @param from the index of the name's first character
   * @param to the index after its last character
   * @return a message naming the problem (an empty label, a label over 63 characters), or {@code
   *     null} if every label is usable
   */
  public static @Nullable String labelProblem(String text, int from, int to) {
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0) {
          return "empty label in domain name '" + text.substring(from, to) + "'";
        }
        if (length > 63) {
          return "label longer than 63 characters in '" + text.substring(from, to) + "'";
        }
        labelStart = i + 1;
      }
    }
    return null;
  }
}
