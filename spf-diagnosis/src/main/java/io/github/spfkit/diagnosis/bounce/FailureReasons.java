package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells a bounce's {@link FailureReason}: a specific enhanced status code first, then the phrases
 * of the rejecting server's reply, then a general status code, then the phrases of the notice's
 * own text. The phrase table follows sisimai's reason modules (the words MTAs and providers use
 * for each reason).
 */
final class FailureReasons {
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Status codes that name one reason whatever the text says (RFC 3463, RFC 7372). */
  private static final Map<String, FailureReason> SPECIFIC =
      Map.ofEntries(
          Map.entry("5.1.1", FailureReason.USER_UNKNOWN),
          Map.entry("4.1.1", FailureReason.USER_UNKNOWN),
          Map.entry("5.1.2", FailureReason.HOST_UNKNOWN),
          Map.entry("4.1.2", FailureReason.HOST_UNKNOWN),
          Map.entry("5.1.3", FailureReason.USER_UNKNOWN),
          Map.entry("5.1.6", FailureReason.HAS_MOVED),
          Map.entry("5.1.7", FailureReason.REJECTED),
          Map.entry("5.1.8", FailureReason.REJECTED),
          Map.entry("4.1.8", FailureReason.REJECTED),
          Map.entry("5.1.10", FailureReason.NOT_ACCEPT),
          Map.entry("5.2.1", FailureReason.SUSPEND),
          Map.entry("5.2.2", FailureReason.MAILBOX_FULL),
          Map.entry("4.2.2", FailureReason.MAILBOX_FULL),
          Map.entry("5.2.3", FailureReason.MESSAGE_TOO_BIG),
          Map.entry("5.3.4", FailureReason.MESSAGE_TOO_BIG),
          Map.entry("4.3.1", FailureReason.SYSTEM_FULL),
          Map.entry("5.3.1", FailureReason.SYSTEM_FULL),
          Map.entry("4.4.7", FailureReason.EXPIRED),
          Map.entry("5.4.7", FailureReason.EXPIRED),
          Map.entry("4.4.1", FailureReason.NETWORK_ERROR),
          Map.entry("4.4.2", FailureReason.NETWORK_ERROR),
          Map.entry("5.4.4", FailureReason.HOST_UNKNOWN),
          Map.entry("5.4.6", FailureReason.SYSTEM_ERROR),
          Map.entry("5.7.23", FailureReason.AUTH_FAILURE),
          Map.entry("5.7.24", FailureReason.AUTH_FAILURE),
          Map.entry("4.7.24", FailureReason.AUTH_FAILURE),
          Map.entry("5.7.25", FailureReason.REQUIRE_PTR),
          Map.entry("5.7.26", FailureReason.AUTH_FAILURE),
          Map.entry("5.7.8", FailureReason.SECURITY_ERROR),
          Map.entry("5.7.0", FailureReason.SECURITY_ERROR));

  private record Rule(FailureReason reason, Pattern words) {}

  private static Rule rule(FailureReason reason, String words) {
    return new Rule(reason, Pattern.compile(words, F));
  }

  /** The words of each reason, the more specific ones first. */
  private static final List<Rule> WORDS =
      List.of(
          rule(FailureReason.AUTH_FAILURE,
              "\\bspf\\b.{0,40}(?:fail|did not pass|not pass|permerror|softfail|check)|sender policy framework|\\bdmarc\\b|\\bdkim\\b.{0,20}(?:fail|did not pass)|unauthenticated|not authenticated with"),
          rule(FailureReason.REQUIRE_PTR,
              "(?:no|missing|cannot find your|reverse) (?:ptr|reverse dns|rdns)|reverse (?:dns|lookup) (?:failed|required)|no reverse dns|ptr record"),
          rule(FailureReason.BLOCKED,
              "client host .{0,40}(?:blocked|rejected)|(?:source )?ip .{0,30}(?:blocked|bloquee|banned)|adresse ip source bloquee"),
          rule(FailureReason.SUSPEND,
              "(?:mailbox|account|address|recipient|compte)(?: account)? (?:is |has been |est )?(?:disabled|suspended|inactive|deactivated|not active|locked|closed|expired|blocked|bloque|frozen)|temporar(?:y|ily) locked|disabled or discontinued|not an active|temporarily disabled"),
          rule(FailureReason.VIRUS_DETECTED, "\\bvirus\\b|malware|infected"),
          rule(FailureReason.SPAM_DETECTED,
              "\\bspam\\b|junk mail|message content rejected|content filter|bulk mail|unsolicited|UCE\\b|scored as"),
          rule(FailureReason.BLOCKED,
              "block ?list|black ?list|\\bRBL\\b|spamhaus|spamcop|barracudacentral|\\bblocked\\b|listed (?:at|in|on)|poor reputation|bad reputation"),
          rule(FailureReason.NO_RELAYING,
              "relay(?:ing)? (?:denied|not permitted|access denied|not allowed)|not permitted to relay|unable to relay|we do not relay|no relaying"),
          rule(FailureReason.HAS_MOVED, "has moved|no longer (?:on server|at this address|available)|address changed"),
          rule(FailureReason.MAILBOX_FULL,
              "mailbox (?:is )?full|over ?quota|quota (?:exceeded|full)|exceeded (?:storage|quota|the quota)|insufficient (?:disk|storage|system storage)|mail ?box (?:size|capacity)|mailfolder is full|too much mail|full mailbox"),
          rule(FailureReason.MESSAGE_TOO_BIG,
              "message (?:is )?too (?:big|large)|message size exceeds|exceeds (?:the )?(?:maximum|size limit|message size)|size limit|too large"),
          rule(FailureReason.USER_UNKNOWN,
              "user (?:unknown|not found|does not exist)|unknown (?:user|recipient|local part|address|mailbox)|no such (?:user|recipient|mailbox|address|account)|(?:mailbox|recipient|address|account|user) (?:does not|doesn't) exist|(?:mailbox|recipient|address|user|account) (?:not found|unavailable|not known)|invalid (?:recipient|address|mailbox|user)|recipient (?:address )?rejected|not a valid (?:mailbox|recipient|user)|is not a known user|no mailbox here|unrouteable address|address rejected|no account by that name|bad destination mailbox|addressee unknown|recipient no longer|(?:does not|doesn't) have an? [\\w.-]+ account"),
          rule(FailureReason.HOST_UNKNOWN,
              "host (?:not found|unknown)|domain (?:not found|does not exist|unknown|name not found)|unknown (?:host|domain)|name or service not known|no such (?:host|domain)|unrouteable (?:mail )?domain|domain .{0,40} (?:has no|does not have) (?:mx|mail)|dns (?:error|failure).{0,40}(?:nxdomain|not found)|host or domain name not found|domain is not reachable"),
          rule(FailureReason.NOT_ACCEPT, "does not accept mail|accepts no mail|null mx|no mx record"),
          rule(FailureReason.TOO_MANY_CONNECTIONS,
              "too many (?:connections|messages|recipients|sessions)|rate limit|throttl|try again later|temporarily deferred|exceeded .{0,20}(?:rate|connection)"),
          rule(FailureReason.EXPIRED,
              "retry time(?:out)? (?:not reached|exceeded)|(?:has been|was) expired|delivery time expired|message expired|queue(?:d)? (?:too long|lifetime)|could not be delivered (?:for|within) \\d|giving up|given up|retry timeout|time limit exceeded|lifetime exceeded|\\bexpired\\b"),
          rule(FailureReason.NETWORK_ERROR,
              "connection (?:refused|timed out|reset|lost|closed)|hop count exceeded|routing loop|network (?:error|is unreachable)|no route to host|could not connect|unable to connect|timed? ?out|host unreachable|lost connection|destination MXs"),
          rule(FailureReason.REJECTED,
              "sender (?:address )?(?:rejected|denied|refused|blocked|not allowed)|domain of sender|sender verify failed|invalid sender|bad sender|sender (?:domain )?(?:must|does not) (?:resolve|exist)|rejected sender"),
          rule(FailureReason.FILTERED,
              "not (?:accepting|allowed to receive) mail|rejected by (?:the )?recipient|refused by recipient|message filtered|filtered|does not accept|only accepts mail from|recipient .{0,30} not authorized|not a member|content rejected"),
          rule(FailureReason.SECURITY_ERROR,
              "authentication (?:required|failed)|must (?:be authenticated|authenticate)|not authorized|tls required|encryption required|certificate"),
          rule(FailureReason.POLICY_VIOLATION, "policy|prohibit|not allowed|refused by local|violat"),
          rule(FailureReason.SYSTEM_FULL, "(?:disk|file system|system) (?:is )?full|out of (?:memory|disk|storage)|insufficient system resources"),
          rule(FailureReason.MAILER_ERROR,
              "(?:pipe|program|command) (?:to|failed|returned)|mailer error|unknown mailer|local delivery failed|procmail|x-unix;"),
          rule(FailureReason.SYSTEM_ERROR,
              "system error|internal (?:server )?error|server error|loop(?:ing)? detected|too many hops|mail loop|configuration error|local error|queue file write error|temporary (?:failure|error)|service (?:not available|unavailable)"),
          rule(FailureReason.SYNTAX_ERROR, "syntax error|command (?:not recognized|unrecognized)|bad sequence|unrecognized command"),
          rule(FailureReason.CONTENT_ERROR, "header error|invalid header|malformed|content (?:error|refused)|message content"));

  private FailureReasons() {}

  /** Words of a notice that gave up after retrying: the last error is then only how it ended. */
  private static final Pattern GAVE_UP =
      Pattern.compile(
          "retry time(?:out)? (?:not reached|exceeded)|could not be delivered (?:for|within|in) (?:the last )?\\d"
              + "|(?:has|have) been (?:expired|delayed for)|giving up|gave up|given up|delivery time expired"
              + "|message expired|too long in (?:the )?queue|lifetime exceeded|\\bexpired\\b",
          F);

  static FailureReason of(
      BounceFormat format, NoticeKind kind, @Nullable String status, @Nullable String reply,
      String notice) {
    if (kind == NoticeKind.FEEDBACK_REPORT) {
      return FailureReason.FEEDBACK;
    }
    FailureReason reason = read(status, reply, notice);
    boolean retriesRanOut =
        // a temporary error in a notice of failure (not a pasted reply): the retries ran out
        (format != BounceFormat.SMTP_REPLY && status != null && status.startsWith("4.")
                && (reason == FailureReason.NETWORK_ERROR || reason == FailureReason.UNDEFINED))
            || ((reason == FailureReason.NETWORK_ERROR || reason == FailureReason.UNDEFINED
                    || reason == FailureReason.SYSTEM_ERROR)
                && GAVE_UP.matcher(notice.length() > 8192 ? notice.substring(0, 8192) : notice).find());
    if (retriesRanOut && kind == NoticeKind.FAILED_DELIVERY) {
      // sisimai's reading too: a delivery given up after its queue lifetime is expired
      return FailureReason.EXPIRED;
    }
    return reason;
  }

  private static FailureReason read(@Nullable String status, @Nullable String reply, String notice) {
    FailureReason specific = status == null ? null : SPECIFIC.get(status);
    if (specific != null) {
      return specific;
    }
    FailureReason said = words(reply);
    if (said != null) {
      return said;
    }
    FailureReason general = general(status);
    if (general != null) {
      return general;
    }
    FailureReason written = words(notice);
    return written != null ? written : FailureReason.UNDEFINED;
  }

  private static @Nullable FailureReason words(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.length() > 8192 ? text.substring(0, 8192) : text;
    for (Rule rule : WORDS) {
      if (rule.words().matcher(t).find()) {
        return rule.reason();
      }
    }
    return null;
  }

  /** The class of a status code that is not specific: {@code 5.1.x}, {@code 4.4.x} ... */
  private static @Nullable FailureReason general(@Nullable String status) {
    if (status == null || status.length() < 5) {
      return null;
    }
    String subject = status.substring(2, 3);
    return switch (subject) {
      case "1" -> FailureReason.USER_UNKNOWN;
      case "2" -> FailureReason.FILTERED;
      case "3" -> FailureReason.SYSTEM_ERROR;
      case "4" -> FailureReason.NETWORK_ERROR;
      case "5" -> FailureReason.SYNTAX_ERROR;
      case "6" -> FailureReason.CONTENT_ERROR;
      case "7" -> FailureReason.POLICY_VIOLATION;
      default -> null;
    };
  }
}
