package io.github.spfkit.policyd;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * policyd-spf's decision ({@code spf_engine._spfcheck} and the answer in {@code policyd_spf.main},
 * version 3.0.4) on spfkit's checker: the bypass lists first, then HELO (unless {@code No_Check}),
 * acting on it if it rejects or defers, then MAIL FROM; the header of the deciding identity is
 * prepended otherwise. Pure apart from the DNS behind the checkers.
 */
final class Decider {
  private static final Duration NONE = Duration.ZERO;

  private final PolicyConfig config;
  private final SpfChecker checker;
  private final Bypass bypass;
  private final @Nullable String receiver;

  Decider(PolicyConfig config, SpfChecker checker, Bypass bypass, @Nullable String receiver) {
    this.config = config;
    this.checker = checker;
    this.bypass = bypass;
    this.receiver = receiver;
  }

  /** What one identity's result asks for, before TestOnly and the header type are applied. */
  private enum Act {
    REJECT,
    DEFER,
    PREPEND,
    DUNNO
  }

  /** One identity checked: its result, what the policy does with it, the text for {@code {spf}}. */
  private record Checked(SpfResult result, Act act, String reason, String scope, String id) {}

  PolicyConfig config() {
    return config;
  }

  CompletableFuture<Decision> decide(PolicyRequest request) {
    if (config.mock()) {
      return done(new PolicyAction.Dunno("Mock"), "none", null, "mock");
    }
    String clientText = config.prospective() != null ? config.prospective().toString()
        : request.clientAddress();
    if (clientText == null || clientText.isEmpty()) {
      return done(new PolicyAction.Dunno("no client address"), "none", null, "no client_address");
    }
    Optional<IpAddress> parsed = IpAddress.parse(clientText.trim());
    if (parsed.isEmpty()) {
      return done(
          new PolicyAction.Dunno("client address is not an IP address"), "none", null,
          "client_address is not an IP address");
    }
    IpAddress ip = parsed.get();
    String sender = value(request.sender());
    String heloGiven = value(request.heloName());
    // the bypass lists come first, as in policyd-spf, even without a sender or HELO name
    return bypass
        .find(ip, heloGiven)
        .thenCompose(
            comment -> {
              if (comment.isPresent()) {
                return CompletableFuture.completedFuture(
                    prepend(bypassHeader(comment.get(), request), "none", null,
                        comment.get().replace(" - ", "").trim()));
              }
              if (sender.isEmpty() && heloGiven.isEmpty()) {
                return done(new PolicyAction.Dunno("no sender or HELO name"), "none", null,
                    "no sender and no helo_name");
              }
              return check(request, ip, sender, heloGiven);
            });
  }

  private CompletableFuture<Decision> check(
      PolicyRequest request, IpAddress ip, String sender, String heloGiven) {
    // policyd-spf: without a HELO name, the sender's domain (or "unknown") stands in for it
    String helo = heloGiven;
    if (helo.isEmpty()) {
      int at = sender.indexOf('@');
      helo = at < 0 ? "unknown" : sender.substring(at + 1);
    }
    String heloName = helo;
    CompletableFuture<@Nullable Checked> heloStage =
        config.heloReject() == RejectPolicy.NO_CHECK
            ? CompletableFuture.completedFuture(null)
            : evaluate(ip, null, heloName)
                .thenApply(result -> classify(result, "helo", heloName, heloName, sender));
    return heloStage.thenCompose(
        heloChecked -> {
          if (heloChecked != null && (heloChecked.act() == Act.REJECT
              || heloChecked.act() == Act.DEFER)) {
            Checked acted = noMail(heloChecked);
            if (acted.act() == Act.REJECT || acted.act() == Act.DEFER) {
              return CompletableFuture.completedFuture(refuse(acted, ip, request));
            }
            heloChecked = acted;
          }
          Checked helo1 = heloChecked;
          if (sender.isEmpty()) {
            if (helo1 == null) {
              return done(new PolicyAction.Dunno("null sender, HELO not checked"), "none", null,
                  "null sender and HELO_reject = No_Check");
            }
            if (config.heloPassRestriction() != null && helo1.result().result() == Result.PASS) {
              return CompletableFuture.completedFuture(
                  restriction(config.heloPassRestriction(), helo1));
            }
            return CompletableFuture.completedFuture(headerOrDunno(helo1));
          }
          if (config.mailFromReject() == RejectPolicy.NO_CHECK) {
            if (helo1 == null) {
              return done(new PolicyAction.Dunno("nothing checked"), "none", null,
                  "HELO_reject and Mail_From_reject are No_Check");
            }
            return CompletableFuture.completedFuture(headerOrDunno(helo1));
          }
          return evaluate(ip, sender, heloName)
              .thenApply(
                  result -> {
                    Checked mfrom = classify(result, "mfrom", sender, heloName, sender);
                    return afterMailFrom(mfrom, helo1, ip, request);
                  });
        });
  }

  private Decision afterMailFrom(
      Checked mfrom, @Nullable Checked helo, IpAddress ip, PolicyRequest request) {
    boolean mfromPass = mfrom.result().result() == Result.PASS;
    if (config.mailFromPassRestriction() != null && mfromPass) {
      return restriction(config.mailFromPassRestriction(), mfrom);
    }
    if (config.heloPassRestriction() != null && helo != null
        && helo.result().result() == Result.PASS) {
      // a HELO pass restriction is the answer even when MAIL FROM would reject (policyd-spf(5));
      // policyd-spf 3.0.4 itself fails with a NameError here unless MAIL FROM passed too
      return restriction(config.heloPassRestriction(), helo);
    }
    Checked acted = mfrom;
    if (acted.act() == Act.REJECT || acted.act() == Act.DEFER) {
      acted = noMail(acted);
      if (acted.act() == Act.REJECT || acted.act() == Act.DEFER) {
        return refuse(acted, ip, request);
      }
    }
    // no MAIL FROM policy but a HELO result: policyd-spf prepends the HELO header
    if (acted.result().result() == Result.NONE && helo != null
        && helo.result().result() != Result.NONE) {
      // even when HELO_reject = Null made the HELO result itself a DUNNO, as policyd-spf does
      return headerOrDunno(new Checked(helo.result(), Act.PREPEND, helo.reason(), helo.scope(),
          helo.id()));
    }
    return headerOrDunno(acted);
  }

  private CompletableFuture<SpfResult> evaluate(IpAddress ip, @Nullable String sender, String helo) {
    var check = checker.check().ip(ip).helo(helo);
    if (sender != null) {
      check.mailFrom(sender);
    }
    if (receiver != null && !config.hideReceiver()) {
      check.receiver(receiver);
    }
    return check.evaluateAsync().toCompletableFuture();
  }

  /** policyd-spf's {@code _get_resultcodes}: the action of one identity's result. */
  private Checked classify(SpfResult result, String scope, String id, String helo, String sender) {
    String domain = scope.equals("helo") ? helo : domainOf(sender);
    boolean local = listedNotPass(domain);
    RejectPolicy policy = scope.equals("helo") ? config.heloReject() : config.mailFromReject();
    if (local) {
      policy = RejectPolicy.SPF_NOT_PASS;
    }
    Result r = result.result();
    Act act;
    if (policy == RejectPolicy.FALSE) {
      act = Act.PREPEND;
    } else if (policy.rejects(r)) {
      act = Act.REJECT;
    } else if (r == Result.TEMPERROR && config.tempErrorDefer()) {
      act = Act.DEFER;
    } else if (r == Result.PERMERROR && config.permErrorReject()) {
      act = Act.REJECT;
    } else {
      act = Act.PREPEND;
    }
    if (scope.equals("helo") && config.heloReject() == RejectPolicy.NULL && !sender.isEmpty()) {
      act = Act.DUNNO;
    }
    String reason = local && act == Act.REJECT ? "Receiver policy for SPF " + capitalised(r)
        : reason(result);
    return new Checked(result, act, reason, scope, id);
  }

  /** Reject_Not_Pass_Domains, matched as policyd-spf matches it ({@code spf.domainmatch}). */
  private boolean listedNotPass(String domain) {
    String name = domain.toLowerCase(Locale.ROOT);
    for (String listed : config.rejectNotPassDomains()) {
      if (listed.equals(name) || listed.endsWith("." + name)) {
        return true;
      }
    }
    return false;
  }

  /** No_Mail: only a record that says "no mail at all" rejects; anything else is prepended. */
  private Checked noMail(Checked checked) {
    if (!config.noMail() || checked.act() != Act.REJECT) {
      return checked;
    }
    String record = checked.result().trace().root().record();
    if (record != null && record.strip().equalsIgnoreCase("v=spf1 -all")) {
      return checked;
    }
    return new Checked(checked.result(), Act.PREPEND, checked.reason(), checked.scope(),
        checked.id());
  }

  private Decision refuse(Checked checked, IpAddress ip, PolicyRequest request) {
    boolean reject = checked.act() == Act.REJECT;
    String text = ReasonMessage.format(
        config.reasonMessage(), reject ? "rejected" : "deferred", checked.reason(),
        url(checked, ip, request));
    Result r = checked.result().result();
    boolean error = r == Result.PERMERROR || r == Result.TEMPERROR;
    PolicyAction action;
    if (reject) {
      String code = !config.enhancedStatusCodes() ? "550" : error ? "550 5.7.24" : "550 5.7.23";
      action = new PolicyAction.Reject(code, text);
    } else {
      action = new PolicyAction.Defer(config.enhancedStatusCodes() ? "451 4.7.24" : "451", text);
    }
    return decision(action, checked, "");
  }

  private Decision headerOrDunno(Checked checked) {
    if (checked.act() == Act.DUNNO) {
      return decision(new PolicyAction.Dunno("HELO_reject = Null"), checked, "");
    }
    String header = switch (config.headerType()) {
      case SPF -> checked.result().receivedSpf();
      case AR -> checked.result().authenticationResults(config.authservId());
      case NONE -> "";
    };
    return prepend(header, identity(checked), checked.result(), "");
  }

  private Decision restriction(String name, Checked checked) {
    return decision(new PolicyAction.Restriction(name), checked, "pass restriction");
  }

  private static Decision decision(PolicyAction action, Checked checked, String note) {
    return new Decision(action, identity(checked), checked.result(), note, NONE);
  }

  private Decision prepend(
      String header, String identity, @Nullable SpfResult result, String note) {
    PolicyAction action = config.headerType() == HeaderType.NONE
        ? new PolicyAction.Dunno("Header_Type = None")
        : new PolicyAction.Prepend(header);
    return new Decision(action, identity, result, note, NONE);
  }

  private static String identity(Checked checked) {
    return checked.result().identity() == Identity.HELO ? "helo" : "mailfrom";
  }

  private static CompletableFuture<Decision> done(
      PolicyAction action, String identity, @Nullable SpfResult result, String note) {
    return CompletableFuture.completedFuture(new Decision(action, identity, result, note, NONE));
  }

  /** The trace header of a bypass: policyd-spf's {@code X-Comment}, or an AR {@code none}. */
  private String bypassHeader(String comment, PolicyRequest request) {
    String details = "client-ip=" + value(request.clientAddress())
        + "; helo=" + value(request.heloName())
        + "; envelope-from=" + value(request.sender())
        + "; receiver=" + recipientDomain(request);
    if (config.headerType() == HeaderType.AR) {
      return "Authentication-Results: " + SafeText.oneLine(config.authservId(), 255) + "; none ("
          + SafeText.comment(comment + details) + ")";
    }
    return "X-Comment: " + SafeText.oneLine(comment + details, SafeText.MAX_HEADER);
  }

  /** policyd-spf's {@code {url}}: its explanation page, with the recipient's domain. */
  private String url(Checked checked, IpAddress ip, PolicyRequest request) {
    return "http://www.openspf.net/Why?s=" + checked.scope() + ";id=" + checked.id() + ";ip=" + ip
        + ";r=" + recipientDomain(request);
  }

  private String recipientDomain(PolicyRequest request) {
    if (config.perUserSource() != null) {
      // with Per_User, policyd-spf keeps the whole address (lower-cased) and ignores Hide_Receiver
      return value(request.recipient()).toLowerCase(Locale.ROOT);
    }
    if (config.hideReceiver()) {
      return "<UNKNOWN>";
    }
    String recipient = value(request.recipient());
    if (recipient.isEmpty()) {
      return "none";
    }
    int at = recipient.indexOf('@');
    return at < 0 ? recipient : recipient.substring(at + 1);
  }

  /** The text for {@code {spf}}: the explanation of a fail, otherwise what the result means. */
  static String reason(SpfResult result) {
    Problem problem = result.problem();
    return switch (result.result()) {
      case FAIL -> result.explanation() != null ? result.explanation()
          : "SPF fail - not authorized";
      case SOFTFAIL -> "domain owner discourages use of this host";
      case NEUTRAL -> "access neither permitted nor denied";
      case PASS -> "sender SPF authorized";
      case NONE -> "no SPF record";
      case TEMPERROR -> "SPF Temporary Error: "
          + (problem != null ? problem.message() : "DNS lookup failed");
      case PERMERROR -> "SPF Permanent Error: "
          + (problem != null ? problem.message() : "the SPF record is not valid");
    };
  }

  private static String capitalised(Result result) {
    String token = result.token();
    return Character.toUpperCase(token.charAt(0)) + token.substring(1);
  }

  private static String domainOf(String sender) {
    int at = sender.indexOf('@');
    return at < 0 ? "" : sender.substring(at + 1);
  }

  private static String value(@Nullable String text) {
    return text == null ? "" : text.trim();
  }
}
