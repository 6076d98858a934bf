package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Problem;
import io.github.spfkit.lint.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One sentence of a diagnosis as a message key and its arguments, worded by the {@code
 * io.github.spfkit.diagnosis.messages} bundles ({@code messages.properties} in English, {@code
 * messages_id.properties} in Indonesian, one file per further language). The key is stable; the
 * wording is the bundle's.
 *
 * <p>An argument is either verbatim data that every language shows as it is (a domain, an
 * address, a count, a record, the rejecting server's quoted reply, a DNS server's own words) as a
 * {@link String}, {@link Integer} or {@link Long}, or a nested {@code Phrase}, worded in the same
 * language as the sentence around it. Immutable.
 *
 * @param key the message key, e.g. {@code evidence.spf-result} or {@code advice.add-ip}
 * @param args the arguments, in the order of the pattern's {@code {0}}, {@code {1}} ...
 */
public record Phrase(String key, List<Object> args) {

  /**
   * Checks the key and the kinds of the arguments, and copies them.
   *
   * @param key the message key
   * @param args the arguments: strings, integers, longs or phrases
   * @throws IllegalArgumentException if an argument is of another kind
   */
  public Phrase {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
    for (Object arg : args) {
      if (!(arg instanceof String || arg instanceof Integer || arg instanceof Long
          || arg instanceof Phrase)) {
        throw new IllegalArgumentException(
            "a phrase argument is a String, Integer, Long or Phrase, not " + arg.getClass().getName());
      }
    }
  }

  /**
   * A phrase with the arguments given.
   *
   * @param key the message key
   * @param args the arguments: strings, integers, longs or phrases
   * @return the phrase
   */
  public static Phrase of(String key, Object... args) {
    return new Phrase(key, List.of(args));
  }

  /**
   * A {@code check_host()} problem by its kind (RFC 7208), for the sentence a diagnosis says
   * about it; a DNS error keeps the DNS seam's own words as a verbatim argument.
   *
   * @param problem the problem of an SPF result
   * @return the phrase {@code problem.<KIND>} with the domain (and, for a DNS error, the message)
   */
  public static Phrase of(Problem problem) {
    Objects.requireNonNull(problem, "problem");
    return problem.kind() == Problem.Kind.DNS_ERROR
        ? of("problem.DNS_ERROR", problem.domain(), problem.message())
        : of("problem." + problem.kind().name(), problem.domain());
  }

  /**
   * A lint finding by its code, with its position in the record where it has one.
   *
   * @param finding the finding
   * @return the phrase {@code finding.<CODE>} with the domain, wrapped in {@code finding.at} when
   *     the finding has a position
   */
  public static Phrase of(Finding finding) {
    Objects.requireNonNull(finding, "finding");
    Phrase text = of("finding." + finding.code().name(), finding.domain());
    Integer position = finding.position();
    return position == null ? text : of("finding.at", text, position);
  }

  /**
   * The sentence in a language: the bundle of {@code language} (English where the bundle has no
   * such language or no such key) with the arguments filled in, nested phrases worded in the same
   * language. A key missing from every bundle is returned as the key itself.
   *
   * @param language the language
   * @return the sentence
   */
  public String text(Locale language) {
    return Messages.of(language).text(this);
  }

  /** The sentence in English, for logs and tests. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}
