package io.github.spfkit.core.internal;

import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfRequest;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.RecordSelection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One run of RFC 7208 {@code check_host()} (§4): record selection, the terms of each record left
 * to right, {@code include} and {@code redirect}, and the explanation. Matching is {@link
 * MechanismMatcher}'s, DNS and the limits {@link DnsBudget}'s, {@code %{p}} {@link
 * ValidatedNames}', early lookups {@link Prefetcher}'s.
 *
 * <p>Each step continues with a callback that runs at once when its answer is ready, so an
 * evaluation over answers at hand runs straight through on the caller's thread; steps run one after
 * another, so nothing here needs locking.
 */
final class Evaluation {

  private final Evaluator evaluator;
  private final SpfRequest request;
  private final @Nullable String policy;
  private final IpAddress ip;
  private final MacroContext context;
  private final DnsBudget budget;
  private final ValidatedNames names;
  private final MechanismMatcher matcher;
  private final @Nullable Prefetcher prefetcher;
  private final CompletableFuture<SpfResult> result = new CompletableFuture<>();

  Evaluation(Evaluator evaluator, SpfRequest request, @Nullable String policy) {
    this.evaluator = evaluator;
    this.request = request;
    this.policy = policy;
    this.ip = request.ip().unmapped();
    this.context =
        MacroContext.of(
            asciiSender(request.sender()),
            ip,
            asciiOrAsGiven(request.helo()),
            request.receiver());
    this.budget = new DnsBudget(evaluator.dns, evaluator.limits, result::completeExceptionally);
    this.names = new ValidatedNames(budget, ip);
    this.matcher = new MechanismMatcher(budget, ip, names, evaluator.prefetch);
    this.prefetcher = evaluator.prefetch ? new Prefetcher(budget, evaluator.cache, ip) : null;
    if (prefetcher != null) {
      budget.prefetcher(prefetcher);
    }
  }

  CompletableFuture<SpfResult> run() {
    try {
      String domain = DomainNames.toAscii(request.domain());
      if (domain == null) {
        // RFC 8616 §4 with RFC 7208 §4.3: a name that is not a valid IDN is not a usable name
        DomainTraceBuilder trace = new DomainTraceBuilder(request.domain(), Trace.Via.CHECK, 0);
        complete(
            done(
                trace,
                Result.NONE,
                new Problem(
                    Problem.Kind.INVALID_DOMAIN,
                    "'" + request.domain() + "' is not a valid internationalized domain name",
                    request.domain(),
                    null)));
      } else {
        checkHost(domain, false, Trace.Via.CHECK, false, policy, this::complete);
      }
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private void complete(Outcome outcome) {
    budget.finish();
    result.complete(
        new SpfResult(
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
            budget.dnsTerms(),
            budget.voidLookups(),
            budget.queries(),
            new Trace(outcome.trace),
            evaluator.limits));
  }

  /** The sender with its domain in A-labels (RFC 8616 §4); the local part stays as given. */
  private static String asciiSender(String sender) {
    if (DomainNames.isAscii(sender)) {
      return sender;
    }
    int at = sender.lastIndexOf('@');
    String domain = sender.substring(at + 1);
    String ascii = DomainNames.toAscii(domain);
    return ascii == null || ascii.equals(domain) ? sender : sender.substring(0, at + 1) + ascii;
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

  private Outcome done(DomainTraceBuilder trace, Result result, @Nullable Problem problem) {
    return new Outcome(result, null, problem, null, trace.build(result, budget.dnsTerms()));
  }

  // check_host (§4.3, §4.4, §4.5)

  /**
   * {@code check_host()} for {@code rawDomain}; {@code checked} when the name is known to pass
   * §4.3's checks (a precomputed literal target).
   */
  private void checkHost(
      String rawDomain,
      boolean checked,
      Trace.Via via,
      boolean inInclude,
      @Nullable String whatIf,
      Consumer<Outcome> then) {
    String domain = Names.stripDot(rawDomain);
    DomainTraceBuilder trace = new DomainTraceBuilder(domain, via, budget.dnsTerms());
    String invalid = checked ? null : DomainNames.checkHostProblem(domain);
    if (invalid != null) {
      then.accept(
          done(
              trace,
              Result.NONE,
              new Problem(Problem.Kind.INVALID_DOMAIN, invalid, rawDomain, null)));
      return;
    }
    if (whatIf != null) {
      evaluateRecord(domain, whatIf, trace, inInclude, then);
      return;
    }
    budget.lookup(
        domain,
        RecordType.TXT,
        answer -> {
          trace.lookup(new Trace.Lookup(domain, RecordType.TXT, answer));
          selectRecord(domain, answer, trace, inInclude, then);
        });
  }

  /** Record selection (§4.5): exactly one {@code v=spf1} record among the TXT records. */
  private void selectRecord(
      String domain,
      DnsAnswer answer,
      DomainTraceBuilder trace,
      boolean inInclude,
      Consumer<Outcome> then) {
    if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      then.accept(done(trace, Result.TEMPERROR, budget.temporary(failure, domain)));
      return;
    }
    RecordSelection selection =
        answer instanceof DnsAnswer.Records records
            ? RecordSelection.of(records.data())
            : RecordSelection.NoRecord.INSTANCE;
    if (selection instanceof RecordSelection.One one) {
      evaluateRecord(domain, one.text(), trace, inInclude, then);
    } else if (selection instanceof RecordSelection.Multiple multiple) {
      then.accept(
          done(
              trace,
              Result.PERMERROR,
              new Problem(
                  Problem.Kind.MULTIPLE_RECORDS,
                  multiple.texts().size()
                      + " SPF records at "
                      + domain
                      + "; there must be exactly one",
                  domain,
                  null)));
    } else {
      then.accept(
          done(
              trace,
              Result.NONE,
              new Problem(Problem.Kind.NO_RECORD, "no SPF record at " + domain, domain, null)));
    }
  }

  private void evaluateRecord(
      String domain,
      String text,
      DomainTraceBuilder trace,
      boolean inInclude,
      Consumer<Outcome> then) {
    trace.record = text;
    PreparedRecord record = evaluator.cache.prepare(text);
    if (record.error != null) {
      then.accept(
          done(
              trace,
              Result.PERMERROR,
              new Problem(
                  Problem.Kind.SYNTAX_ERROR,
                  "syntax error in the SPF record of " + domain + ": " + record.error,
                  domain,
                  record.error)));
      return;
    }
    if (prefetcher != null) {
      prefetcher.record(record, domain);
    }
    new RecordRun(domain, record, trace, inInclude, then).from(0);
  }

  // the terms of one record (§4.6, §5, §6)

  /**
   * The evaluation of one record's terms, left to right. It takes the verdict of each DNS term
   * itself (one term is evaluated at a time), so no callback is made per term.
   */
  private final class RecordRun implements Consumer<TermVerdict> {
    final String domain;
    final PreparedRecord record;
    final DomainTraceBuilder trace;
    final boolean inInclude;
    final Consumer<Outcome> then;
    /** The DNS term being evaluated, its trace, and the index of the term after it. */
    private Mechanism.@Nullable DnsMechanism current;
    private @Nullable TermTrace currentStep;
    private int next;

    RecordRun(
        String domain,
        PreparedRecord record,
        DomainTraceBuilder trace,
        boolean inInclude,
        Consumer<Outcome> then) {
      this.domain = domain;
      this.record = record;
      this.trace = trace;
      this.inInclude = inInclude;
      this.then = then;
    }

    void from(int index) {
      List<PreparedRecord.PreparedTerm> terms = record.mechanisms;
      for (int i = index; i < terms.size(); i++) {
        PreparedRecord.PreparedTerm term = terms.get(i);
        if (!(term.term instanceof Mechanism.DnsMechanism mechanism)) {
          Mechanism plain = (Mechanism) term.term;
          boolean matches = MechanismMatcher.matchesWithoutDns(plain, ip);
          trace.add(
              new Trace.TermStep(
                  term.text(),
                  matches ? Trace.Outcome.MATCH : Trace.Outcome.NO_MATCH,
                  null,
                  List.of(),
                  null,
                  null));
          if (matches) {
            matched(plain);
            return;
          }
          continue;
        }
        TermTrace step = new TermTrace(term.text());
        if (!budget.countDnsTerm()) {
          failed(step, TermVerdict.permerror(budget.tooManyDnsTerms(domain)));
          return;
        }
        current = mechanism;
        currentStep = step;
        next = i + 1;
        if (term.targetKnown()) {
          evaluateDns(mechanism, term, step, term.knownTarget(domain));
        } else {
          expandDomain(
              Objects2.nonNull(term.spec),
              domain,
              target -> evaluateDns(mechanism, term, step, target));
        }
        return;
      }
      PreparedRecord.PreparedTerm redirect = record.redirect;
      if (redirect != null) {
        redirect(redirect);
        return;
      }
      // §4.7: no match and no redirect
      finish(Result.NEUTRAL, null, null, null);
    }

    /** The verdict of the DNS term being evaluated. */
    @Override
    public void accept(TermVerdict verdict) {
      Mechanism.DnsMechanism mechanism = Objects2.nonNull(current);
      trace.add(Objects2.nonNull(currentStep).build(verdict));
      current = null;
      currentStep = null;
      if (verdict instanceof TermVerdict.Match) {
        matched(mechanism);
      } else if (verdict instanceof TermVerdict.Failed failed) {
        finish(failed.result(), null, failed.problem(), null);
      } else {
        from(next);
      }
    }

    private void matched(Mechanism mechanism) {
      Result result = mechanism.qualifier().result();
      MatchedTerm match = new MatchedTerm(mechanism, domain, record.text);
      if (result == Result.FAIL && !inInclude) {
        explain(record, domain, text -> finish(result, match, null, text));
        return;
      }
      finish(result, match, null, null);
    }

    private void finish(
        Result result,
        @Nullable MatchedTerm match,
        @Nullable Problem problem,
        @Nullable String explanation) {
      then.accept(
          new Outcome(result, match, problem, explanation, trace.build(result, budget.dnsTerms())));
    }

    private void failed(TermTrace step, TermVerdict verdict) {
      trace.add(step.build(verdict));
      TermVerdict.Failed failed = (TermVerdict.Failed) verdict;
      finish(failed.result(), null, failed.problem(), null);
    }

    /** A DNS-querying mechanism, given its target: the match, or the included policy. */
    private void evaluateDns(
        Mechanism.DnsMechanism mechanism,
        PreparedRecord.PreparedTerm term,
        TermTrace step,
        @Nullable String target) {
      if (target == null) {
        if (mechanism instanceof Mechanism.Include) {
          accept(
              TermVerdict.permerror(
                  new Problem(
                      Problem.Kind.INVALID_EXPANSION,
                      "'" + term.text() + "' does not expand to a valid domain name",
                      domain,
                      null)));
        } else {
          accept(new TermVerdict.NoMatch("the domain-spec does not expand to a valid domain name"));
        }
        return;
      }
      step.target(target);
      if (budget.voidLimitExceeded()) {
        // the address queries behind %{p} found nothing too often
        accept(TermVerdict.permerror(budget.tooManyVoidLookups(domain, target)));
        return;
      }
      if (mechanism instanceof Mechanism.Include) {
        include(target, term.literalTargetChecked(), step, this);
      } else {
        matcher.match(mechanism, target, domain, step, this);
      }
    }

    /** §5.2: the included policy's result decides whether {@code include} matches. */
    private void include(
        String target, boolean checked, TermTrace step, Consumer<TermVerdict> verdict) {
      checkHost(
          target,
          checked,
          Trace.Via.INCLUDE,
          true,
          null,
          child -> {
            step.nested(child.trace);
            switch (child.result) {
              case PASS -> verdict.accept(TermVerdict.MATCH);
              case FAIL, SOFTFAIL, NEUTRAL -> verdict.accept(TermVerdict.NO_MATCH);
              case TEMPERROR, PERMERROR ->
                  verdict.accept(
                      new TermVerdict.Failed(child.result, Objects2.nonNull(child.problem)));
              case NONE ->
                  // §5.2: an included domain without a record is a permerror
                  verdict.accept(
                      TermVerdict.permerror(
                          new Problem(
                              Problem.Kind.INCLUDE_NO_RECORD,
                              "include:" + target + " names a domain without an SPF record",
                              domain,
                              null)));
            }
          });
    }

    /** §6.1. */
    private void redirect(PreparedRecord.PreparedTerm redirect) {
      TermTrace step = new TermTrace(redirect.text());
      if (!budget.countDnsTerm()) {
        failed(step, TermVerdict.permerror(budget.tooManyDnsTerms(domain)));
        return;
      }
      target(
          redirect,
          domain,
          target -> {
            if (target == null) {
              failed(
                  step,
                  TermVerdict.permerror(
                      new Problem(
                          Problem.Kind.INVALID_EXPANSION,
                          "'" + redirect.text() + "' does not expand to a valid domain name",
                          domain,
                          null)));
              return;
            }
            step.target(target);
            if (budget.voidLimitExceeded()) {
              failed(step, TermVerdict.permerror(budget.tooManyVoidLookups(domain, target)));
              return;
            }
            checkHost(
                target,
                redirect.literalTargetChecked(),
                Trace.Via.REDIRECT,
                inInclude,
                null,
                child -> {
                  step.nested(child.trace);
                  if (child.result == Result.NONE) {
                    // §6.1: a redirect to a domain without a record is a permerror
                    failed(
                        step,
                        TermVerdict.permerror(
                            new Problem(
                                Problem.Kind.INCLUDE_NO_RECORD,
                                "redirect=" + target + " names a domain without an SPF record",
                                domain,
                                null)));
                    return;
                  }
                  trace.add(step.applied());
                  finish(child.result, child.match, child.problem, child.explanation);
                });
          });
    }
  }

  // macros (§7)

  /**
   * The name a term looks at: precomputed for a domain-spec without macros, the current domain
   * for {@code %{d}}, else expanded now; {@code null} if it is not a usable name.
   */
  private void target(
      PreparedRecord.PreparedTerm term, String domain, Consumer<@Nullable String> then) {
    if (term.targetKnown()) {
      then.accept(term.knownTarget(domain));
    } else {
      expandDomain(Objects2.nonNull(term.spec), domain, then);
    }
  }

  /** Expands a domain-spec to the name to look up, or {@code null} if it is not a usable name. */
  private void expandDomain(MacroString spec, String domain, Consumer<@Nullable String> then) {
    expand(spec, domain, text -> then.accept(MacroExpander.toDomainName(text)));
  }

  private void expand(MacroString spec, String domain, Consumer<String> then) {
    if (!MacroExpander.needsValidatedName(spec)) {
      then.accept(MacroExpander.expand(spec, context, domain, null));
      return;
    }
    names.forMacro(domain, name -> then.accept(MacroExpander.expand(spec, context, domain, name)));
  }

  // explanation (§6.2)

  private void explain(PreparedRecord record, String domain, Consumer<@Nullable String> then) {
    Modifier.Explanation exp = record.explanation;
    if (exp == null) {
      then.accept(defaultExplanation(domain));
      return;
    }
    expandDomain(
        exp.domain(),
        domain,
        target -> {
          if (target == null) {
            then.accept(defaultExplanation(domain));
            return;
          }
          budget.lookup(
              target,
              RecordType.TXT,
              answer -> {
                if (!(answer instanceof DnsAnswer.Records records)
                    || records.data().size() != 1) {
                  then.accept(defaultExplanation(domain));
                  return;
                }
                Optional<MacroString> text = RecordParser.parseExplanation(records.data().get(0));
                if (text.isEmpty()) {
                  then.accept(defaultExplanation(domain));
                  return;
                }
                expand(text.get(), domain, then::accept);
              });
        });
  }

  private @Nullable String defaultExplanation(String domain) {
    MacroString text = evaluator.defaultExplanation;
    return text == null ? null : MacroExpander.expand(text, context, domain, null);
  }
}
