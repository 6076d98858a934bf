package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Result;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SPF result a bounce states in so many words or by its code: {@code fail}, {@code softfail}
 * or {@code permerror}, each of which means the receiver found a record. A text that only says
 * SPF "did not pass" or links to an openspf page states no result (it may have been {@code none}).
 * Stateless.
 */
final class BounceClaim {
  private BounceClaim() {}

  private static final Pattern SOFTFAIL = Pattern.compile("\\bsoft ?fail\\b");
  private static final Pattern PERMERROR =
      Pattern.compile("\\bspf\\b[^.;]{0,80}\\bpermerror\\b|\\bpermerror\\b[^.;]{0,80}\\bspf\\b|spf permanent error");
  private static final List<String> FAIL =
      List.of(
          "spf fail", "spf=fail", "spf: fail", "spf check: fail", "spf hardfail", "fails to pass spf",
          "hard fail policy", "not authorized", "is not allowed to send", "per it's spf record",
          "per its spf record", "does not designate", "not designated as permitted sender",
          "sender policy framework (spf) fail", "domain authentication fail", "prohibited by spf",
          "spf sender invalid", "sender's spf policy", "spf validation failed",
          "sender policy framework violation", "doesn't allow sending mails from");

  /** The result the bounce states, or {@code null} when it states none of the three. */
  static @Nullable Result stated(BounceFacts facts, Category category) {
    if (category != Category.SPF_FAIL && category != Category.SPF_ERROR
        && category != Category.SPF_POLICY && category != Category.SPF_HELO) {
      return null;
    }
    String reply = facts.replyText();
    String t = reply == null ? "" : Classifier.normalize(reply);
    int arrow = t.lastIndexOf("->");
    if (arrow >= 0) {
      t = t.substring(arrow + 2);
    }
    if (SOFTFAIL.matcher(t).find()) {
      return Result.SOFTFAIL;
    }
    if (PERMERROR.matcher(t).find()) {
      return Result.PERMERROR;
    }
    if (category == Category.SPF_POLICY || category == Category.SPF_ERROR) {
      return null;
    }
    for (String phrase : FAIL) {
      if (t.contains(phrase)) {
        return Result.FAIL;
      }
    }
    String status = facts.statusCode();
    // RFC 7372: X.7.23 is "SPF validation failed", a fail result
    return status != null && status.endsWith(".7.23") && category == Category.SPF_FAIL ? Result.FAIL : null;
  }
}
