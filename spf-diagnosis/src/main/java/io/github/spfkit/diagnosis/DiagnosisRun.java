package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.BounceFormat;
import io.github.spfkit.diagnosis.lint.Finding;
import io.github.spfkit.diagnosis.lint.LintNode;
import io.github.spfkit.diagnosis.lint.LintReport;
import io.github.spfkit.diagnosis.lint.SpfLinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One diagnosis: classification, live analysis over the DNS seam, cause, evidence, advice and a
 * verified proposal. Not thread safe; one per bounce. Never throws for anything the bounce or DNS
 * does.
 */
final class DiagnosisRun {
  /** Microsoft's relay pool (Microsoft Defender for Office 365 documentation). */
  private static final IpAddress RELAY_POOL = IpAddress.of("40.95.0.0");

  private static final String MICROSOFT_SPF = "spf.protection.outlook.com";

  private final @Nullable DnsLookup dns;
  private final Limits limits;
  private final Duration deadline;
  private final Messages messages;

  private final List<Evidence> evidence = new ArrayList<>();
  private final List<Advice> advice = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  DiagnosisRun(@Nullable DnsLookup dns, Limits limits, Duration deadline, Messages messages) {
    this.dns = dns;
    this.limits = limits;
    this.deadline = deadline;
    this.messages = messages;
  }

  Diagnosis run(BounceFacts facts) {
    problems.addAll(facts.unreadable());
    Category category;
    try {
      category = Classifier.classify(facts);
    } catch (RuntimeException e) {
      problems.add("the bounce text could not be classified: " + e);
      category = Category.NOT_SPF;
    }
    String reply = facts.replyText();
    if (reply != null) {
      String code = join(facts.replyCode(), facts.statusCode());
      String said = (code.isEmpty() ? "" : code + " ") + shorten(reply, 600);
      evidence.add(
          facts.rejectingHost() == null
              ? messages.evidenceAs("reply", "reply-unknown-host", said)
              : messages.evidence("reply", facts.rejectingHost(), said));
    }
    if (category == Category.NOT_SPF) {
      advice.add(messages.advice("not-spf", reply == null ? "-" : shorten(reply, 300)));
      return done(facts, category, Cause.NOT_SPF, null, null, null, null, null);
    }
    boolean forwarded = forwardedElsewhere(facts);
    for (String f : facts.forwarding()) {
      evidence.add(messages.evidence("forwarding", f));
    }
    if (category == Category.DMARC) {
      return dmarc(facts, forwarded);
    }
    try {
      return live(facts, category, forwarded);
    } catch (RuntimeException e) {
      problems.add("the live analysis failed: " + e);
      return done(facts, category, Cause.UNDETERMINED, null, null, null, null, null);
    }
  }

  // ------------------------------------------------------------------ DMARC

  private Diagnosis dmarc(BounceFacts facts, boolean forwarded) {
    String envelope = facts.senderDomain();
    String from = facts.fromDomain();
    if (envelope != null && from != null && !aligned(envelope, from)) {
      evidence.add(messages.evidence("alignment", envelope, from));
    }
    String shown = from != null ? from : envelope != null ? envelope : "?";
    Cause cause = forwarded ? Cause.FORWARDING : Cause.DMARC_ALIGNMENT;
    if (forwarded) {
      advice.add(messages.advice("forwarding", String.join("; ", facts.forwarding())));
    }
    advice.add(messages.advice("dmarc-align", shown));
    advice.add(messages.advice("dkim", shown));
    return done(facts, Category.DMARC, cause, envelope, null, null, null, null);
  }

  // ------------------------------------------------------------------ live analysis

  private Diagnosis live(BounceFacts facts, Category category, boolean forwarded) {
    boolean helo = category == Category.SPF_HELO || facts.scope() == Identity.HELO;
    String domain = helo && facts.helo() != null ? facts.helo() : facts.senderDomain();
    if (dns == null) {
      evidence.add(messages.evidence("no-dns"));
      Cause cause =
          forwarded ? Cause.FORWARDING
              : category == Category.AUTH_REQUIRED ? Cause.AUTH_REQUIRED : Cause.UNDETERMINED;
      adviseWithoutDns(cause, facts, domain);
      return done(facts, category, cause, domain, facts.clientIp(), null, null, null);
    }
    if (domain == null) {
      problems.add("the bounce names no sender domain, so its SPF could not be analyzed");
      Cause cause =
          forwarded ? Cause.FORWARDING
              : category == Category.AUTH_REQUIRED ? Cause.AUTH_REQUIRED : Cause.UNDETERMINED;
      adviseWithoutDns(cause, facts, null);
      return done(facts, category, cause, null, facts.clientIp(), null, null, null);
    }
    DeadlineDns timed = new DeadlineDns(dns, System.nanoTime() + deadline.toNanos());
    Duration evalDeadline =
        limits.deadline().compareTo(deadline) < 0 ? limits.deadline() : deadline;
    SpfChecker checker =
        SpfChecker.builder().dns(timed).limits(limits.withDeadline(evalDeadline)).build();
    SpfLinter linter =
        SpfLinter.builder().dns(timed).limits(limits).timeout(evalDeadline).build();

    LintReport lint = linter.lint(domain);
    String ipText = facts.clientIp();
    if (ipText == null) {
      ipText = candidateIp(timed, facts.reportingMta());
    }
    IpAddress ip = ipText == null ? null : IpAddress.parse(ipText).orElse(null);
    String sender = sender(facts, domain);
    SpfResult result = null;
    if (ip != null) {
      result =
          helo
              ? checker.check().ip(ip).helo(domain).evaluate()
              : checker.check().ip(ip).mailFrom(sender).evaluate();
      evidence.add(spfResultEvidence(result));
    }
    if (timed.expired()) {
      problems.add("DNS did not answer everything within the diagnosis deadline of " + deadline.toSeconds() + " s");
    }
    Cause cause = decide(facts, category, forwarded, helo, lint, result, ip);
    lintEvidence(cause, lint, category == Category.SPF_ERROR);
    if (cause == Cause.HIGH_RISK_DELIVERY_POOL && ip != null) {
      if (ip.isIn(RELAY_POOL, 16)) {
        evidence.add(messages.evidence("hrdp-pool", ip.toString()));
      } else {
        evidence.add(messages.evidence("hrdp-include", domain, ip.toString()));
      }
    }
    Proposal proposal = null;
    if (ip != null && !timed.expired()) {
      List<String> records = records(timed, domain);
      Proposer proposer = new Proposer(checker, linter, timed, limits.maxDnsTerms());
      proposal =
          proposer.propose(cause, new Proposer.Target(domain, ip, sender, helo, records, lint));
    }
    advise(cause, facts, domain, ip, lint, result, proposal);
    return done(facts, category, cause, domain, ip == null ? null : ip.toString(), proposal, result, lint);
  }

  private Cause decide(
      BounceFacts facts,
      Category category,
      boolean forwarded,
      boolean helo,
      LintReport lint,
      @Nullable SpfResult result,
      @Nullable IpAddress ip) {
    Cause fromLint = causeOfLint(lint);
    if (result == null) {
      if (fromLint != null) {
        return fromLint;
      }
      if (forwarded) {
        return Cause.FORWARDING;
      }
      return category == Category.AUTH_REQUIRED ? Cause.AUTH_REQUIRED : Cause.UNDETERMINED;
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
        if (ip != null && highRiskPool(facts, lint, ip)) {
          return Cause.HIGH_RISK_DELIVERY_POOL;
        }
        if (forwarded) {
          return Cause.FORWARDING;
        }
        if (helo) {
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

  /**
   * Microsoft 365 outbound mail that failed although the domain authorizes Microsoft 365: an IP of
   * the relay pool, or an Exchange Online report for a domain that includes Microsoft's record.
   */
  private static boolean highRiskPool(BounceFacts facts, LintReport lint, IpAddress ip) {
    if (ip.isIn(RELAY_POOL, 16)) {
      return true;
    }
    boolean exchangeOnline =
        facts.format() == BounceFormat.EXCHANGE
            || endsWith(facts.reportingMta(), ".outlook.com")
            || endsWith(facts.reportingMta(), ".outlook.office365.com");
    return exchangeOnline && includes(lint.tree(), MICROSOFT_SPF);
  }

  private static boolean includes(@Nullable LintNode node, String domain) {
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

  // ------------------------------------------------------------------ evidence

  private Evidence spfResultEvidence(SpfResult result) {
    StringBuilder detail = new StringBuilder();
    MatchedTerm match = result.match();
    Problem problem = result.problem();
    if (match != null) {
      detail.append(" (").append(messages.get("evidence.matched", match.mechanism().toString(), match.domain())).append(')');
    } else if (problem != null) {
      detail.append(" (").append(problem.message()).append(", ").append(problem.domain()).append(')');
    }
    return messages.evidence(
        "spf-result",
        result.identity() == Identity.HELO ? "HELO " + result.domain() : result.domain(),
        result.ip().toString(),
        result.result().token(),
        detail.toString());
  }

  private void lintEvidence(Cause cause, LintReport lint, boolean warningsToo) {
    LintNode tree = lint.tree();
    if (tree != null && (cause == Cause.TOO_MANY_LOOKUPS || lint.lookups() > limits.maxDnsTerms()
        || !tree.children().isEmpty())) {
      evidence.add(
          messages.evidence("lookups", lint.domain(), lint.lookups(), limits.maxDnsTerms(), tree.chain()));
    }
    if (!lint.voidNames().isEmpty()) {
      evidence.add(
          messages.evidence("void", lint.voidLookups(), limits.maxVoidLookups(), String.join(", ", lint.voidNames())));
    }
    for (Finding f : lint.findings()) {
      // warnings too when the receiver reported an SPF error: Gmail's "suspicious entries"
      // names no entry, so +all, ?all, ptr and friends are the candidates
      boolean shown = f.severity() == Finding.Severity.ERROR
          || (warningsToo && f.severity() == Finding.Severity.WARNING);
      if (shown
          && f.code() != Finding.Code.TOO_MANY_LOOKUPS
          && f.code() != Finding.Code.TOO_MANY_VOID_LOOKUPS) {
        String position = f.position() == null ? "" : " @" + f.position();
        evidence.add(messages.evidence("finding", f.code().name(), f.domain() + position, f.message()));
      }
    }
    if (tree != null && tree.record() != null) {
      evidence.add(messages.evidence("record", lint.domain(), tree.record()));
    }
  }

  // ------------------------------------------------------------------ advice

  private void advise(
      Cause cause,
      BounceFacts facts,
      String domain,
      @Nullable IpAddress ip,
      LintReport lint,
      @Nullable SpfResult result,
      @Nullable Proposal proposal) {
    String ipText = ip == null ? "?" : ip.toString();
    switch (cause) {
      case IP_NOT_AUTHORIZED:
        advice.add(messages.advice("add-ip", ipText, domain));
        advice.add(messages.advice("check-sources", domain));
        break;
      case FORWARDING:
        advice.add(messages.advice("forwarding", String.join("; ", facts.forwarding())));
        advice.add(messages.advice("dkim", domain));
        break;
      case TOO_MANY_LOOKUPS:
        advice.add(messages.advice("too-many-lookups", domain, lint.lookups(), limits.maxDnsTerms(),
            lint.tree() == null ? domain : lint.tree().chain()));
        break;
      case TOO_MANY_VOID_LOOKUPS:
        advice.add(messages.advice("void-lookups", domain, lint.voidLookups(), String.join(", ", lint.voidNames())));
        break;
      case MULTIPLE_RECORDS:
        advice.add(messages.advice("merge-records", domain, Math.max(2, lint.findings(Finding.Code.MULTIPLE_RECORDS).size() + 1)));
        break;
      case SYNTAX_ERROR:
        advice.add(messages.advice("fix-syntax", domain, firstError(lint)));
        break;
      case NO_SPF_RECORD:
        advice.add(messages.advice("publish-record", domain));
        break;
      case DNS_ERROR:
        advice.add(messages.advice("dns-error", domain,
            result != null && result.problem() != null ? result.problem().message() : firstError(lint)));
        break;
      case HELO_FAILED:
        advice.add(messages.advice("helo", domain, ipText));
        break;
      case HIGH_RISK_DELIVERY_POOL:
        advice.add(messages.advice("hrdp", domain, ipText));
        break;
      case RECEIVER_POLICY:
        advice.add(messages.advice("receiver-policy", domain,
            result != null && result.match() != null ? result.match().toString() : "~all", ipText));
        break;
      case AUTH_REQUIRED:
        advice.add(messages.advice("auth-required", domain));
        advice.add(messages.advice("dkim", domain));
        break;
      case PASSES_NOW:
        advice.add(messages.advice("passes-now", domain, ipText));
        break;
      default:
        advice.add(messages.advice("undetermined", domain));
        break;
    }
    String system = systemSender(facts);
    if (system != null
        && (cause == Cause.IP_NOT_AUTHORIZED || cause == Cause.NO_SPF_RECORD
            || cause == Cause.AUTH_REQUIRED || cause == Cause.UNDETERMINED)) {
      advice.add(messages.advice("system-sender", system, domain));
    }
    if (proposal != null) {
      if (cause == Cause.TOO_MANY_LOOKUPS) {
        // a flattened include is a copy of a provider's addresses: it goes stale when they change
        advice.add(messages.advice("flatten-caveat"));
      }
      advice.add(1 <= advice.size() ? 1 : 0, messages.advice("apply-proposal", proposal.domain(), proposal.record()));
      evidence.add(messages.evidence("proposal-verified", proposal.verification().result().token(), ipText));
    }
    if (cause != Cause.PASSES_NOW && cause != Cause.FORWARDING) {
      advice.add(contactReceiver(facts));
    }
  }

  private Advice contactReceiver(BounceFacts facts) {
    return facts.rejectingHost() == null
        ? messages.adviceAs("contact-receiver", "contact-receiver-unknown-host")
        : messages.advice("contact-receiver", facts.rejectingHost());
  }

  private void adviseWithoutDns(Cause cause, BounceFacts facts, @Nullable String domain) {
    String d = domain == null ? "?" : domain;
    switch (cause) {
      case FORWARDING:
        advice.add(messages.advice("forwarding", String.join("; ", facts.forwarding())));
        advice.add(messages.advice("dkim", d));
        break;
      case AUTH_REQUIRED:
        advice.add(messages.advice("auth-required", d));
        advice.add(messages.advice("dkim", d));
        break;
      default:
        advice.add(
            domain == null
                ? messages.adviceAs("undetermined", "undetermined-no-domain")
                : messages.advice("undetermined", d));
        advice.add(contactReceiver(facts));
    }
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

  private static String firstError(LintReport lint) {
    for (Finding f : lint.findings()) {
      if (f.severity() == Finding.Severity.ERROR) {
        return f.message() + (f.position() == null ? "" : " (position " + f.position() + ")");
      }
    }
    return "-";
  }

  // ------------------------------------------------------------------ helpers

  private Diagnosis done(
      BounceFacts facts,
      Category category,
      Cause cause,
      @Nullable String domain,
      @Nullable String ip,
      @Nullable Proposal proposal,
      @Nullable SpfResult result,
      @Nullable LintReport lint) {
    return new Diagnosis(
        category.isAuthentication(), category, cause, facts, domain, ip, evidence, advice, proposal,
        result, lint, problems);
  }

  /** Forwarding signs that point at a host other than the sender's own. */
  private static boolean forwardedElsewhere(BounceFacts facts) {
    if (!facts.forwarded()) {
      return false;
    }
    String reporting = facts.reportingMta();
    String sender = facts.senderDomain();
    // an alias expanded on the sender's own server does not change the sending IP
    return reporting == null || sender == null || !aligned(reporting, sender);
  }

  private @Nullable String candidateIp(DeadlineDns timed, @Nullable String host) {
    if (host == null || host.indexOf('.') < 0) {
      return null;
    }
    String name = host.trim();
    int space = name.indexOf(' ');
    if (space > 0) {
      name = name.substring(0, space);
    }
    if (IpAddress.parse(name).isPresent()) {
      return null;
    }
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
      DnsAnswer answer = timed.get(name, type);
      if (answer instanceof DnsAnswer.Records records) {
        String address = records.data().get(0);
        if (IpAddress.parse(address).isPresent()) {
          evidence.add(messages.evidence("ip-candidate", name, address));
          return address;
        }
      }
    }
    return null;
  }

  private static List<String> records(DeadlineDns timed, String domain) {
    List<String> out = new ArrayList<>();
    DnsAnswer answer = timed.get(domain, RecordType.TXT);
    if (answer instanceof DnsAnswer.Records records) {
      for (String text : records.data()) {
        if (RecordParser.isSpfRecord(text)) {
          out.add(text);
        }
      }
    }
    return out;
  }

  private static String sender(BounceFacts facts, String domain) {
    String envelope = facts.envelopeSender();
    if (envelope != null && envelope.toLowerCase(Locale.ROOT).endsWith("@" + domain.toLowerCase(Locale.ROOT))) {
      return envelope;
    }
    return "postmaster@" + domain;
  }

  /** Whether two names share their last two labels (a rough organizational-domain test). */
  static boolean aligned(String a, String b) {
    return orgDomain(a).equals(orgDomain(b));
  }

  private static String orgDomain(String name) {
    String[] labels = name.toLowerCase(Locale.ROOT).split("\\.");
    int n = labels.length;
    if (n <= 2) {
      return String.join(".", labels);
    }
    // two-letter country code with a second-level label such as co.jp, ne.jp, co.uk
    boolean cc = labels[n - 1].length() == 2 && labels[n - 2].length() <= 3;
    int keep = cc ? 3 : 2;
    return String.join(".", java.util.Arrays.copyOfRange(labels, Math.max(0, n - keep), n));
  }

  private static boolean endsWith(@Nullable String host, String suffix) {
    return host != null && host.toLowerCase(Locale.ROOT).endsWith(suffix);
  }

  private static String join(@Nullable String a, @Nullable String b) {
    return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
