package io.github.spfkit.diagnosis;

import io.github.spfkit.diagnosis.bounce.BounceFacts;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The category from the rejecting server's words: text first, codes second, because vendors use
 * codes their own way. Only the reply (or, without one, the notice's own text) is read; headers of
 * the returned message never are. Where Exchange wraps a remote reply after {@code ->}, the remote
 * part is read first.
 */
final class Classifier {
  private Classifier() {}

  private static final List<String> DMARC =
      List.of(
          "dmarc policy", "dmarc check failed", "does not pass dmarc", "dmarc verification",
          "dmarc failure", "per dmarc", "due to dmarc", "dmarc sender invalid", "failed dmarc",
          "dmarc reject", "not aligned with either the authenticated spf or dkim",
          "isn't aligned with either", "auth-failure: dmarc", "rfc 7489");

  private static final List<String> AUTH_REQUIRED =
      List.of(
          "requires all senders to authenticate", "required authentication level",
          "authentication requirements defined", "multiple authentication checks failed",
          "failing both spf and dkim", "fails to pass authentication checks",
          "fails to pass authentication check", "does not have authentication information",
          "must pass either spf or dkim", "sender is unauthenticated",
          "authenticate with either spf or dkim", "both spf and dkim");

  private static final Pattern HELO =
      Pattern.compile(
          "(?:[?;&](?:s|scope|identity)=helo\\b|\\bspf helo\\b|\\bhelo (?:spf )?check failed"
              + "|spf=fail smtp\\.helo|helo identity)");

  private static final List<String> SPF_ERROR =
      List.of(
          "spf permanent error", "spf temporary error",
          "too many dns lookups", "too many lookups", "required too many lookups",
          "exceeded the hop count", "suspicious entries", "spf validation error",
          "bad spf record", "permanent dns error while checking spf", "temporary dns error",
          "mechanism not recognized", "spf record syntax", "invalid spf syntax",
          "too many void lookups", "multiple spf records");

  /** permerror/temperror said of SPF, not of DKIM ("dkim=permerror ... spf=pass" is no SPF error). */
  private static final Pattern SPF_RESULT_ERROR =
      Pattern.compile(
          "\\bspf\\b[^.;]{0,80}\\b(?:perm|temp)error\\b|\\b(?:perm|temp)error\\b[^.;]{0,80}\\bspf\\b");

  private static final List<String> SPF_FAIL_FIRST = List.of("receiver policy for spf fail");

  private static final List<String> SPF_POLICY =
      List.of(
          "receiver policy for spf", "spf softfail", "spf soft fail", "spf=softfail", "softfail",
          "spf neutral", "spf=neutral", "has not published an spf", "no spf record",
          "spf none", "spf=none", "does not designate permitted sender hosts",
          "domain owner discourages use of this host");

  private static final List<String> SPF_FAIL =
      List.of(
          "sender policy framework", "spf fail", "spf check failed", "spf-check failed",
          "spf check: fail", "per it's spf record", "per its spf record", "fails to pass spf",
          "hard fail policy", "prohibited by spf", "spf sender invalid", "sender's spf policy",
          "spf authentication didn't pass", "didn't pass spf", "spf does not pass",
          "reject due to spf", "due to spf", "spf validation failed", "spf policy",
          "lpn004_401", "[spf]", "openspf.net/why", "openspf.org/why", "open-spf.org/why",
          "spf.pobox.com", "doesn't allow sending mails from", "sender authorization check failed",
          "auth-failure: spf", "(spf)");

  /** Texts that mention SPF or authentication but are not an SPF verdict (root causes §B.2). */
  private static final List<String> TRAPS =
      List.of(
          "spam classification", "antispam checks", "(scoring)", "spamhaus", "blocked using",
          "not permitted to relay", "relay access denied", "unauthenticated senders not allowed",
          "turn on smtp authentication", "smtp authentication", "ptr record", "reverse dns",
          "blocklist", "blacklist", "reputation");

  private static final Pattern SPF_WORD = Pattern.compile("\\bspf\\b");
  private static final Pattern FAILISH =
      Pattern.compile("\\b(?:fail|failed|failure|not allowed|not authori[sz]ed|not permitted|violation|invalid|reject(?:ed)?|denied)\\b");

  static Category classify(BounceFacts facts) {
    String reply = facts.replyText();
    String text = reply != null && !reply.isBlank() ? reply : facts.humanText();
    String t = normalize(text);
    int arrow = t.lastIndexOf("->");
    if (arrow >= 0) {
      Category remote = byText(t.substring(arrow + 2));
      if (remote != null) {
        return remote;
      }
    }
    Category category = byText(t);
    if (category != null) {
      return category;
    }
    category = byCode(facts.statusCode(), t);
    return category == null ? Category.NOT_SPF : category;
  }

  static String normalize(String text) {
    return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static @Nullable Category byText(String t) {
    if (containsAny(t, DMARC)) {
      return Category.DMARC;
    }
    if (containsAny(t, AUTH_REQUIRED)) {
      return Category.AUTH_REQUIRED;
    }
    boolean spf =
        SPF_WORD.matcher(t).find()
            || t.contains("sender policy framework")
            || t.contains("openspf.")
            || t.contains("open-spf.")
            || t.contains("spf.pobox.");
    if (spf && HELO.matcher(t).find()) {
      return Category.SPF_HELO;
    }
    if (SPF_RESULT_ERROR.matcher(t).find()
        || (containsAny(t, SPF_ERROR) && (spf || t.contains("too many") || t.contains("hop count")))) {
      return Category.SPF_ERROR;
    }
    if (containsAny(t, SPF_FAIL_FIRST)) {
      return Category.SPF_FAIL;
    }
    if (containsAny(t, SPF_POLICY)
        && (spf || t.contains("discourages use of this host") || t.contains("permitted sender hosts"))) {
      return Category.SPF_POLICY;
    }
    if (containsAny(t, TRAPS)) {
      return Category.NOT_SPF;
    }
    if (containsAny(t, SPF_FAIL)) {
      return Category.SPF_FAIL;
    }
    if (spf && FAILISH.matcher(t).find()) {
      return Category.SPF_FAIL;
    }
    if (t.contains("is not allowed to send mail from") && spf) {
      return Category.SPF_FAIL;
    }
    return null;
  }

  /** The category a code implies where the text does not decide (rfc-facts §3). */
  static @Nullable Category byCode(@Nullable String status, String t) {
    if (status == null) {
      return null;
    }
    String detail = status.substring(status.indexOf('.') + 1);
    switch (detail) {
      case "7.23":
        // Gmail uses 4.7.23 for reverse DNS; RFC 7372 uses X.7.23 for an SPF fail
        return status.startsWith("4") && t.contains("gsmtp") ? Category.NOT_SPF : Category.SPF_FAIL;
      case "7.24":
        return Category.SPF_ERROR;
      case "7.26":
        return Category.AUTH_REQUIRED;
      case "7.509":
      case "7.32":
        return Category.DMARC;
      case "7.515":
        return Category.AUTH_REQUIRED;
      default:
        // X.7.25 is reverse DNS, X.7.27 a null MX (Gmail's SPF use of it always says so in words)
        return null;
    }
  }

  private static boolean containsAny(String text, List<String> phrases) {
    for (String phrase : phrases) {
      if (text.contains(phrase)) {
        return true;
      }
    }
    return false;
  }
}
