package io.github.spfkit.diagnosis;

import java.util.Objects;

/**
 * One fact that supports the diagnosis: the reply text, the SPF result for the client IP, the
 * include chain with its lookup counts, a void name, a duplicate record, a syntax error's position,
 * forwarding signs.
 *
 * @param code a stable identifier of the kind of fact, e.g. {@code spf-result} or {@code void-lookup}
 * @param text the fact for people, localized
 */
public record Evidence(String code, String text) {
  /**
   * Checks both parts.
   *
   * @param code a stable identifier of the kind of fact, e.g. {@code spf-result} or {@code void-lookup}
   * @param text the fact for people, localized
   */
  public Evidence {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
