package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The generic RFC 3464 delivery status notification: the per-recipient {@code Diagnostic-Code}
 * (the rejecting server's reply), {@code Final-Recipient}, and the per-message {@code
 * Reporting-MTA}. The {@code Remote-MTA} field is read by {@link BounceParser}, because the
 * structured part decides over any text.
 */
final class Rfc3464 implements Dialect {

  @Override
  public String name() {
    return "rfc3464";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    return notice.dsn().isEmpty() ? null : BounceFormat.RFC3464;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    if (notice.dsn().isEmpty()) {
      return null;
    }
    String diagnostic = diagnostic(notice);
    List<String> finals = new ArrayList<>();
    for (HeaderBlock block : notice.dsn()) {
      BounceParser.addUntyped(finals, block.first("Final-Recipient"));
    }
    String field = notice.dsn().get(0).first("Reporting-MTA");
    String reporting = field == null || HeaderBlock.untyped(field).isEmpty() ? null : HeaderBlock.untyped(field);
    return new Reading(
        diagnostic == null ? null : Replies.parse(diagnostic), null, null, reporting, finals, null);
  }

  /** The failed recipient's {@code Diagnostic-Code} without its type, or {@code null}. */
  static @Nullable String diagnostic(Notice notice) {
    HeaderBlock recipient = notice.recipientBlock();
    String diagnostic = recipient == null ? null : recipient.first("Diagnostic-Code");
    if (diagnostic == null) {
      return null;
    }
    String d = HeaderBlock.untyped(diagnostic);
    return d.isBlank() ? null : d;
  }
}
