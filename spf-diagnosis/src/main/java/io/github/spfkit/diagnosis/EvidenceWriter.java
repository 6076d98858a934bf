package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
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
      return out;
    }
    LiveAnalysis live = c.live();
    Result stated = c.stated();
    if (cause == Cause.EVIDENCE_CONFLICT && live != null && stated != null) {
      out.add(messages.evidence("conflict", stated.token(), live.domain(), state(live.state())));
    }
    for (ForwardingSign sign : facts.forwarding()) {
      out.add(messages.evidence("forwarding", sign(messages, sign)));
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
          : messages.evidence("internal-ip", checked.toString(), messages.get("scope." + kind)));
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

  /** A check_host() problem in the diagnoser's language, by its kind; the DNS seam's own words stay quoted. */
  static String problem(Messages messages, Problem problem) {
    String text = messages.get("problem." + problem.kind().name(), problem.domain());
    return problem.kind() == Problem.Kind.DNS_ERROR ? text + ": \"" + problem.message() + "\"" : text;
  }

  /** A lint finding in the diagnoser's language, by its code. */
  static String finding(Messages messages, Finding f) {
    return messages.get("finding." + f.code().name(), f.domain());
  }

  /** A forwarding sign in the diagnoser's language. */
  static String sign(Messages messages, ForwardingSign sign) {
    return messages.get("forwarding." + sign.code(), sign.args().toArray());
  }

  /** The forwarding signs, joined, in the diagnoser's language. */
  static String signs(Messages messages, BounceFacts facts) {
    List<String> out = new ArrayList<>();
    for (ForwardingSign sign : facts.forwarding()) {
      out.add(sign(messages, sign));
    }
    return String.join("; ", out);
  }

  /** One sentence for a domain state. */
  String state(DomainState state) {
    if (state instanceof DomainState.Unanswered unanswered) {
      return messages.get("state.unanswered", state.domain(), unanswered.reason());
    }
    if (state instanceof DomainState.Published published) {
      return messages.get("state.published", state.domain(), published.records().size());
    }
    return messages.get("state." + state.code(), state.domain());
  }

  private Evidence spfResult(SpfResult result) {
    StringBuilder detail = new StringBuilder();
    MatchedTerm match = result.match();
    Problem problem = result.problem();
    if (match != null) {
      detail.append(" (").append(messages.get("evidence.matched", match.mechanism().toString(), match.domain())).append(')');
    } else if (problem != null) {
      detail.append(" (").append(problem(messages, problem)).append(')');
    }
    return messages.evidence(
        "spf-result",
        result.identity() == Identity.HELO ? "HELO " + result.domain() : result.domain(),
        result.ip().toString(),
        result.result().token(),
        detail.toString());
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
        out.add(messages.evidence("finding", f.code().name(), f.domain() + position, finding(messages, f)));
      }
    }
    if (tree != null && tree.record() != null) {
      out.add(messages.evidence("record", lint.domain(), tree.record()));
    }
    return out;
  }
}
