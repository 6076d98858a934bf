package io.github.spfkit.diagnosis;

import java.util.Locale;
import java.util.Objects;

/**
 * One concrete step to take, with the real names, addresses and counts filled in.
 *
 * <p>The step is a stable {@link #code()} and a {@link #phrase()} (a message key and its arguments:
 * names, addresses and quoted server text verbatim), worded by the bundles in the diagnoser's
 * {@link #language()}; {@link #text(Locale)} words it in another language. Immutable.
 *
 * @param code a stable identifier of the step, e.g. {@code add-ip} or {@code apply-proposal}
 * @param phrase what the step says, as a message key and its arguments
 * @param language the language {@link #text()} words it in: the diagnoser's
 */
public record Advice(String code, Phrase phrase, Locale language) {
  /**
   * Checks the parts.
   *
   * @param code a stable identifier of the step, e.g. {@code add-ip} or {@code apply-proposal}
   * @param phrase what the step says, as a message key and its arguments
   * @param language the language {@link #text()} words it in
   */
  public Advice {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(language, "language");
  }

  /**
   * The step for people, in {@link #language()}.
   *
   * @return the worded step
   */
  public String text() {
    return phrase.text(language);
  }

  /**
   * The step for people, in another language.
   *
   * @param other the language
   * @return the worded step (English where the bundles have no such language)
   */
  public String text(Locale other) {
    return phrase.text(other);
  }

  @Override
  public String toString() {
    return text();
  }
}
