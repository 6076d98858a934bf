package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.BounceFormat;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides the root cause from what the bounce says and what the live lookups found. Pure: given the
 * same inputs it gives the same cause, and it does no I/O (the lookups are done before, into a
 * {@link LiveAnalysis}). Evidence comes first: a bounce that DNS now contradicts is a conflict, not
 * a missing record.
 */
final class CauseFinder {
  /** Microsoft's relay pool (Microsoft Defender for Office 365 documentation). */
  static final IpAddress RELAY_POOL = IpAddress.of("40.95.0.0");

  static final String MICROSOFT_SPF = "spf.protection.outlook.com";

  private CauseFinder() {}

  /** What the bounce and the lookups say together. */
  record Case(
      BounceFacts facts,
      Category category,
      @Nullable Result stated,
      boolean forwarded,
      boolean dnsConfigured,
      @Nullable LiveAnalysis live,
      OrgDomains.@Nullable Alignment alignment) {}

  static Cause find(Case c) {
    Category category = c.category();
    if (category == Category.NOT_SPF) {
      return Cause.NOT_SPF;
    }
    if (category == Category.DMARC) {
      return c.forwarded() ? Cause.FORWARDING : Cause.DMARC_ALIGNMENT;
    }
    LiveAnalysis live = c.live();
    if (live == null) {
      return withoutDns(c);
    }
    if (live.reach().unavailable()) {
      return Cause.DNS_UNAVAILABLE;
    }
    DomainState state = live.state();
    if (state instanceof DomainState.NoSuchDomain) {
      return c.stated() != null ? Cause.EVIDENCE_CONFLICT : Cause.NO_SUCH_DOMAIN;
    }
    if (state instanceof DomainState.NoSpfRecord && c.stated() != null) {
      return Cause.EVIDENCE_CONFLICT;
    }
    return fromLive(c, live);
  }

  private static Cause withoutDns(Case c) {
    if (c.forwarded()) {
      return Cause.FORWARDING;
    }
    return c.category() == Category.AUTH_REQUIRED ? Cause.AUTH_REQUIRED : Cause.UNDETERMINED;
  }

  private static Cause fromLive(Case c, LiveAnalysis live) {
    Category category = c.category();
    LintReport lint = live.lint();
    if (lint == null) {
      return withoutDns(c);
    }
    Cause fromLint = causeOfLint(lint);
    SpfResult result = live.result();
    IpAddress ip = live.ip();
    if (result == null || ip == null) {
      return fromLint != null ? fromLint : withoutDns(c);
    }
    switch (result.result()) {
      case PERMERROR:
        return causeOf(result.problem(), fromLint);
      case TEMPERROR:
        return Cause.DNS_ERROR;
      case NONE:
        Problem problem = result.problem();
        return problem != null && problem.kind() == Problem.Kind.INVALID_DOMAIN
            ? Cause.UNDETERMINED
            : Cause.NO_SPF_RECORD;
      case PASS:
        if (category == Category.SPF_ERROR && fromLint != null) {
          return fromLint;
        }
        return category == Category.AUTH_REQUIRED ? Cause.AUTH_REQUIRED : Cause.PASSES_NOW;
      default:
        if (internal(c.facts(), ip)) {
          return Cause.INTERNAL_HOP;
        }
        if (highRiskPool(c.facts(), lint, ip)) {
          return Cause.HIGH_RISK_DELIVERY_POOL;
        }
        if (c.forwarded()) {
          return Cause.FORWARDING;
        }
        if (live.helo()) {
          return Cause.HELO_FAILED;
        }
        if (category == Category.SPF_ERROR && fromLint != null) {
          return fromLint;
        }
        if (result.result() == Result.SOFTFAIL || result.result() == Result.NEUTRAL) {
          return Cause.RECEIVER_POLICY;
        }
        return Cause.IP_NOT_AUTHORIZED;
    }
  }

  /** Whether {@code ip} is an address no Internet receiver sees, or the rejecting server's own. */
  static boolean internal(BounceFacts facts, IpAddress ip) {
    return !AddressScope.isPublic(ip) || ip.toString().equals(facts.rejectingIp());
  }

  /**
   * Microsoft 365 outbound mail that failed although the domain authorizes Microsoft 365: an IP of
   * the relay pool, or an Exchange Online report for a domain that includes Microsoft's record.
   */
  static boolean highRiskPool(BounceFacts facts, LintReport lint, IpAddress ip) {
    if (ip.isIn(RELAY_POOL, 16)) {
      return true;
    }
    return exchangeOnline(facts) && includes(lint.tree(), MICROSOFT_SPF);
  }

  /** Whether Exchange Online wrote the report. */
  static boolean exchangeOnline(BounceFacts facts) {
    return facts.format() == BounceFormat.EXCHANGE
        || endsWith(facts.reportingMta(), ".outlook.com")
        || endsWith(facts.reportingMta(), ".outlook.office365.com");
  }

  static boolean includes(@Nullable LintNode node, String domain) {
    if (node == null) {
      return false;
    }
    for (LintNode child : node.children()) {
      if (child.domain().equalsIgnoreCase(domain) || includes(child, domain)) {
        return true;
      }
    }
    return false;
  }

  private static Cause causeOf(@Nullable Problem problem, @Nullable Cause fromLint) {
    if (problem == null) {
      return fromLint != null ? fromLint : Cause.UNDETERMINED;
    }
    switch (problem.kind()) {
      case MULTIPLE_RECORDS:
        return Cause.MULTIPLE_RECORDS;
      case SYNTAX_ERROR:
      case INCLUDE_NO_RECORD:
      case INVALID_EXPANSION:
        return Cause.SYNTAX_ERROR;
      case TOO_MANY_LOOKUPS:
      case TOO_MANY_MX_NAMES:
        return Cause.TOO_MANY_LOOKUPS;
      case TOO_MANY_VOID_LOOKUPS:
        return Cause.TOO_MANY_VOID_LOOKUPS;
      case NO_RECORD:
        return Cause.NO_SPF_RECORD;
      case DNS_ERROR:
      case DEADLINE_EXCEEDED:
        return Cause.DNS_ERROR;
      default:
        return fromLint != null ? fromLint : Cause.UNDETERMINED;
    }
  }

  /** The cause the lint's errors point at, most fundamental first; {@code null} without errors. */
  private static @Nullable Cause causeOfLint(LintReport lint) {
    Finding.Code[] order = {
      Finding.Code.NO_RECORD, Finding.Code.MULTIPLE_RECORDS, Finding.Code.SYNTAX_ERROR,
      Finding.Code.INCLUDE_NO_RECORD, Finding.Code.TOO_MANY_LOOKUPS, Finding.Code.INCLUDE_LOOP,
      Finding.Code.TOO_MANY_MX, Finding.Code.TOO_MANY_VOID_LOOKUPS, Finding.Code.DNS_ERROR
    };
    for (Finding.Code code : order) {
      for (Finding f : lint.findings(code)) {
        boolean root = f.domain().equalsIgnoreCase(lint.domain());
        switch (code) {
          case NO_RECORD:
            if (root) {
              return Cause.NO_SPF_RECORD;
            }
            break;
          case MULTIPLE_RECORDS:
            return root ? Cause.MULTIPLE_RECORDS : Cause.SYNTAX_ERROR;
          case SYNTAX_ERROR:
          case INCLUDE_NO_RECORD:
            return Cause.SYNTAX_ERROR;
          case TOO_MANY_LOOKUPS:
          case INCLUDE_LOOP:
          case TOO_MANY_MX:
            return Cause.TOO_MANY_LOOKUPS;
          case TOO_MANY_VOID_LOOKUPS:
            return Cause.TOO_MANY_VOID_LOOKUPS;
          case DNS_ERROR:
            return Cause.DNS_ERROR;
          default:
            break;
        }
      }
    }
    return null;
  }

  private static boolean endsWith(@Nullable String host, String suffix) {
    return host != null && host.toLowerCase(Locale.ROOT).endsWith(suffix);
  }
}
