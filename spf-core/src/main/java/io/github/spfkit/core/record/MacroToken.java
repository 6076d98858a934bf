package io.github.spfkit.core.record;

import java.util.Objects;

/** One piece of a {@link MacroString} (RFC 7208 §7.1). */
public sealed interface MacroToken {

  /**
   * Literal text, after the escapes {@code %%}, {@code %_} and {@code %-} were replaced by {@code
   * %}, a space and {@code %20}.
   *
   * @param text the literal characters, never empty
   */
  record Literal(String text) implements MacroToken {
    /**
     * Checks the text is present and not empty.
     *
     * @param text the literal characters, escapes already replaced; not null, not empty
     * @throws IllegalArgumentException if {@code text} is empty
     */
    public Literal {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
    }

    /**
     * The literal as it is written in a record: a space as {@code %_}, {@code %20} as {@code %-},
     * any other {@code %} as {@code %%}. Writing {@code %20} back as {@code %-} keeps a
     * domain-spec that ended in that escape ending in a macro-expand, so it parses again.
     */
    @Override
    public String toString() {
      if (text.indexOf('%') < 0 && text.indexOf(' ') < 0) {
        return text;
      }
      StringBuilder out = new StringBuilder(text.length() + 4);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ' ') {
          out.append("%_");
        } else if (c == '%' && text.startsWith("20", i + 1)) {
          out.append("%-");
          i += 2;
        } else if (c == '%') {
          out.append("%%");
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /**
   * A macro expansion {@code %{...}} (RFC 7208 §7.3, §7.4).
   *
   * @param letter the macro letter, lower case: one of {@code slodiphcrtv}
   * @param urlEscape whether the letter was written in upper case, asking for URL escaping
   * @param digits how many right-hand parts to keep, 0 for all
   * @param reverse whether the {@code r} transformer reverses the parts
   * @param delimiters the characters that split the value into parts; empty means {@code "."}
   */
  record Macro(char letter, boolean urlEscape, int digits, boolean reverse, String delimiters)
      implements MacroToken {

    /**
     * Checks the letter, the digits and the delimiters.
     *
     * @param letter the macro letter in lower case, one of {@code slodiphcrtv}
     * @param urlEscape true if the letter was written in upper case (URL escaping asked for)
     * @param digits how many right-hand parts to keep, 0 for all; not negative
     * @param reverse true if the {@code r} transformer reverses the parts
     * @param delimiters delimiter characters, each one of {@code .-+,/_=}; empty means {@code "."};
     *     not null
     * @throws IllegalArgumentException if the letter, the digits or a delimiter is not allowed
     */
    public Macro {
      if ("slodiphcrtv".indexOf(letter) < 0) {
        throw new IllegalArgumentException("not a macro letter: " + letter);
      }
      if (digits < 0) {
        throw new IllegalArgumentException("negative digits");
      }
      Objects.requireNonNull(delimiters, "delimiters");
      for (int i = 0; i < delimiters.length(); i++) {
        if (".-+,/_=".indexOf(delimiters.charAt(i)) < 0) {
          throw new IllegalArgumentException("not a delimiter: " + delimiters.charAt(i));
        }
      }
    }

    /**
     * Whether this macro may appear only in an explanation string ({@code c}, {@code r}, {@code
     * t}).
     *
     * @return true for the letters {@code c}, {@code r} and {@code t}, false for the others
     */
    public boolean explanationOnly() {
      return letter == 'c' || letter == 'r' || letter == 't';
    }

    /** The macro as written in a record, e.g. {@code %{ir.}} or {@code %{D2}}. */
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder(8).append("%{");
      out.append(urlEscape ? Character.toUpperCase(letter) : letter);
      if (digits > 0) {
        out.append(digits);
      }
      if (reverse) {
        out.append('r');
      }
      return out.append(delimiters).append('}').toString();
    }
  }
}
