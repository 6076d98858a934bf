package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Dialect} read in a notice; any part may be missing.
 *
 * @param reply the rejecting server's reply, or {@code null}
 * @param rejectingHost the host that rejected the message, or {@code null}
 * @param rejectingIp the rejecting host's address, or {@code null}
 * @param reportingMta the host that wrote the notice, or {@code null}
 * @param recipients the failed recipients, in the order written; empty if none was named
 * @param envelopeSender the returned message's envelope sender, or {@code null}
 */
record Reading(
    Replies.@Nullable Reply reply,
    @Nullable String rejectingHost,
    @Nullable String rejectingIp,
    @Nullable String reportingMta,
    List<String> recipients,
    @Nullable String envelopeSender) {

  Reading {
    recipients = List.copyOf(recipients);
  }

  /** A reading of the reply alone. */
  static Reading reply(Replies.Reply reply) {
    return new Reading(reply, null, null, null, List.of(), null);
  }

  /** Whether nothing was read. */
  boolean isEmpty() {
    return reply == null && rejectingHost == null && rejectingIp == null && reportingMta == null
        && recipients.isEmpty() && envelopeSender == null;
  }
}
