package io.github.spfkit.core.record;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of a macro string that is one literal, as the parser found it: the range of the record
 * text that holds it. The text and its {@link MacroToken.Literal} are made when first asked for,
 * most often once, when an evaluation prepares the record; a parse that nobody reads makes neither.
 * The range holds the literal's text as it is: the parser makes one only for a range without
 * escapes.
 */
final class LiteralTokens extends FixedList<MacroToken> {
  private final String source;
  private final int from;
  private final int to;

  /**
   * The text once made. Racing threads may each make it and store equal strings, as {@link
   * String#hashCode()} does with its hash; a {@code String} is safe to share without a lock.
   */
  private @Nullable String text;

  /** The one token once made, shared the same way (a record of final fields). */
  private MacroToken.@Nullable Literal literal;

  /** {@code source[from, to)}, not empty. */
  LiteralTokens(String source, int from, int to) {
    this.source = source;
    this.from = from;
    this.to = to;
  }

  /** The literal's text. */
  String text() {
    String made = text;
    if (made == null) {
      made = source.substring(from, to);
      text = made;
    }
    return made;
  }

  @Override
  public MacroToken get(int index) {
    if (index != 0) {
      throw new IndexOutOfBoundsException(index);
    }
    MacroToken.Literal made = literal;
    if (made == null) {
      made = new MacroToken.Literal(text());
      literal = made;
    }
    return made;
  }

  @Override
  public int size() {
    return 1;
  }
}
