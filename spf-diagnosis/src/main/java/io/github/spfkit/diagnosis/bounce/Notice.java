package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bounce as the MIME walker found it, before any dialect reads it: the message's own headers,
 * its human-readable text (with the returned message's embedded headers cut off), the text of its
 * HTML parts, the RFC 3464 delivery-status blocks, the RFC 5965 feedback-report part and the
 * headers of the returned message.
 *
 * @param top the bounce's own header fields
 * @param fullText the human-readable part as written, embedded returned headers included, for
 *     telling which MTA wrote it
 * @param text the human-readable notice, line breaks as {@code \n}; empty if there is none
 * @param html the text of the HTML parts; empty if there are none
 * @param dsn the delivery-status blocks, per-message block first; empty if there is no such part
 * @param arf the feedback-report fields, or {@code null}
 * @param returned the returned message's header fields, or {@code null}
 */
record Notice(
    HeaderBlock top,
    String fullText,
    String text,
    String html,
    List<HeaderBlock> dsn,
    @Nullable HeaderBlock arf,
    @Nullable HeaderBlock returned) {

  Notice {
    dsn = List.copyOf(dsn);
  }

  /** The per-recipient block to read: the first failed one, else the first with recipient fields. */
  @Nullable HeaderBlock recipientBlock() {
    HeaderBlock any = null;
    for (HeaderBlock block : dsn) {
      if (block.has("Final-Recipient") || block.has("Action") || block.has("Diagnostic-Code")) {
        String action = block.first("Action");
        if (action == null || action.toLowerCase(java.util.Locale.ROOT).contains("fail")) {
          return block;
        }
        if (any == null) {
          any = block;
        }
      }
    }
    if (any != null) {
      return any;
    }
    // some MTAs write everything in one block
    return dsn.isEmpty() ? null : dsn.get(0);
  }
}
