package io.github.spfkit.core.record;

import java.util.List;

/**
 * A macro-string (RFC 7208 §7.1): literal text and macros, as found in domain-specs, explanation
 * strings and unknown modifiers. Adjacent literals are always merged, so two macro strings that
 * mean the same thing are equal.
 *
 * @param tokens the pieces, in order
 */
public record MacroString(List<MacroToken> tokens) {

  /**
   * {@code %{d}}: the current domain, the domain-spec of {@code a}, {@code mx} and {@code ptr}
   * written without one.
   */
  public static final MacroString CURRENT_DOMAIN =
      new MacroString(List.of(new MacroToken.Macro('d', false, 0, false, "")));

  /**
   * Copies the tokens.
   *
   * @param tokens the pieces, in order; copied, not null, no null elements; empty for an empty
   *     string
   */
  public MacroString {
    // the parser's own lists are unmodifiable already (a literal is kept as the range of the
    // record that holds it); any other list is copied
    tokens =
        tokens instanceof LiteralTokens || tokens instanceof ArrayView
            ? tokens
            : List.copyOf(tokens);
  }

  /** A literal-only macro string that is {@code source[from, to)}, not empty; made by the parser. */
  static MacroString literal(String source, int from, int to) {
    return new MacroString(new LiteralTokens(source, from, to));
  }

  /**
   * A macro string of literal text only.
   *
   * @param text the literal characters, taken as they are ({@code %} is not an escape here); not
   *     null
   * @return a macro string with one literal token, or no token if {@code text} is empty
   */
  public static MacroString literal(String text) {
    return new MacroString(
        text.isEmpty() ? List.of() : new LiteralTokens(text, 0, text.length()));
  }

  /**
   * Whether any token is a macro.
   *
   * @return true if at least one token is a {@link MacroToken.Macro}
   */
  public boolean hasMacros() {
    if (tokens instanceof LiteralTokens) {
      return false;
    }
    for (MacroToken token : tokens) {
      if (token instanceof MacroToken.Macro) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text when there are no macros: what a domain-spec without macros names.
   *
   * @return the literal text, empty for an empty macro string
   * @throws IllegalStateException if the string has macros
   */
  public String literalText() {
    if (tokens instanceof LiteralTokens literal) {
      return literal.text();
    }
    if (tokens.isEmpty()) {
      return "";
    }
    if (tokens.size() == 1 && tokens.get(0) instanceof MacroToken.Literal literal) {
      return literal.text();
    }
    throw new IllegalStateException("macro string has macros: " + this);
  }

  /** The macro string as written in a record. */
  @Override
  public String toString() {
    if (tokens instanceof LiteralTokens literal) {
      return literal.get(0).toString();
    }
    if (tokens.size() == 1) {
      return tokens.get(0).toString();
    }
    StringBuilder out = new StringBuilder();
    for (MacroToken token : tokens) {
      out.append(token);
    }
    return out.toString();
  }
}
