package io.github.spfkit.core.internal;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.SpfRecord;
import io.github.spfkit.core.record.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One run of RFC 7208 {@code check_host()}, with the counters the limits apply to (§4.6.4), the
 * deadline, and the trace. Steps run one after another on whichever thread completed the lookup
 * before them, so the counters need no locking; only the query counter is shared with prefetch
 * callbacks.
 */
final class Evaluation {

  /** The answer a lookup gets when the evaluation's deadline passes first. */
  private static final DnsAnswer.TemporaryFailure DEADLINE =
      new DnsAnswer.TemporaryFailure("the evaluation's deadline passed");

  private final Evaluator evaluator;
  private final Evaluator.Request request;
  private final Limits limits;
  private final IpAddress ip;
  private final MacroContext context;
  /** The checked domain in A-labels, or {@code null} if it is not a valid IDN. */
  private final @Nullable String checkedDomain;
  private final long deadline;
  private final AtomicInteger queries = new AtomicInteger();
  private int dnsTerms;
  private int voidLookups;
  private @Nullable CompletableFuture<List<String>> validatedNames;
  private final @Nullable Prefetcher prefetcher;

  Evaluation(Evaluator evaluator, Evaluator.Request request) {
    this.evaluator = evaluator;
    this.request = request;
    this.limits = evaluator.limits;
    this.ip = request.ip().unmapped();
    this.checkedDomain = DomainNames.toAscii(request.domain());
    this.context =
        MacroContext.of(
            asciiSender(request.sender()),
            ip,
            asciiOrAsGiven(request.helo()),
            request.receiver(),
            System.currentTimeMillis() / 1000);
    this.deadline = System.nanoTime() + limits.deadline().toNanos();
    this.prefetcher = evaluator.prefetch ? new Prefetcher() : null;
  }

  CompletableFuture<SpfResult> run() {
    String start = checkedDomain;
    if (start == null) {
      // RFC 8616 §4 with RFC 7208 §4.3: a name that is not a valid IDN is not a usable name
      DomainTraceBuilder trace = new DomainTraceBuilder(request.domain(), Trace.Via.CHECK, 0);
      Problem problem =
          new Problem(
              Problem.Kind.INVALID_DOMAIN,
              "'" + request.domain() + "' is not a valid internationalized domain name",
              request.domain(),
              null);
      return done(trace, Result.NONE, problem).thenApply(this::toResult);
    }
    return checkHost(start, Trace.Via.CHECK, false, request.policy()).thenApply(this::toResult);
  }

  /** The sender with its domain in A-labels (RFC 8616 §4); the local part stays as given. */
  private static String asciiSender(String sender) {
    int at = sender.lastIndexOf('@');
    String ascii = DomainNames.toAscii(sender.substring(at + 1));
    return ascii == null ? sender : sender.substring(0, at + 1) + ascii;
  }

  /**
   * The HELO name in A-labels, or as given when it is not a valid IDN (then names expanded from
   * {@code %{h}} are not valid either).
   */
  private static @Nullable String asciiOrAsGiven(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String ascii = DomainNames.toAscii(name);
    return ascii == null ? name : ascii;
  }

  private SpfResult toResult(Outcome outcome) {
    return new SpfResult(
        outcome.result,
        request.identity(),
        request.domain(),
        request.sender(),
        request.ip(),
        request.helo(),
        request.receiver(),
        outcome.match,
        outcome.result == Result.FAIL ? outcome.explanation : null,
        outcome.problem,
        dnsTerms,
        voidLookups,
        queries.get(),
        new Trace(outcome.trace));
  }

  /** What one {@code check_host()} call gave. */
  private static final class Outcome {
    final Result result;
    final @Nullable MatchedTerm match;
    final @Nullable Problem problem;
    final @Nullable String explanation;
    final Trace.Domain trace;

    Outcome(
        Result result,
        @Nullable MatchedTerm match,
        @Nullable Problem problem,
        @Nullable String explanation,
        Trace.Domain trace) {
      this.result = result;
      this.match = match;
      this.problem = problem;
      this.explanation = explanation;
      this.trace = trace;
    }
  }

  // ---------------------------------------------------------------- check_host (§4)

  private CompletableFuture<Outcome> checkHost(
      String rawDomain, Trace.Via via, boolean inInclude, @Nullable String policy) {
    String domain = rawDomain.endsWith(".") ? rawDomain.substring(0, rawDomain.length() - 1) : rawDomain;
    DomainTraceBuilder trace = new DomainTraceBuilder(domain, via, dnsTerms);
    String invalid = domainProblem(domain);
    if (invalid != null) {
      return done(
          trace,
          Result.NONE,
          new Problem(Problem.Kind.INVALID_DOMAIN, invalid, rawDomain, null));
    }
    if (policy != null) {
      return evaluateRecord(domain, policy, trace, inInclude);
    }
    return lookup(domain, RecordType.TXT)
        .thenCompose(
            answer -> {
              trace.lookups.add(new Trace.Lookup(domain, RecordType.TXT, answer));
              return selectRecord(domain, answer, trace, inInclude);
            });
  }

  /** Why {@code domain} cannot be checked (§4.3), or {@code null} if it can. */
  private static @Nullable String domainProblem(String domain) {
    if (domain.startsWith("[")) {
      return "'" + domain + "' is an address literal, not a domain name";
    }
    String problem = DomainNames.problem(domain, 0, domain.length());
    if (problem != null) {
      return problem;
    }
    return domain.indexOf('.') < 0 ? "'" + domain + "' is not a fully qualified domain name" : null;
  }

  /** Record selection (§4.5): exactly one {@code v=spf1} record among the TXT records. */
  private CompletableFuture<Outcome> selectRecord(
      String domain, DnsAnswer answer, DomainTraceBuilder trace, boolean inInclude) {
    if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      return done(trace, Result.TEMPERROR, temporary(failure, domain));
    }
    if (!(answer instanceof DnsAnswer.Records records)) {
      return done(
          trace,
          Result.NONE,
          new Problem(Problem.Kind.NO_RECORD, "no SPF record at " + domain, domain, null));
    }
    String found = null;
    int count = 0;
    for (String text : records.data()) {
      if (RecordParser.isSpfRecord(text)) {
        found = text;
        count++;
      }
    }
    if (found == null) {
      return done(
          trace,
          Result.NONE,
          new Problem(Problem.Kind.NO_RECORD, "no SPF record at " + domain, domain, null));
    }
    if (count > 1) {
      return done(
          trace,
          Result.PERMERROR,
          new Problem(
              Problem.Kind.MULTIPLE_RECORDS,
              count + " SPF records at " + domain + "; there must be exactly one",
              domain,
              null));
    }
    return evaluateRecord(domain, found, trace, inInclude);
  }

  private CompletableFuture<Outcome> evaluateRecord(
      String domain, String text, DomainTraceBuilder trace, boolean inInclude) {
    trace.record = text;
    ParseResult parsed = evaluator.cache.parse(text);
    if (parsed instanceof ParseResult.Invalid invalid) {
      return done(
          trace,
          Result.PERMERROR,
          new Problem(
              Problem.Kind.SYNTAX_ERROR,
              "syntax error in the SPF record of " + domain + ": " + invalid.error(),
              domain,
              invalid.error()));
    }
    SpfRecord record = ((ParseResult.Valid) parsed).record();
    if (prefetcher != null) {
      prefetcher.record(record, domain);
    }
    return new RecordRun(domain, text, record, trace, inInclude).from(0);
  }

  // ---------------------------------------------------------------- terms (§4.6, §5, §6)

  /** The evaluation of one record's terms, left to right. */
  private final class RecordRun {
    final String domain;
    final String text;
    final SpfRecord record;
    final DomainTraceBuilder trace;
    final boolean inInclude;

    RecordRun(
        String domain, String text, SpfRecord record, DomainTraceBuilder trace, boolean inInclude) {
      this.domain = domain;
      this.text = text;
      this.record = record;
      this.trace = trace;
      this.inInclude = inInclude;
    }

    CompletableFuture<Outcome> from(int index) {
      List<Term> terms = record.terms();
      for (int i = index; i < terms.size(); i++) {
        if (!(terms.get(i) instanceof Mechanism mechanism)) {
          continue;
        }
        if (!mechanism.queriesDns()) {
          boolean matches = matchesWithoutDns(mechanism);
          trace.terms.add(
              new Trace.TermStep(
                  mechanism.toString(),
                  matches ? Trace.Outcome.MATCH : Trace.Outcome.NO_MATCH,
                  null,
                  List.of(),
                  null,
                  null));
          if (matches) {
            return matched(mechanism);
          }
          continue;
        }
        int next = i + 1;
        Step step = new Step(mechanism);
        if (!countDnsTerm()) {
          return stepError(step, Result.PERMERROR, tooManyLookups());
        }
        return evaluateDns(mechanism, step)
            .thenCompose(
                outcome -> {
                  return switch (outcome) {
                    case MATCH -> matched(mechanism);
                    case NO_MATCH -> from(next);
                    case ERROR, APPLIED ->
                        finish(Objects2.nonNull(step.errorResult), null, step.problem, null);
                  };
                });
      }
      Optional<Modifier.Redirect> redirect = record.redirect();
      if (redirect.isPresent()) {
        return redirect(redirect.get());
      }
      // §4.7: no match and no redirect
      return finish(Result.NEUTRAL, null, null, null);
    }

    private boolean matchesWithoutDns(Mechanism mechanism) {
      if (mechanism instanceof Mechanism.Ip4 ip4) {
        return ip.isIn(ip4.network(), ip4.prefix());
      }
      if (mechanism instanceof Mechanism.Ip6 ip6) {
        return ip.isIn(ip6.network(), ip6.prefix());
      }
      return mechanism instanceof Mechanism.All;
    }

    private CompletableFuture<Outcome> matched(Mechanism mechanism) {
      Result result = mechanism.qualifier().result();
      MatchedTerm match = new MatchedTerm(mechanism, domain, text);
      if (result == Result.FAIL && !inInclude) {
        return explain(record, domain).thenCompose(text -> finish(result, match, null, text));
      }
      return finish(result, match, null, null);
    }

    private CompletableFuture<Outcome> finish(
        Result result,
        @Nullable MatchedTerm match,
        @Nullable Problem problem,
        @Nullable String explanation) {
      return CompletableFuture.completedFuture(
          new Outcome(result, match, problem, explanation, trace.build(result, dnsTerms)));
    }

    private CompletableFuture<Outcome> stepError(Step step, Result result, Problem problem) {
      step.fail(result, problem);
      trace.terms.add(step.build(Trace.Outcome.ERROR));
      return finish(result, null, problem, null);
    }

    /** Evaluates a DNS-querying mechanism; records its trace step. */
    private CompletableFuture<Trace.Outcome> evaluateDns(Mechanism mechanism, Step step) {
      MacroString spec = targetSpec(mechanism);
      return expandDomain(spec, domain)
          .thenCompose(
              target -> {
                if (target == null) {
                  if (mechanism instanceof Mechanism.Include) {
                    step.fail(
                        Result.PERMERROR,
                        new Problem(
                            Problem.Kind.INVALID_EXPANSION,
                            "'" + mechanism + "' does not expand to a valid domain name",
                            domain,
                            null));
                    return recorded(step, Trace.Outcome.ERROR);
                  }
                  step.detail = "the domain-spec does not expand to a valid domain name";
                  return recorded(step, Trace.Outcome.NO_MATCH);
                }
                step.target = target;
                if (voidLookups > limits.maxVoidLookups()) {
                  // the address queries behind %{p} found nothing too often
                  voidLimitExceeded(step, target);
                  return recorded(step, Trace.Outcome.ERROR);
                }
                CompletableFuture<Trace.Outcome> outcome;
                if (mechanism instanceof Mechanism.A a) {
                  outcome = matchA(step, target, a.ip4Prefix(), a.ip6Prefix());
                } else if (mechanism instanceof Mechanism.Mx mx) {
                  outcome = matchMx(step, target, mx.ip4Prefix(), mx.ip6Prefix());
                } else if (mechanism instanceof Mechanism.Ptr) {
                  outcome = matchPtr(step, target);
                } else if (mechanism instanceof Mechanism.Exists) {
                  outcome = matchExists(step, target);
                } else {
                  outcome = matchInclude(step, target);
                }
                return outcome.thenCompose(result -> recorded(step, result));
              });
    }

    private CompletableFuture<Trace.Outcome> recorded(Step step, Trace.Outcome outcome) {
      trace.terms.add(step.build(outcome));
      return CompletableFuture.completedFuture(outcome);
    }

    private CompletableFuture<Outcome> redirect(Modifier.Redirect redirect) {
      Step step = new Step(redirect);
      if (!countDnsTerm()) {
        return stepError(step, Result.PERMERROR, tooManyLookups());
      }
      return expandDomain(redirect.domain(), domain)
          .thenCompose(
              target -> {
                if (target == null) {
                  return stepError(
                      step,
                      Result.PERMERROR,
                      new Problem(
                          Problem.Kind.INVALID_EXPANSION,
                          "'" + redirect + "' does not expand to a valid domain name",
                          domain,
                          null));
                }
                step.target = target;
                if (voidLookups > limits.maxVoidLookups()) {
                  voidLimitExceeded(step, target);
                  trace.terms.add(step.build(Trace.Outcome.ERROR));
                  return finish(Result.PERMERROR, null, step.problem, null);
                }
                return checkHost(target, Trace.Via.REDIRECT, inInclude, null)
                    .thenCompose(
                        child -> {
                          step.nested = child.trace;
                          if (child.result == Result.NONE) {
                            // §6.1: a redirect to a domain without a record is a permerror
                            Problem problem =
                                new Problem(
                                    Problem.Kind.INCLUDE_NO_RECORD,
                                    "redirect=" + target + " names a domain without an SPF record",
                                    domain,
                                    null);
                            step.fail(Result.PERMERROR, problem);
                            trace.terms.add(step.build(Trace.Outcome.ERROR));
                            return finish(Result.PERMERROR, null, problem, null);
                          }
                          trace.terms.add(step.build(Trace.Outcome.APPLIED));
                          return finish(child.result, child.match, child.problem, child.explanation);
                        });
              });
    }

    // ------------------------------------------------------------ mechanisms

    private CompletableFuture<Trace.Outcome> matchA(
        Step step, String target, int ip4Prefix, int ip6Prefix) {
      RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
      return lookup(target, type)
          .thenApply(
              answer -> {
                step.lookups.add(new Trace.Lookup(target, type, answer));
                if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                  step.fail(Result.TEMPERROR, temporary(failure, target));
                  return Trace.Outcome.ERROR;
                }
                if (!(answer instanceof DnsAnswer.Records records)) {
                  return voidLookup(step, target);
                }
                return anyMatches(records, ip4Prefix, ip6Prefix)
                    ? Trace.Outcome.MATCH
                    : Trace.Outcome.NO_MATCH;
              });
    }

    private CompletableFuture<Trace.Outcome> matchExists(Step step, String target) {
      return lookup(target, RecordType.A)
          .thenApply(
              answer -> {
                step.lookups.add(new Trace.Lookup(target, RecordType.A, answer));
                if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                  step.fail(Result.TEMPERROR, temporary(failure, target));
                  return Trace.Outcome.ERROR;
                }
                if (!(answer instanceof DnsAnswer.Records)) {
                  return voidLookup(step, target);
                }
                return Trace.Outcome.MATCH;
              });
    }

    private CompletableFuture<Trace.Outcome> matchMx(
        Step step, String target, int ip4Prefix, int ip6Prefix) {
      return lookup(target, RecordType.MX)
          .thenCompose(
              answer -> {
                step.lookups.add(new Trace.Lookup(target, RecordType.MX, answer));
                if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                  step.fail(Result.TEMPERROR, temporary(failure, target));
                  return completed(Trace.Outcome.ERROR);
                }
                if (!(answer instanceof DnsAnswer.Records records)) {
                  return completed(voidLookup(step, target));
                }
                List<String> names = records.data();
                if (names.size() > limits.maxMxNames()) {
                  step.fail(
                      Result.PERMERROR,
                      new Problem(
                          Problem.Kind.TOO_MANY_MX_NAMES,
                          target
                              + " has "
                              + names.size()
                              + " MX names; more than "
                              + limits.maxMxNames()
                              + " is a permanent error",
                          domain,
                          null));
                  return completed(Trace.Outcome.ERROR);
                }
                RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
                List<CompletableFuture<DnsAnswer>> addresses = new ArrayList<>(names.size());
                if (prefetcher != null) {
                  // all exchanges at once: the answers are read in order below
                  for (String name : names) {
                    addresses.add(name.isEmpty() ? completed(NO_ADDRESS) : lookup(name, type));
                  }
                }
                return mxAddresses(step, names, addresses, 0, type, ip4Prefix, ip6Prefix);
              });
    }

    private CompletableFuture<Trace.Outcome> mxAddresses(
        Step step,
        List<String> names,
        List<CompletableFuture<DnsAnswer>> started,
        int index,
        RecordType type,
        int ip4Prefix,
        int ip6Prefix) {
      for (int i = index; i < names.size(); i++) {
        String name = names.get(i);
        if (name.isEmpty()) {
          continue; // a null MX (RFC 7505) has no addresses
        }
        int next = i + 1;
        CompletableFuture<DnsAnswer> answer = started.isEmpty() ? lookup(name, type) : started.get(i);
        return answer.thenCompose(
            result -> {
              step.lookups.add(new Trace.Lookup(name, type, result));
              if (result instanceof DnsAnswer.TemporaryFailure failure) {
                step.fail(Result.TEMPERROR, temporary(failure, name));
                return completed(Trace.Outcome.ERROR);
              }
              if (result instanceof DnsAnswer.Records records) {
                if (anyMatches(records, ip4Prefix, ip6Prefix)) {
                  step.detail = "address of mail exchanger " + name;
                  return completed(Trace.Outcome.MATCH);
                }
              } else if (countsEveryQuery() && voidLookup(step, name) == Trace.Outcome.ERROR) {
                return completed(Trace.Outcome.ERROR);
              }
              return mxAddresses(step, names, started, next, type, ip4Prefix, ip6Prefix);
            });
      }
      return completed(Trace.Outcome.NO_MATCH);
    }

    private CompletableFuture<Trace.Outcome> matchPtr(Step step, String target) {
      String reverse = ip.reverseName();
      return lookup(reverse, RecordType.PTR)
          .thenCompose(
              answer -> {
                step.lookups.add(new Trace.Lookup(reverse, RecordType.PTR, answer));
                if (answer instanceof DnsAnswer.TemporaryFailure) {
                  // §5.5: a DNS error on the PTR lookup means no match
                  step.detail = "the PTR lookup failed";
                  return completed(Trace.Outcome.NO_MATCH);
                }
                if (!(answer instanceof DnsAnswer.Records records)) {
                  return completed(voidLookup(step, reverse));
                }
                List<String> candidates = new ArrayList<>();
                List<String> names = records.data();
                for (int i = 0; i < names.size() && i < limits.maxPtrNames(); i++) {
                  String name = stripDot(names.get(i));
                  if (isSameOrSubdomain(name, target)) {
                    candidates.add(name);
                  }
                }
                return validate(step, candidates, 0, target);
              });
    }

    /** §5.5: a candidate matches when one of its addresses is the client's. */
    private CompletableFuture<Trace.Outcome> validate(
        Step step, List<String> candidates, int index, String target) {
      if (index >= candidates.size()) {
        return completed(Trace.Outcome.NO_MATCH);
      }
      String name = candidates.get(index);
      RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
      return lookup(name, type)
          .thenCompose(
              answer -> {
                step.lookups.add(new Trace.Lookup(name, type, answer));
                if (answer instanceof DnsAnswer.Records records && anyMatches(records, 32, 128)) {
                  step.detail = "validated name " + name + " is in " + target;
                  return completed(Trace.Outcome.MATCH);
                }
                if (isVoid(answer)
                    && countsEveryQuery()
                    && voidLookup(step, name) == Trace.Outcome.ERROR) {
                  return completed(Trace.Outcome.ERROR);
                }
                // errors skip the name (§5.5)
                return validate(step, candidates, index + 1, target);
              });
    }

    private CompletableFuture<Trace.Outcome> matchInclude(Step step, String target) {
      return checkHost(target, Trace.Via.INCLUDE, true, null)
          .thenApply(
              child -> {
                step.nested = child.trace;
                switch (child.result) {
                  case PASS -> {
                    return Trace.Outcome.MATCH;
                  }
                  case FAIL, SOFTFAIL, NEUTRAL -> {
                    return Trace.Outcome.NO_MATCH;
                  }
                  case TEMPERROR, PERMERROR -> {
                    step.fail(child.result, Objects2.nonNull(child.problem));
                    return Trace.Outcome.ERROR;
                  }
                  case NONE -> {
                    // §5.2: an included domain without a record is a permerror
                    step.fail(
                        Result.PERMERROR,
                        new Problem(
                            Problem.Kind.INCLUDE_NO_RECORD,
                            "include:" + target + " names a domain without an SPF record",
                            domain,
                            null));
                    return Trace.Outcome.ERROR;
                  }
                }
                throw new AssertionError(child.result);
              });
    }

    /** Counts a void lookup (§4.6.4); an error once over the limit. */
    private Trace.Outcome voidLookup(Step step, String name) {
      voidLookups++;
      if (voidLookups > limits.maxVoidLookups()) {
        voidLimitExceeded(step, name);
        return Trace.Outcome.ERROR;
      }
      return Trace.Outcome.NO_MATCH;
    }

    private void voidLimitExceeded(Step step, String name) {
      step.fail(
          Result.PERMERROR,
          new Problem(
              Problem.Kind.TOO_MANY_VOID_LOOKUPS,
              "more than "
                  + limits.maxVoidLookups()
                  + " lookups found nothing (the last: "
                  + name
                  + ")",
              domain,
              null));
    }

    private Problem tooManyLookups() {
      return new Problem(
          Problem.Kind.TOO_MANY_LOOKUPS,
          "more than "
              + limits.maxDnsTerms()
              + " DNS-querying terms (include, a, mx, ptr, exists, redirect)",
          domain,
          null);
    }
  }

  private static final DnsAnswer NO_ADDRESS = new DnsAnswer.NoRecords(0);

  /** One term's trace step while it is evaluated. */
  private static final class Step {
    final Term term;
    final List<Trace.Lookup> lookups = new ArrayList<>(2);
    @Nullable String target;
    Trace.@Nullable Domain nested;
    @Nullable String detail;
    @Nullable Result errorResult;
    @Nullable Problem problem;

    Step(Term term) {
      this.term = term;
    }

    void fail(Result result, Problem problem) {
      this.errorResult = result;
      this.problem = problem;
      this.detail = problem.message();
    }

    Trace.TermStep build(Trace.Outcome outcome) {
      return new Trace.TermStep(term.toString(), outcome, target, lookups, nested, detail);
    }
  }

  private boolean countsEveryQuery() {
    return limits.voidLookupCounting() == Limits.VoidLookupCounting.EVERY_QUERY;
  }

  private static boolean isVoid(DnsAnswer answer) {
    return answer instanceof DnsAnswer.NoRecords || answer instanceof DnsAnswer.NoSuchDomain;
  }

  /**
   * Counts a void answer behind {@code %{p}} under {@link Limits.VoidLookupCounting#EVERY_QUERY};
   * the term that expanded the macro fails once the count is over the limit.
   */
  private void countVoid(DnsAnswer answer) {
    if (isVoid(answer) && countsEveryQuery()) {
      voidLookups++;
    }
  }

  private boolean countDnsTerm() {
    dnsTerms++;
    return dnsTerms <= limits.maxDnsTerms();
  }

  private boolean anyMatches(DnsAnswer.Records records, int ip4Prefix, int ip6Prefix) {
    int prefix = ip.ipv4() ? ip4Prefix : ip6Prefix;
    for (String literal : records.data()) {
      Optional<IpAddress> address = IpAddress.parse(literal);
      if (address.isPresent() && ip.isIn(address.get(), prefix)) {
        return true;
      }
    }
    return false;
  }

  private static MacroString targetSpec(Mechanism mechanism) {
    MacroString spec = null;
    if (mechanism instanceof Mechanism.A a) {
      spec = a.domain();
    } else if (mechanism instanceof Mechanism.Mx mx) {
      spec = mx.domain();
    } else if (mechanism instanceof Mechanism.Ptr ptr) {
      spec = ptr.domain();
    } else if (mechanism instanceof Mechanism.Exists exists) {
      spec = exists.domain();
    } else if (mechanism instanceof Mechanism.Include include) {
      spec = include.domain();
    }
    return spec == null ? CURRENT_DOMAIN : spec;
  }

  private static final MacroString CURRENT_DOMAIN =
      new MacroString(
          List.of(new io.github.spfkit.core.record.MacroToken.Macro('d', false, 0, false, "")));

  // ---------------------------------------------------------------- macros (§7)

  /** Expands a domain-spec to the name to look up, or {@code null} if it is not a usable name. */
  private CompletableFuture<@Nullable String> expandDomain(MacroString spec, String domain) {
    return expand(spec, domain).thenApply(MacroExpander::toDomainName);
  }

  private CompletableFuture<String> expand(MacroString spec, String domain) {
    if (!MacroExpander.needsValidatedName(spec)) {
      return completed(MacroExpander.expand(spec, context, domain, null));
    }
    return validatedName(domain)
        .thenApply(name -> MacroExpander.expand(spec, context, domain, name));
  }

  /**
   * The {@code %{p}} value for {@code domain} (§7.3): a validated name equal to the domain, else
   * one beneath it, else any validated name; {@code null} (expanded as {@code unknown}) if none.
   */
  private CompletableFuture<@Nullable String> validatedName(String domain) {
    CompletableFuture<List<String>> names = validatedNames;
    if (names == null) {
      names = findValidatedNames();
      validatedNames = names;
    }
    return names.thenApply(
        list -> {
          String beneath = null;
          for (String name : list) {
            if (name.equalsIgnoreCase(domain)) {
              return name;
            }
            if (beneath == null && isSameOrSubdomain(name, domain)) {
              beneath = name;
            }
          }
          return beneath != null ? beneath : list.isEmpty() ? null : list.get(0);
        });
  }

  private CompletableFuture<List<String>> findValidatedNames() {
    String reverse = ip.reverseName();
    return lookup(reverse, RecordType.PTR)
        .thenCompose(
            answer -> {
              if (!(answer instanceof DnsAnswer.Records records)) {
                countVoid(answer);
                return completed(List.<String>of());
              }
              List<String> names = records.data();
              List<String> valid = new ArrayList<>();
              CompletableFuture<List<String>> chain = completed(valid);
              RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
              for (int i = 0; i < names.size() && i < limits.maxPtrNames(); i++) {
                String name = stripDot(names.get(i));
                chain =
                    chain.thenCompose(
                        list ->
                            lookup(name, type)
                                .thenApply(
                                    addresses -> {
                                      if (addresses instanceof DnsAnswer.Records records1
                                          && anyMatches(records1, 32, 128)) {
                                        list.add(name);
                                      }
                                      countVoid(addresses);
                                      return list;
                                    }));
              }
              return chain;
            });
  }

  // ---------------------------------------------------------------- explanation (§6.2)

  private CompletableFuture<@Nullable String> explain(SpfRecord record, String domain) {
    Optional<Modifier.Explanation> exp = record.explanation();
    if (exp.isEmpty()) {
      return explanationOf(defaultExplanation(domain));
    }
    return expandDomain(exp.get().domain(), domain)
        .thenCompose(
            target -> {
              if (target == null) {
                return explanationOf(defaultExplanation(domain));
              }
              return lookup(target, RecordType.TXT)
                  .thenCompose(
                      answer -> {
                        if (!(answer instanceof DnsAnswer.Records records)
                            || records.data().size() != 1) {
                          return explanationOf(defaultExplanation(domain));
                        }
                        Optional<MacroString> text =
                            RecordParser.parseExplanation(records.data().get(0));
                        if (text.isEmpty()) {
                          return explanationOf(defaultExplanation(domain));
                        }
                        return expand(text.get(), domain).thenApply(s -> (@Nullable String) s);
                      });
            });
  }

  private static CompletableFuture<@Nullable String> explanationOf(@Nullable String text) {
    CompletableFuture<@Nullable String> future = new CompletableFuture<>();
    future.complete(text);
    return future;
  }

  private @Nullable String defaultExplanation(String domain) {
    MacroString text = evaluator.defaultExplanation;
    return text == null ? null : MacroExpander.expand(text, context, domain, null);
  }

  // ---------------------------------------------------------------- DNS

  /**
   * Asks the seam, counting the query and holding the deadline. Never completes exceptionally: a
   * thrown exception or an exceptional stage is a temporary failure.
   */
  private CompletableFuture<DnsAnswer> lookup(String name, RecordType type) {
    CompletableFuture<DnsAnswer> answer = null;
    if (prefetcher != null) {
      answer = prefetcher.take(name, type);
    }
    if (answer == null) {
      answer = send(name, type);
    }
    if (answer.isDone()) {
      return answer;
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return completed(DEADLINE);
    }
    return answer.copy().completeOnTimeout(DEADLINE, remaining, TimeUnit.NANOSECONDS);
  }

  private CompletableFuture<DnsAnswer> send(String name, RecordType type) {
    if (System.nanoTime() - deadline > 0) {
      return completed(DEADLINE);
    }
    queries.incrementAndGet();
    try {
      CompletableFuture<DnsAnswer> stage =
          Objects2.nonNull(evaluator.dns.lookup(name, type)).toCompletableFuture();
      if (stage.isDone() && !stage.isCompletedExceptionally()) {
        DnsAnswer now = stage.join();
        return now == null ? completed(failure("no answer", null)) : stage;
      }
      return stage.handle(
          (result, error) ->
              error != null || result == null ? failure("lookup failed", error) : result);
    } catch (RuntimeException e) {
      return completed(failure("lookup failed", e));
    }
  }

  private static DnsAnswer failure(String what, @Nullable Throwable error) {
    Throwable cause = error;
    while (cause != null && cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    return new DnsAnswer.TemporaryFailure(
        cause == null ? what : what + ": " + cause.getClass().getSimpleName());
  }

  /** The deadline's answer is one instance, told apart from equal-looking DNS failures. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean isDeadline(DnsAnswer.TemporaryFailure failure) {
    return failure == DEADLINE;
  }

  private Problem temporary(DnsAnswer.TemporaryFailure failure, String name) {
    if (isDeadline(failure)) {
      return new Problem(
          Problem.Kind.DEADLINE_EXCEEDED,
          "the evaluation took longer than " + limits.deadline().toMillis() + " ms",
          name,
          null);
    }
    return new Problem(
        Problem.Kind.DNS_ERROR, "DNS lookup of " + name + " failed: " + failure.reason(), name, null);
  }

  // ---------------------------------------------------------------- prefetch

  /**
   * Starts, as soon as a record is parsed, the lookups its DNS terms without macros will need, and
   * follows prefetched records down the tree. Within the evaluation's DNS-term budget, so the
   * queries stay within the RFC's limits; the evaluation takes each answer once.
   */
  private final class Prefetcher {
    private final ConcurrentHashMap<String, CompletableFuture<DnsAnswer>> pending =
        new ConcurrentHashMap<>();
    private final AtomicInteger budget = new AtomicInteger(limits.maxDnsTerms());
    private final AtomicInteger addressBudget = new AtomicInteger(limits.maxMxNames());

    void record(SpfRecord record, String domain) {
      for (Term term : record.terms()) {
        MacroString spec;
        RecordType type;
        if (term instanceof Modifier.Redirect redirect) {
          spec = redirect.domain();
          type = RecordType.TXT;
        } else if (term instanceof Mechanism mechanism && mechanism.queriesDns()) {
          spec = targetSpec(mechanism);
          type = typeFor(mechanism);
        } else {
          continue;
        }
        if (spec.hasMacros() && !spec.equals(CURRENT_DOMAIN)) {
          continue;
        }
        if (budget.getAndDecrement() <= 0) {
          return;
        }
        String target =
            spec.equals(CURRENT_DOMAIN)
                ? domain
                : MacroExpander.toDomainName(MacroExpander.expand(spec, context, domain, null));
        if (target == null) {
          continue;
        }
        String name = type == RecordType.PTR ? ip.reverseName() : target;
        CompletableFuture<DnsAnswer> answer = start(name, type);
        // prefetch callbacks only start more lookups; they cannot fail (lookups never do)
        if (type == RecordType.TXT) {
          CompletableFuture<Void> unused = answer.thenAccept(result -> followRecord(result, name));
        } else if (type == RecordType.MX) {
          CompletableFuture<Void> unused = answer.thenAccept(this::followExchanges);
        }
      }
    }

    private RecordType typeFor(Mechanism mechanism) {
      if (mechanism instanceof Mechanism.Include) {
        return RecordType.TXT;
      }
      if (mechanism instanceof Mechanism.Mx) {
        return RecordType.MX;
      }
      if (mechanism instanceof Mechanism.Ptr) {
        return RecordType.PTR;
      }
      if (mechanism instanceof Mechanism.Exists) {
        return RecordType.A;
      }
      return ip.ipv4() ? RecordType.A : RecordType.AAAA;
    }

    private void followRecord(DnsAnswer answer, String domain) {
      if (!(answer instanceof DnsAnswer.Records records)) {
        return;
      }
      String found = null;
      for (String text : records.data()) {
        if (RecordParser.isSpfRecord(text)) {
          if (found != null) {
            return;
          }
          found = text;
        }
      }
      if (found != null && evaluator.cache.parse(found) instanceof ParseResult.Valid valid) {
        record(valid.record(), domain);
      }
    }

    private void followExchanges(DnsAnswer answer) {
      if (!(answer instanceof DnsAnswer.Records records)
          || records.data().size() > limits.maxMxNames()) {
        return;
      }
      RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
      for (String name : records.data()) {
        if (!name.isEmpty() && addressBudget.getAndDecrement() > 0) {
          CompletableFuture<DnsAnswer> unused = start(name, type);
        }
      }
    }

    private CompletableFuture<DnsAnswer> start(String name, RecordType type) {
      String key = key(name, type);
      CompletableFuture<DnsAnswer> existing = pending.get(key);
      if (existing != null) {
        return existing;
      }
      CompletableFuture<DnsAnswer> answer = send(name, type);
      CompletableFuture<DnsAnswer> raced = pending.putIfAbsent(key, answer);
      return raced == null ? answer : raced;
    }

    @Nullable CompletableFuture<DnsAnswer> take(String name, RecordType type) {
      return pending.remove(key(name, type));
    }

    private String key(String name, RecordType type) {
      return stripDot(name).toLowerCase(Locale.ROOT) + '/' + type;
    }
  }

  // ---------------------------------------------------------------- helpers

  private CompletableFuture<Outcome> done(
      DomainTraceBuilder trace, Result result, @Nullable Problem problem) {
    return completed(new Outcome(result, null, problem, null, trace.build(result, dnsTerms)));
  }

  private static <T> CompletableFuture<T> completed(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean isSameOrSubdomain(String name, String domain) {
    String n = stripDot(name);
    String d = stripDot(domain);
    if (n.length() == d.length()) {
      return n.equalsIgnoreCase(d);
    }
    return n.length() > d.length()
        && n.charAt(n.length() - d.length() - 1) == '.'
        && n.regionMatches(true, n.length() - d.length(), d, 0, d.length());
  }
}
