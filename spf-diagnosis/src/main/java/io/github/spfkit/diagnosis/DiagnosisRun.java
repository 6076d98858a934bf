package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.ReadingNote;
import io.github.spfkit.diagnosis.bounce.ReceivedHop;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.SpfLinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One diagnosis, as a sequence: classify the bounce, do the live lookups into a {@link
 * LiveAnalysis}, let {@link CauseFinder} decide, let {@link Proposer} find a verified record where
 * it is safe, and let {@link EvidenceWriter} and {@link Advisor} say why and what to do. Never
 * throws for anything the bounce or DNS does.
 */
final class DiagnosisRun {
  private final @Nullable DnsLookup dns;
  private final Limits limits;
  private final Duration deadline;
  private final Messages messages;

  DiagnosisRun(@Nullable DnsLookup dns, Limits limits, Duration deadline, Messages messages) {
    this.dns = dns;
    this.limits = limits;
    this.deadline = deadline;
    this.messages = messages;
  }

  Diagnosis run(BounceFacts read, RequestFacts request) {
    BounceFacts facts = merge(read, request);
    List<String> problems = new ArrayList<>();
    for (ReadingNote note : facts.unreadable()) {
      problems.add(messages.text(new Phrase(note.code().key(), List.<Object>copyOf(note.args()))));
    }
    Category category;
    try {
      category = Classifier.classify(facts);
    } catch (RuntimeException e) {
      problems.add(messages.get("problem.unclassified", e.getClass().getSimpleName()));
      category = Category.NOT_SPF;
    }
    Result stated = BounceClaim.stated(facts, category);
    boolean forwarded = forwardedElsewhere(facts);
    LiveAnalysis live = null;
    Proposal proposal = null;
    boolean analyzed = category != Category.NOT_SPF && category != Category.DMARC;
    boolean helo = category == Category.SPF_HELO || facts.scope() == Identity.HELO;
    String domain = helo && facts.helo() != null ? facts.helo() : facts.senderDomain();
    if (analyzed && dns != null && domain == null) {
      problems.add(messages.get("problem.no-domain"));
    }
    CauseFinder.Case c;
    Cause cause;
    try {
      if (analyzed && dns != null && domain != null) {
        DeadlineDns timed = new DeadlineDns(dns, System.nanoTime() + deadline.toNanos());
        live = analyze(timed, facts, domain, helo);
        if (live.expired()) {
          problems.add(messages.get("problem.deadline", deadline.toMillis()));
        }
        c = new CauseFinder.Case(facts, category, stated, forwarded, true, live, null);
        cause = CauseFinder.find(c);
        proposal = propose(timed, facts, cause, live);
      } else {
        c = new CauseFinder.Case(facts, category, stated, forwarded, dns != null, null,
            category == Category.DMARC ? alignment(facts) : null);
        cause = CauseFinder.find(c);
      }
    } catch (RuntimeException e) {
      problems.add(messages.get("problem.analysis-failed", e.getClass().getSimpleName()));
      live = null;
      proposal = null;
      c = new CauseFinder.Case(facts, category, stated, forwarded, dns != null, null, null);
      cause = Cause.UNDETERMINED;
    }
    List<Evidence> evidence = new EvidenceWriter(messages, limits).write(c, cause, proposal);
    List<Advice> advice = new Advisor(messages, limits).advise(c, cause, proposal);
    FactSources sources = analyzed || category == Category.DMARC
        ? sources(read, request, live, helo)
        : FactSources.NONE;
    return new Diagnosis(
        category.isAuthentication(), category, cause, facts, sources,
        live != null ? live.domain() : category == Category.DMARC ? facts.senderDomain() : analyzed ? domain : null,
        live != null ? live.ip() : analyzed ? IpAddress.parse(nz(facts.clientIp())).orElse(null) : null,
        live == null ? null : live.state(),
        stated, evidence, advice, proposal,
        live == null ? null : live.result(),
        live == null ? null : live.lint(),
        problems);
  }

  /** DMARC alignment of the envelope domain with the From domain, by the DNS Tree Walk when there is DNS. */
  private OrgDomains.@Nullable Alignment alignment(BounceFacts facts) {
    String envelope = facts.senderDomain();
    String from = facts.fromDomain();
    if (envelope == null || from == null) {
      return null;
    }
    DnsLookup lookup = dns;
    if (lookup == null) {
      return OrgDomains.align(envelope, from, null, null);
    }
    DeadlineDns timed = new DeadlineDns(lookup, System.nanoTime() + deadline.toNanos());
    return OrgDomains.align(envelope, from,
        DmarcTreeWalk.walk(envelope, name -> timed.get(name, RecordType.TXT)),
        DmarcTreeWalk.walk(from, name -> timed.get(name, RecordType.TXT)));
  }

  /** The bounce's facts with what the user gave in place of what the bounce said or lacked. */
  static BounceFacts merge(BounceFacts f, RequestFacts r) {
    if (r.equals(RequestFacts.NONE)) {
      return f;
    }
    String sender = r.sender();
    String senderDomain = f.senderDomain();
    String envelope = f.envelopeSender();
    if (sender != null) {
      int at = sender.lastIndexOf('@');
      senderDomain = (at >= 0 ? sender.substring(at + 1) : sender).toLowerCase(Locale.ROOT);
      if (at > 0) {
        envelope = sender;
      }
    }
    IpAddress ip = r.ip();
    String helo = r.helo() == null ? f.helo() : r.helo().toLowerCase(Locale.ROOT);
    return new BounceFacts(
        f.format(), f.replyCode(), f.statusCode(), f.reportStatus(), f.replyText(), f.rejectingHost(),
        f.rejectingIp(), f.reportingMta(), f.finalRecipients(), f.originalRecipients(), envelope,
        senderDomain, ip == null ? f.clientIp() : ip.toString(), helo, f.scope(),
        f.authenticationResults(), f.receivedSpf(), f.forwarding(), f.fromDomain(), f.received(),
        f.humanText(), f.unreadable(), f.kind(), f.dialect());
  }

  private static FactSources sources(
      BounceFacts read, RequestFacts request, @Nullable LiveAnalysis live, boolean helo) {
    FactSource heloSource =
        request.helo() != null ? FactSource.USER : read.helo() != null ? FactSource.BOUNCE : null;
    FactSource senderSource =
        request.sender() != null ? FactSource.USER : read.senderDomain() != null ? FactSource.BOUNCE : null;
    FactSource domain = helo && heloSource != null ? heloSource : senderSource;
    FactSource ip =
        request.ip() != null ? FactSource.USER
            : read.clientIp() != null ? FactSource.BOUNCE
            : live != null && live.candidate() != null ? FactSource.REPORTING_HOST
            : null;
    return new FactSources(domain, ip, heloSource);
  }

  private LiveAnalysis analyze(DeadlineDns timed, BounceFacts facts, String domain, boolean helo) {
    SpfChecker checker = checker(timed);
    SpfLinter linter = linter(timed);
    DomainState state = DomainState.of(domain, timed.get(domain, RecordType.TXT));
    String sender = sender(facts, domain);
    IpAddress stated = IpAddress.parse(nz(facts.clientIp())).orElse(null);
    LiveAnalysis.Reach reach = reach(timed, state);
    if (reach.unavailable()) {
      // nothing answers from here: every further lookup would only wait for its timeout
      return new LiveAnalysis(domain, helo, sender, stated, null, state, null, null, reach, null, timed.expired());
    }
    LintReport lint = linter.lint(domain);
    IpAddress ip = stated;
    String candidate = null;
    if (ip == null) {
      String host = hostName(facts.reportingMta());
      ip = host == null ? null : addressOf(timed, host);
      candidate = ip == null ? null : host;
    }
    SpfResult result = null;
    if (ip != null) {
      result =
          helo
              ? checker.check().ip(ip).helo(domain).evaluate()
              : checker.check().ip(ip).mailFrom(sender).evaluate();
    }
    LiveAnalysis.Outbound outbound = null;
    if (ip != null && CauseFinder.internal(facts, ip)) {
      outbound = outbound(checker, facts, domain, sender, helo);
    }
    return new LiveAnalysis(
        domain, helo, sender, ip, candidate, state, result, lint, reach, outbound, timed.expired());
  }

  /** The newest public, non-receiving address in the Received chain of the returned message. */
  private static LiveAnalysis.@Nullable Outbound outbound(
      SpfChecker checker, BounceFacts facts, String domain, String sender, boolean helo) {
    for (ReceivedHop hop : facts.received()) {
      IpAddress address = hop.fromIp() == null ? null : IpAddress.parse(hop.fromIp()).orElse(null);
      if (address != null && !CauseFinder.internal(facts, address)) {
        SpfResult result =
            helo
                ? checker.check().ip(address).helo(domain).evaluate()
                : checker.check().ip(address).mailFrom(sender).evaluate();
        return new LiveAnalysis.Outbound(hop, address, result);
      }
    }
    return null;
  }

  /**
   * Whether DNS answers from this machine at all. Only asked when the domain's own TXT lookup got no
   * answer: then the top-level domain above it is asked (TXT, the one type every resolver serves). Any answer to that,
   * NXDOMAIN included, shows that this machine can ask DNS and the failure is the domain's own.
   */
  private static LiveAnalysis.Reach reach(DeadlineDns timed, DomainState state) {
    if (!(state instanceof DomainState.Unanswered unanswered)) {
      return LiveAnalysis.Reach.ANSWERED;
    }
    String domain = state.domain();
    String top = domain.substring(domain.lastIndexOf('.') + 1);
    if (top.isEmpty() || top.equalsIgnoreCase(domain)) {
      return new LiveAnalysis.Reach(true, List.of(domain + ": " + unanswered.reason()));
    }
    DnsAnswer answer = timed.get(top, RecordType.TXT);
    if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      return new LiveAnalysis.Reach(
          true, List.of(domain + ": " + unanswered.reason(), top + ": " + failure.reason()));
    }
    return LiveAnalysis.Reach.ANSWERED;
  }

  private @Nullable Proposal propose(DeadlineDns timed, BounceFacts facts, Cause cause, LiveAnalysis live) {
    IpAddress ip = live.ip();
    LintReport lint = live.lint();
    // never a loopback, private or receiving-side address in a public record
    if (ip == null || lint == null || live.expired() || CauseFinder.internal(facts, ip)
        || cause == Cause.EVIDENCE_CONFLICT || cause == Cause.NO_SUCH_DOMAIN
        || cause == Cause.INTERNAL_HOP) {
      return null;
    }
    List<String> records =
        live.state() instanceof DomainState.Published published ? published.records() : List.of();
    if (!(live.state() instanceof DomainState.Published) && !(live.state() instanceof DomainState.NoSpfRecord)) {
      return null;
    }
    Proposer proposer = new Proposer(checker(timed), linter(timed), timed, limits.maxDnsTerms());
    return proposer.propose(
        cause, new Proposer.Target(live.domain(), ip, live.sender(), live.helo(), records, lint));
  }

  private SpfChecker checker(DeadlineDns timed) {
    return SpfChecker.builder().dns(timed).limits(limits.withDeadline(evalDeadline())).build();
  }

  private SpfLinter linter(DeadlineDns timed) {
    return SpfLinter.builder().dns(timed).limits(limits).timeout(evalDeadline()).build();
  }

  private Duration evalDeadline() {
    return limits.deadline().compareTo(deadline) < 0 ? limits.deadline() : deadline;
  }

  /** Forwarding signs that point at a host other than the sender's own. */
  private static boolean forwardedElsewhere(BounceFacts facts) {
    if (!facts.forwarded()) {
      return false;
    }
    String reporting = facts.reportingMta();
    String sender = facts.senderDomain();
    // an alias expanded on the sender's own server does not change the sending IP
    return reporting == null || sender == null || !OrgDomains.sameSystem(reporting, sender);
  }

  private static @Nullable String hostName(@Nullable String host) {
    if (host == null || host.indexOf('.') < 0) {
      return null;
    }
    String name = host.trim();
    int space = name.indexOf(' ');
    if (space > 0) {
      name = name.substring(0, space);
    }
    return IpAddress.parse(name).isPresent() ? null : name;
  }

  private static @Nullable IpAddress addressOf(DeadlineDns timed, String name) {
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
      DnsAnswer answer = timed.get(name, type);
      if (answer instanceof DnsAnswer.Records records) {
        IpAddress address = IpAddress.parse(records.data().get(0)).orElse(null);
        if (address != null) {
          return address;
        }
      }
    }
    return null;
  }

  private static String sender(BounceFacts facts, String domain) {
    String envelope = facts.envelopeSender();
    if (envelope != null && envelope.toLowerCase(Locale.ROOT).endsWith("@" + domain.toLowerCase(Locale.ROOT))) {
      return envelope;
    }
    return "postmaster@" + domain;
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }
}
