package io.github.spfkit.policyd;

import io.github.spfkit.core.SpfResult;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One answered request: the action for Postfix and what led to it, for the log.
 *
 * @param action the answer to send
 * @param identity which identity decided: {@code helo}, {@code mailfrom}, or {@code none} when no
 *     SPF check decided (whitelist, skipped address, cached transaction, bad request)
 * @param result the SPF result that decided, or null when none did
 * @param note a short reason for the log, e.g. {@code whitelisted relay} or {@code same
 *     transaction}
 * @param elapsed how long the decision took
 */
public record Decision(
    PolicyAction action,
    String identity,
    @Nullable SpfResult result,
    String note,
    Duration elapsed) {

  /**
   * Checks the parts.
   *
   * @param action the action; not null
   * @param identity the deciding identity; not null
   * @param result the deciding result, or null
   * @param note the note; not null
   * @param elapsed the time taken; not null
   */
  public Decision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  Decision withElapsed(Duration time) {
    return new Decision(action, identity, result, note, time);
  }

  Decision withAction(PolicyAction replacement, String why) {
    return new Decision(replacement, identity, result, note.isEmpty() ? why : note + "; " + why,
        elapsed);
  }
}
