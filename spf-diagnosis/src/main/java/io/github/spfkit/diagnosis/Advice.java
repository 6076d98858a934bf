package io.github.spfkit.diagnosis;

import java.util.Objects;

/**
 * One concrete step to take, in the diagnoser's language, with the real names, addresses and
 * counts filled in.
 *
 * @param code a stable identifier of the step, e.g. {@code add-ip} or {@code apply-proposal}
 * @param text the step for people, localized
 */
public record Advice(String code, String text) {
  /**
   * Checks both parts.
   *
   * @param code a stable identifier of the step, e.g. {@code add-ip} or {@code apply-proposal}
   * @param text the step for people, localized
   */
  public Advice {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
