package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * RFC 5965 / RFC 6591 feedback reports: not a bounce, but SPF evidence; the {@code Feedback-Type},
 * {@code Auth-Failure} and {@code Authentication-Results} fields stand for the reply, and {@code
 * Original-Mail-From} is the envelope sender.
 */
final class Arf implements Dialect {

  @Override
  public String name() {
    return "arf";
  }

  static boolean isFeedbackReport(Notice notice) {
    String type = notice.top().first("Content-Type");
    return notice.arf() != null
        || (type != null && type.toLowerCase(Locale.ROOT).contains("feedback-report"));
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    return isFeedbackReport(notice) ? BounceFormat.ARF : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    HeaderBlock f = notice.arf();
    if (f == null) {
      return null;
    }
    String ar = f.first("Authentication-Results");
    String said =
        "Feedback-Type: " + nz(f.first("Feedback-Type")) + "; Auth-Failure: "
            + nz(f.first("Auth-Failure")) + (ar == null ? "" : "; Authentication-Results: " + ar);
    return new Reading(
        new Replies.Reply(null, null, said), null, null, null, List.of(),
        BounceParser.address(f.first("Original-Mail-From")));
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }
}
