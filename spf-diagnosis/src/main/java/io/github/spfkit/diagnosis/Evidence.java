package io.github.spfkit.diagnosis;

import java.util.Locale;
import java.util.Objects;

/**
 * One fact that supports the diagnosis: the reply text, the SPF result for the client IP, the
 * include chain with its lookup counts, a void name, a duplicate record, a syntax error's position,
 * forwarding signs.
 *
 * <p>The fact is a stable {@link #code()} and a {@link #phrase()} (a message key and its arguments:
 * names, addresses and quoted server text verbatim), worded by the bundles in the diagnoser's
 * {@link #language()}; {@link #text(Locale)} words it in another language. Immutable.
 *
 * @param code a stable identifier of the kind of fact, e.g. {@code spf-result} or {@code void-lookup}
 * @param phrase what the fact says, as a message key and its arguments
 * @param language the language {@link #text()} words it in: the diagnoser's
 */
public record Evidence(String code, Phrase phrase, Locale language) {
  /**
   * Checks the parts.
   *
   * @param code a stable identifier of the kind of fact, e.g. {@code spf-result} or {@code void-lookup}
   * @param phrase what the fact says, as a message key and its arguments
   * @param language the language {@link #text()} words it in
   */
  public Evidence {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(language, "language");
  }

  /**
   * The fact for people, in {@link #language()}.
   *
   * @return the worded fact
   */
  public String text() {
    return phrase.text(language);
  }

  /**
   * The fact for people, in another language.
   *
   * @param other the language
   * @return the worded fact (English where the bundles have no such language)
   */
  public String text(Locale other) {
    return phrase.text(other);
  }

  @Override
  public String toString() {
    return text();
  }
}
