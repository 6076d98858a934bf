package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The steps to take for a cause, most important first, with the real names, addresses and counts
 * filled in. Pure: it reads the case and returns a new list.
 */
final class Advisor {
  private final Messages messages;
  private final Limits limits;

  Advisor(Messages messages, Limits limits) {
    this.messages = messages;
    this.limits = limits;
  }

  List<Advice> advise(CauseFinder.Case c, Cause cause, @Nullable Proposal proposal) {
    BounceFacts facts = c.facts();
    List<Advice> out = new ArrayList<>();
    if (cause == Cause.NOT_SPF) {
      String reply = facts.replyText();
      out.add(messages.advice("not-spf", reply == null ? "-" : Texts.shorten(reply, 300)));
      return out;
    }
    if (c.category() == Category.DMARC) {
      String envelope = facts.senderDomain();
      String from = facts.fromDomain();
      String shown = from != null ? from : envelope != null ? envelope : "?";
      if (cause == Cause.FORWARDING) {
        out.add(messages.advice("forwarding", EvidenceWriter.signs(facts)));
      }
      out.add(messages.advice("dmarc-align", shown));
      out.add(messages.advice("dkim", shown));
      return out;
    }
    LiveAnalysis live = c.live();
    if (live == null) {
      return withoutDns(c, cause);
    }
    String domain = live.domain();
    IpAddress ip = live.ip();
    String ipText = ip == null ? "?" : ip.toString();
    LintReport lint = live.lint();
    SpfResult result = live.result();
    if (cause == Cause.DNS_UNAVAILABLE || lint == null) {
      out.add(messages.advice("dns-unavailable", domain));
      if (Microsoft365.spfRejection(facts, c.category())) {
        out.addAll(Microsoft365.steps(messages, c, false));
      }
      return out;
    }
    switch (cause) {
      case EVIDENCE_CONFLICT:
        Result stated = c.stated();
        out.add(messages.advice("evidence-conflict", stated == null ? "?" : stated.token(), domain));
        break;
      case NO_SUCH_DOMAIN:
        out.add(messages.advice("no-such-domain", domain));
        break;
      case INTERNAL_HOP:
        out.add(messages.advice("internal-hop", ipText, domain));
        LiveAnalysis.Outbound outbound = live.outbound();
        if (outbound != null) {
          SpfResult check = outbound.result();
          out.add(check != null && check.result() == Result.PASS
              ? messages.advice("outbound-passes", outbound.ip().toString(), domain)
              : messages.advice("outbound-address", outbound.ip().toString(), domain));
        }
        break;
      case IP_NOT_AUTHORIZED:
        out.add(messages.advice("add-ip", ipText, domain));
        out.add(messages.advice("check-sources", domain));
        break;
      case FORWARDING:
        out.add(messages.advice("forwarding", EvidenceWriter.signs(facts)));
        out.add(messages.advice("dkim", domain));
        break;
      case TOO_MANY_LOOKUPS:
        out.add(messages.advice("too-many-lookups", domain, lint.lookups(), limits.maxDnsTerms(),
            lint.tree() == null ? domain : lint.tree().chain()));
        break;
      case TOO_MANY_VOID_LOOKUPS:
        out.add(messages.advice("void-lookups", domain, lint.voidLookups(), String.join(", ", lint.voidNames())));
        break;
      case MULTIPLE_RECORDS:
        out.add(messages.advice("merge-records", domain,
            Math.max(2, lint.findings(Finding.Code.MULTIPLE_RECORDS).size() + 1)));
        break;
      case SYNTAX_ERROR:
        out.add(messages.advice("fix-syntax", domain, firstError(lint)));
        break;
      case NO_SPF_RECORD:
        out.add(messages.advice("publish-record", domain));
        break;
      case DNS_ERROR:
        out.add(messages.advice("dns-error", domain,
            result != null && result.problem() != null
                ? EvidenceWriter.problem(result.problem()) : firstError(lint)));
        break;
      case HELO_FAILED:
        out.add(messages.advice("helo", domain, ipText));
        break;
      case HIGH_RISK_DELIVERY_POOL:
        out.add(messages.advice("hrdp", domain, ipText));
        break;
      case RECEIVER_POLICY:
        out.add(messages.advice("receiver-policy", domain,
            result != null && result.match() != null ? result.match().toString() : "~all", ipText));
        break;
      case AUTH_REQUIRED:
        out.add(messages.advice("auth-required", domain));
        out.add(messages.advice("dkim", domain));
        break;
      case PASSES_NOW:
        out.add(messages.advice("passes-now", domain, ipText));
        break;
      default:
        out.add(messages.advice("undetermined", domain));
        break;
    }
    String system = systemSender(facts);
    if (system != null
        && (cause == Cause.IP_NOT_AUTHORIZED || cause == Cause.NO_SPF_RECORD
            || cause == Cause.AUTH_REQUIRED || cause == Cause.UNDETERMINED)) {
      out.add(messages.advice("system-sender", system, domain));
    }
    if (proposal != null) {
      if (cause == Cause.TOO_MANY_LOOKUPS) {
        // a flattened include is a copy of a provider's addresses: it goes stale when they change
        out.add(messages.advice("flatten-caveat"));
      }
      int at = Math.min(1, out.size());
      out.add(at, messages.advice("apply-proposal", proposal.domain(), proposal.record()));
      if (proposal.fromScratch()) {
        out.add(at + 1, messages.advice("from-scratch", ipText));
      }
    }
    if (Microsoft365.spfRejection(facts, c.category())) {
      out.addAll(Microsoft365.steps(messages, c, cause == Cause.HIGH_RISK_DELIVERY_POOL));
    } else if (cause != Cause.PASSES_NOW && cause != Cause.FORWARDING) {
      out.add(contactReceiver(facts));
    }
    return out;
  }

  private List<Advice> withoutDns(CauseFinder.Case c, Cause cause) {
    BounceFacts facts = c.facts();
    String domain = facts.senderDomain();
    String d = domain == null ? "?" : domain;
    List<Advice> out = new ArrayList<>();
    switch (cause) {
      case FORWARDING:
        out.add(messages.advice("forwarding", EvidenceWriter.signs(facts)));
        out.add(messages.advice("dkim", d));
        break;
      case AUTH_REQUIRED:
        out.add(messages.advice("auth-required", d));
        out.add(messages.advice("dkim", d));
        break;
      default:
        out.add(
            domain == null
                ? messages.adviceAs("undetermined", "undetermined-no-domain")
                : messages.advice("undetermined", d));
        if (!Microsoft365.spfRejection(facts, c.category())) {
          out.add(contactReceiver(facts));
        }
    }
    if (Microsoft365.spfRejection(facts, c.category())) {
      out.addAll(Microsoft365.steps(messages, c, false));
    }
    return out;
  }

  private Advice contactReceiver(BounceFacts facts) {
    return facts.rejectingHost() == null
        ? messages.adviceAs("contact-receiver", "contact-receiver-unknown-host")
        : messages.advice("contact-receiver", facts.rejectingHost());
  }

  /**
   * The envelope sender when it is a system account of a host rather than a real address (root
   * causes §A.1b: {@code nginx@mail4.example.com}, {@code root@server.example}), else {@code null}.
   */
  static @Nullable String systemSender(BounceFacts facts) {
    String envelope = facts.envelopeSender();
    if (envelope == null || envelope.lastIndexOf('@') <= 0) {
      return null;
    }
    String local = envelope.substring(0, envelope.lastIndexOf('@')).toLowerCase(Locale.ROOT);
    String host = envelope.substring(envelope.lastIndexOf('@') + 1);
    boolean systemUser =
        List.of("root", "nginx", "httpd", "apache", "www-data", "www", "nobody", "daemon", "cron",
                "php", "wordpress", "ec2-user", "ubuntu")
            .contains(local);
    boolean hostDomain = facts.reportingMta() != null && host.equalsIgnoreCase(facts.reportingMta());
    return systemUser || hostDomain ? envelope : null;
  }

  private static Object firstError(LintReport lint) {
    for (Finding f : lint.findings()) {
      if (f.severity() == Finding.Severity.ERROR) {
        return Phrase.of(f);
      }
    }
    return "-";
  }
}
