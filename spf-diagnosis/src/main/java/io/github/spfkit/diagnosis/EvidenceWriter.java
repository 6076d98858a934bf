package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.FailureReason;
import io.github.spfkit.diagnosis.bounce.ForwardingSign;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the evidence for a cause, in order of weight: what the rejecting server said, a
 * contradiction between the bounce and DNS, forwarding signs, what DNS says now, the lint, and the
 * proof of a proposal. Pure: it reads the case and returns a new list.
 */
final class EvidenceWriter {
  private final Messages messages;
  private final Limits limits;

  EvidenceWriter(Messages messages, Limits limits) {
    this.messages = messages;
    this.limits = limits;
  }

  List<Evidence> write(CauseFinder.Case c, Cause cause, @Nullable Proposal proposal) {
    BounceFacts facts = c.facts();
    List<Evidence> out = new ArrayList<>();
    String reply = facts.replyText();
    if (reply != null) {
      String code = Texts.join(facts.replyCode(), facts.statusCode());
      String said = (code.isEmpty() ? "" : code + " ") + Texts.shorten(reply, 600);
      out.add(
          facts.rejectingHost() == null
              ? messages.evidenceAs("reply", "reply-unknown-host", said)
              : messages.evidence("reply", facts.rejectingHost(), said));
    }
    if (c.category() == Category.NOT_SPF) {
      if (facts.reportsFailedDelivery()) {
        out.add(whatFailed(facts));
      }
      return out;
    }
    LiveAnalysis live = c.live();
    Result stated = c.stated();
    if (cause == Cause.EVIDENCE_CONFLICT && live != null && stated != null) {
      out.add(messages.evidence("conflict", stated.token(), live.domain(), state(live.state())));
    }
    for (ForwardingSign sign : facts.forwarding()) {
      out.add(messages.evidence("forwarding", sign(sign)));
    }
    if (c.category() == Category.DMARC) {
      String envelope = facts.senderDomain();
      String from = facts.fromDomain();
      OrgDomains.Alignment alignment = c.alignment();
      if (envelope != null && from != null && alignment != null) {
        if (alignment.aligned() == null) {
          out.add(messages.evidence("alignment-unknown", envelope, from));
        } else if (!alignment.aligned()) {
          out.add(alignment.mode().equals("s")
              ? messages.evidenceAs("alignment", "alignment-strict", envelope, from)
              : messages.evidence("alignment", envelope, from,
                  String.valueOf(alignment.spfOrg()), String.valueOf(alignment.fromOrg())));
        }
      }
      return out;
    }
    if (live == null) {
      if (!c.dnsConfigured()) {
        out.add(messages.evidence("no-dns"));
      }
      if (Microsoft365.spfRejection(facts, c.category())) {
        out.add(m365Headers(facts));
      }
      return out;
    }
    if (cause == Cause.DNS_UNAVAILABLE) {
      out.add(messages.evidence("dns-unavailable", String.join("; ", live.reach().failures())));
      return out;
    }
    if (live.candidate() != null && live.ip() != null) {
      out.add(messages.evidence("ip-candidate", live.candidate(), live.ip().toString()));
    }
    IpAddress checked = live.ip();
    if (checked != null && CauseFinder.internal(facts, checked)) {
      String kind = AddressScope.notPublic(checked);
      out.add(kind == null
          ? messages.evidence("rejecting-ip", checked.toString(), String.valueOf(facts.rejectingHost()))
          : messages.evidence("internal-ip", checked.toString(), Phrase.of("scope." + kind)));
      LiveAnalysis.Outbound outbound = live.outbound();
      if (outbound != null) {
        SpfResult check = outbound.result();
        out.add(messages.evidence("outbound", outbound.ip().toString(),
            String.valueOf(outbound.hop().fromName()), String.valueOf(outbound.hop().by()),
            check == null ? "?" : check.result().token()));
      } else if (facts.received().isEmpty()) {
        out.add(messages.evidence("no-received"));
      } else {
        out.add(messages.evidence("no-public-hop"));
      }
    }
    if (!(live.state() instanceof DomainState.Published) && cause != Cause.EVIDENCE_CONFLICT) {
      out.add(messages.evidence("domain-state", state(live.state())));
    }
    SpfResult result = live.result();
    if (result != null) {
      out.add(spfResult(result));
      if (cause == Cause.PASSES_NOW && stated != null) {
        out.add(messages.evidence("passes-now-conflict", stated.token(), result.ip().toString()));
      }
    }
    LintReport lint = live.lint();
    if (lint != null) {
      out.addAll(lint(cause, lint, c.category() == Category.SPF_ERROR));
    }
    if (live.state() instanceof DomainState.Published published && published.records().size() > 1) {
      out.add(messages.evidence("records", live.domain(), String.join(" | ", published.records())));
    }
    IpAddress ip = live.ip();
    if (cause == Cause.HIGH_RISK_DELIVERY_POOL && ip != null) {
      if (ip.isIn(CauseFinder.RELAY_POOL, 16)) {
        out.add(messages.evidence("hrdp-pool", ip.toString()));
      } else {
        out.add(messages.evidence("hrdp-include", live.domain(), ip.toString()));
      }
    }
    if (Microsoft365.spfRejection(facts, c.category())) {
      out.add(m365Headers(facts));
    }
    if (proposal != null) {
      out.add(messages.evidence("proposal-verified", proposal.verification().result().token(),
          proposal.verification().ip().toString()));
    }
    return out;
  }

  /**
   * One line on what failed, for a bounce that is not about SPF: the reason in words, the
   * recipient and the rejecting host where the bounce names them, and the status (the enhanced
   * code, else the reply code, else the reason's own name).
   */
  private Evidence whatFailed(BounceFacts facts) {
    FailureReason reason = facts.reason();
    Phrase said = Phrase.of(reason.key());
    String status = facts.statusCode() != null ? facts.statusCode()
        : facts.replyCode() != null ? facts.replyCode() : reason.sisimaiName();
    String recipient = facts.finalRecipients().isEmpty() ? null : facts.finalRecipients().get(0);
    String host = facts.rejectingHost();
    if (recipient != null && host != null) {
      return messages.evidence("what-failed", said, recipient, host, status);
    }
    if (recipient != null) {
      return messages.evidenceAs("what-failed", "what-failed-recipient", said, recipient, status);
    }
    return host != null
        ? messages.evidenceAs("what-failed", "what-failed-host", said, host, status)
        : messages.evidenceAs("what-failed", "what-failed-only", said, status);
  }

  /** What the returned headers show about Microsoft 365's relay pool and relay. */
  private Evidence m365Headers(BounceFacts facts) {
    if (facts.received().isEmpty()) {
      return messages.evidenceAs("m365-headers", "m365-headers-none");
    }
    List<String> hops = Microsoft365.poolHops(facts);
    return hops.isEmpty()
        ? messages.evidenceAs("m365-headers", "m365-headers-clean")
        : messages.evidence("m365-headers", String.join("; ", hops));
  }

  /** A check_host() problem by its kind; the DNS seam's own words stay quoted. */
  static Phrase problem(Problem problem) {
    return Phrase.of(problem);
  }

  /** A lint finding by its code, without its position. */
  static Phrase finding(Finding f) {
    return Phrase.of("finding." + f.code().name(), f.domain());
  }

  /** A forwarding sign. */
  static Phrase sign(ForwardingSign sign) {
    return new Phrase("forwarding." + sign.code(), List.<Object>copyOf(sign.args()));
  }

  /** The forwarding signs, joined. */
  static Phrase signs(BounceFacts facts) {
    Phrase out = null;
    for (ForwardingSign sign : facts.forwarding()) {
      out = out == null ? sign(sign) : Phrase.of("join", out, sign(sign));
    }
    return out == null ? Phrase.of("join.none") : out;
  }

  /** One sentence for a domain state. */
  static Phrase state(DomainState state) {
    if (state instanceof DomainState.Unanswered unanswered) {
      return Phrase.of("state.unanswered", state.domain(), unanswered.reason());
    }
    if (state instanceof DomainState.Published published) {
      return Phrase.of("state.published", state.domain(), published.records().size());
    }
    return Phrase.of("state." + state.code(), state.domain());
  }

  private Evidence spfResult(SpfResult result) {
    MatchedTerm match = result.match();
    Problem problem = result.problem();
    String domain = result.identity() == Identity.HELO ? "HELO " + result.domain() : result.domain();
    String ip = result.ip().toString();
    String token = result.result().token();
    if (match != null) {
      return messages.evidenceAs("spf-result", "spf-result-detail", domain, ip, token,
          Phrase.of("evidence.matched", match.mechanism().toString(), match.domain()));
    }
    if (problem != null) {
      return messages.evidenceAs("spf-result", "spf-result-detail", domain, ip, token, problem(problem));
    }
    return messages.evidence("spf-result", domain, ip, token);
  }

  private List<Evidence> lint(Cause cause, LintReport lint, boolean warningsToo) {
    List<Evidence> out = new ArrayList<>();
    LintNode tree = lint.tree();
    if (tree != null && (cause == Cause.TOO_MANY_LOOKUPS || lint.lookups() > limits.maxDnsTerms()
        || !tree.children().isEmpty())) {
      out.add(messages.evidence("lookups", lint.domain(), lint.lookups(), limits.maxDnsTerms(), tree.chain()));
    }
    if (!lint.voidNames().isEmpty()) {
      out.add(messages.evidence("void", lint.voidLookups(), limits.maxVoidLookups(), String.join(", ", lint.voidNames())));
    }
    for (Finding f : lint.findings()) {
      // warnings too when the receiver reported an SPF error: Gmail's "suspicious entries"
      // names no entry, so +all, ?all, ptr and friends are the candidates
      boolean shown = f.severity() == Finding.Severity.ERROR
          || (warningsToo && f.severity() == Finding.Severity.WARNING);
      if (shown
          && f.code() != Finding.Code.TOO_MANY_LOOKUPS
          && f.code() != Finding.Code.TOO_MANY_VOID_LOOKUPS
          && !(f.code() == Finding.Code.NO_RECORD && f.domain().equalsIgnoreCase(lint.domain()))) {
        String position = f.position() == null ? "" : " @" + f.position();
        out.add(messages.evidence("finding", f.code().name(), f.domain() + position, finding(f)));
      }
    }
    if (tree != null && tree.record() != null) {
      out.add(messages.evidence("record", lint.domain(), tree.record()));
    }
    return out;
  }
}
