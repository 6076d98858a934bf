package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells what kind of notice a message is from its own headers, its delivery-status fields and
 * its human-readable text: failure vocabulary in the subject or the text, a mail-system sender
 * ({@code MAILER-DAEMON}, {@code postmaster}), the DSN {@code Action}, {@code Auto-Submitted}.
 */
final class NoticeKinds {
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Words of a notice about a delay, in the subject or the text. */
  private static final Pattern DELAY =
      Pattern.compile(
          "\\b(?:delay(?:ed)?|warning: message|not (?:yet )?been delivered|still (?:being )?tr(?:ying|ied)"
              + "|will (?:continue to )?(?:re)?try|Delivery status notification: warning)\\b",
          F);

  /** Words of a notice about a failed delivery, in the subject or the text. */
  private static final Pattern FAILURE =
      Pattern.compile(
          "undeliver|undelivered|not (?:be )?delivered|could not be delivered|delivery (?:has )?failed"
              + "|delivery failure|failed delivery|failure notice|mail delivery failed|returned mail"
              + "|returning message to sender|delivery status notification \\(failure\\)"
              + "|delivery status notification: error|permanent(?:ly)? (?:error|fatal|failure)"
              + "|(?:host|domain) (?:not found|unknown)|unknown (?:user|host|recipient)"
              + "|user unknown|no such (?:user|recipient|mailbox|address)|mailbox (?:is )?(?:full|unavailable)"
              + "|message (?:was )?(?:rejected|expired|bounced)|retry time(?:out)? (?:not reached|exceeded)"
              + "|has been expired|could not (?:be )?(?:sent|reach|deliver)|delivery to the following"
              + "|mail system error|Mail failure|not member|Loop Alert|メールエラー|送信できません"
              + "|не (?:может быть )?доставлено|не удалось доставить|Недоставленное",
          F);

  /** Words of a notice that the delivery succeeded. */
  private static final Pattern SUCCESS =
      Pattern.compile("\\b(?:successfully delivered|delivery (?:was )?successful|has been delivered)\\b", F);

  /** A mail system's own address or display name as the notice's sender. */
  private static final Pattern MAIL_SYSTEM_SENDER =
      Pattern.compile(
          "(?:^|[<\\s\"])(?:mailer-daemon|postmaster|mail\\.delivery\\.system|mmsc ndr)\\b"
              + "|Mail Delivery (?:System|Subsystem)",
          F);

  private NoticeKinds() {}

  static NoticeKind of(
      HeaderBlock top,
      List<HeaderBlock> dsn,
      BounceFormat format,
      boolean replyOrStatus,
      String text) {
    if (format == BounceFormat.ARF) {
      return NoticeKind.FEEDBACK_REPORT;
    }
    String subject = nz(top.first("Subject"));
    String action = action(dsn);
    if (action != null) {
      if (action.startsWith("delayed")) {
        return NoticeKind.DELAYED_DELIVERY;
      }
      if (action.startsWith("failed")) {
        return NoticeKind.FAILED_DELIVERY;
      }
      if (!replyOrStatus || action.startsWith("delivered") || action.startsWith("relayed")
          || action.startsWith("expanded") || action.startsWith("deliverable")) {
        return NoticeKind.DELIVERY_SUCCESS;
      }
    }
    boolean failureWords = FAILURE.matcher(subject).find() || FAILURE.matcher(text).find();
    boolean delayWords = DELAY.matcher(subject).find();
    boolean mailSystem = MAIL_SYSTEM_SENDER.matcher(nz(top.first("From"))).find();
    if (replyOrStatus || failureWords || (mailSystem && !SUCCESS.matcher(text).find())) {
      return delayWords && !FAILURE.matcher(subject).find()
          ? NoticeKind.DELAYED_DELIVERY
          : NoticeKind.FAILED_DELIVERY;
    }
    if (SUCCESS.matcher(subject).find() || SUCCESS.matcher(text).find()) {
      return NoticeKind.DELIVERY_SUCCESS;
    }
    String autoSubmitted = lower(top.first("Auto-Submitted"));
    if (autoSubmitted.startsWith("auto-replied") || top.has("X-Autoreply") || top.has("X-Autorespond")
        || lower(top.first("Precedence")).startsWith("auto_reply")) {
      return NoticeKind.AUTO_REPLY;
    }
    return NoticeKind.ORDINARY_MAIL;
  }

  private static @Nullable String action(List<HeaderBlock> dsn) {
    String seen = null;
    for (HeaderBlock block : dsn) {
      String action = block.first("Action");
      if (action != null) {
        String a = lower(action).strip();
        if (a.startsWith("failed") || a.startsWith("delayed")) {
          return a;
        }
        seen = a;
      }
    }
    return seen;
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String lower(@Nullable String s) {
    return nz(s).toLowerCase(Locale.ROOT);
  }
}
