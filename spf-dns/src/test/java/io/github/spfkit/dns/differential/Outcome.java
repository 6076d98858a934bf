package io.github.spfkit.dns.differential;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one implementation made of one case.
 *
 * @param result the result code ({@code pass}, {@code fail}, {@code softfail}, {@code neutral},
 *     {@code none}, {@code temperror}, {@code permerror}), or {@code crash} if it threw
 * @param explanation for {@code fail}, the explanation; null otherwise
 * @param detail what the implementation says about it (the matched term, the error), for reports
 */
record Outcome(String result, @Nullable String explanation, String detail) {

  Outcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return result + (explanation == null ? "" : " \"" + explanation + "\"") + " (" + detail + ")";
  }
}
