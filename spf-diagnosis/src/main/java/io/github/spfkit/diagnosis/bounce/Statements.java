package io.github.spfkit.diagnosis.bounce;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.net.IpAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a rejection text states about the SPF check: the checked domain, the client IP, the HELO
 * name and the identity. Each vendor's wording has its pattern; the first that matches wins.
 */
final class Statements {
  @Nullable String domain;
  @Nullable String ip;
  @Nullable String helo;
  @Nullable Identity scope;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  // every repetition is bounded: these run on text from the Internet
  private static final String IP =
      "([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:[0-9.]{0,15})?)";
  private static final String DOMAIN = "([a-z0-9_](?:[a-z0-9_.-]{0,250}[a-z0-9])?\\.[a-z]{2,63})";
  /** Only the start of a reply is searched: the facts are always there, and it bounds the work. */
  private static final int MAX_CHARS = 8192;

  /** policyd-spf and exim: {@code Why?s=mfrom;id=a@b;ip=1.2.3.4}, also {@code scope=}/{@code identity=}. */
  private static final Pattern WHY =
      Pattern.compile(
          "why\\??(?:\\.html\\?)?(?:s|scope)=(mfrom|helo)[;&](?:id|identity)=([^;&\\s]+)[;&]ip=([^;&\\s]+)",
          FLAGS);
  /** openspf "why.html?sender=a@b&ip=1.2.3.4". */
  private static final Pattern WHY_SENDER =
      Pattern.compile("why(?:\\.html)?\\?sender=([^;&\\s]+)&(?:amp;)?ip=([^;&\\s\\]]+)", FLAGS);
  /** Gmail: "MAIL FROM domain [d] has an SPF record ... with the ip: [1.2.3.4]". */
  private static final Pattern GMAIL_HARDFAIL =
      Pattern.compile("mail from domain \\[?" + DOMAIN + "\\]? has an spf record.{0,200}?ip:? ?\\[?" + IP, FLAGS);
  /** Gmail: "SPF [d] with ip: [1.2.3.4] = did not pass", "SPF d with IP address: 1.2.3.4", "with ip : [1.2.3.4]". */
  private static final Pattern GMAIL_RESULTS =
      Pattern.compile("spf \\[?" + DOMAIN + "\\]? with ip(?: address)? ?:? ?\\[?" + IP, FLAGS);
  /** Gmail: "SPF check for [d] did not pass with ip: [1.2.3.4]", also "does not pass". */
  private static final Pattern GMAIL_CHECK_FOR =
      Pattern.compile(
          "spf check for \\[?" + DOMAIN + "\\]? (?:did|does) not pass with ip(?: address)? ?:? ?\\[?" + IP, FLAGS);
  /** "1.2.3.4 is not designated as a permitted sender (for d)". */
  private static final Pattern NOT_DESIGNATED =
      Pattern.compile(
          IP + "\\]? is not designated as (?:an? )?permitted sender(?: (?:for|of) (?:domain )?<?(?:[^\\s@<>]{1,64}@)?"
              + DOMAIN + ")?",
          FLAGS);
  /** Gmail 5.7.27 without the domain: "SPF with 1.2.3.4 = did not pass". */
  private static final Pattern GMAIL_IP_ONLY = Pattern.compile("spf with \\[?" + IP + "\\]? =", FLAGS);
  /** Exim, MailEnable, GoDaddy: "1.2.3.4 is not allowed to send (mail) from (<)d(>)". */
  private static final Pattern NOT_ALLOWED =
      Pattern.compile(IP + "\\]? is not allowed to send (?:mail )?from <?" + DOMAIN, FLAGS);
  /** Hostpoint: "d doesn't allow sending mails from 1.2.3.4". */
  private static final Pattern DOESNT_ALLOW =
      Pattern.compile("(?<![^\\s:<\\[])([^\\s:<>\\[\\]]{1,253}) doesn'?t allow sending mails? from \\[?" + IP, FLAGS);
  /** Exim's old "Bad SPF records for [d:1.2.3.4]". */
  private static final Pattern BAD_RECORDS =
      Pattern.compile("spf records? for \\[" + DOMAIN + ":" + IP + "\\]", FLAGS);
  /** "domain of a@b does not designate 1.2.3.4", as in Received-SPF comments quoted in replies. */
  private static final Pattern DESIGNATE =
      Pattern.compile("domain of (?:[^\\s@]{1,64}@)?" + DOMAIN + " does not designate " + IP, FLAGS);
  /** A HELO named in the text: "helo=name" or "HELO name". */
  private static final Pattern HELO_KEY = Pattern.compile("\\bhelo[=: ]+\\[?" + DOMAIN, FLAGS);

  static Statements of(@Nullable String fullText) {
    Statements s = new Statements();
    if (fullText == null || fullText.isEmpty()) {
      return s;
    }
    String text = fullText.length() > MAX_CHARS ? fullText.substring(0, MAX_CHARS) : fullText;
    Matcher m = WHY.matcher(text);
    if (m.find()) {
      s.scope = m.group(1).equalsIgnoreCase("helo") ? Identity.HELO : Identity.MAIL_FROM;
      String id = decode(m.group(2));
      if (s.scope == Identity.HELO) {
        s.helo = domainOf(id);
        s.domain = domainOf(id);
      } else {
        s.domain = domainOf(id);
      }
      s.ip = ip(decode(m.group(3)));
      return s;
    }
    m = WHY_SENDER.matcher(text);
    if (m.find()) {
      s.domain = domainOf(decode(m.group(1)));
      s.ip = ip(decode(m.group(2)));
      return s;
    }
    for (Pattern p : new Pattern[] {GMAIL_HARDFAIL, GMAIL_CHECK_FOR, GMAIL_RESULTS, BAD_RECORDS, DESIGNATE}) {
      m = p.matcher(text);
      if (m.find()) {
        s.domain = domainOf(m.group(1));
        s.ip = ip(m.group(2));
        return s;
      }
    }
    m = NOT_DESIGNATED.matcher(text);
    if (m.find()) {
      s.ip = ip(m.group(1));
      s.domain = m.group(2) == null ? null : domainOf(m.group(2));
      return s;
    }
    m = NOT_ALLOWED.matcher(text);
    if (m.find()) {
      s.ip = ip(m.group(1));
      s.domain = domainOf(m.group(2));
      return s;
    }
    m = DOESNT_ALLOW.matcher(text);
    if (m.find()) {
      s.domain = domainOf(m.group(1));
      s.ip = ip(m.group(2));
      return s;
    }
    m = GMAIL_IP_ONLY.matcher(text);
    if (m.find()) {
      s.ip = ip(m.group(1));
    }
    m = HELO_KEY.matcher(text);
    if (m.find()) {
      s.helo = domainOf(m.group(1));
    }
    return s;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** The domain of an address or a bare domain, lower case; {@code null} if it is not one. */
  static @Nullable String domainOf(@Nullable String addressOrDomain) {
    if (addressOrDomain == null) {
      return null;
    }
    String d = addressOrDomain.trim();
    int at = d.lastIndexOf('@');
    if (at >= 0) {
      d = d.substring(at + 1);
    }
    d = d.replaceAll("^[<\\[(\"']+|[>\\])\"'.,;:]+$", "").toLowerCase(Locale.ROOT);
    if (d.isEmpty() || d.length() > 253 || d.indexOf('.') < 0 || !d.matches("[a-z0-9_.-]+")) {
      return null;
    }
    if (d.startsWith(".") || d.contains("..") || IpAddress.parse(d).isPresent()) {
      return null;
    }
    return d;
  }

  /** The canonical literal of an IP address in {@code text}, or {@code null}. */
  static @Nullable String ip(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim().replaceAll("^[\\[(<]+|[\\])>.,;:]+$", "");
    return IpAddress.parse(t).map(IpAddress::toString).orElse(null);
  }
}
