package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.Qualifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.RecordSelection;
import io.github.spfkit.core.record.Term;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One lint: walks the tree in evaluation order through {@link Answers}, one step after another as
 * answers come in (no thread waits), and collects counted terms and findings. Its state is touched
 * by one step at a time: each step starts when the one before it completed.
 */
final class TreeWalk {
  /** How deep includes and redirects are followed; evaluators stop far earlier, at 10 lookups. */
  static final int MAX_DEPTH = 12;

  /** How many records one tree reads at most. */
  static final int MAX_NODES = 64;

  private static final Set<String> REPORTING_MODIFIERS = Set.of("ra", "rp", "rr");

  private final Answers dns;
  private final Limits limits;
  private final List<Finding> findings = new ArrayList<>();
  private final List<CountedTerm> terms = new ArrayList<>();
  private final Deque<String> path = new ArrayDeque<>();
  private final Map<String, List<String[]>> includes = new LinkedHashMap<>();
  private int nodes;

  TreeWalk(Answers dns, Limits limits) {
    this.dns = dns;
    this.limits = limits;
  }

  CompletionStage<LintReport> lint(String rawDomain, @Nullable String whatIf) {
    String domain = Names.normalize(rawDomain);
    if (!Names.looksLikeDomain(domain)) {
      add(Finding.Code.NO_RECORD, "'" + rawDomain + "' is not a domain name", null, domain);
      return CompletableFuture.completedFuture(report(domain, whatIf, null));
    }
    return visit(domain, Trace.Via.CHECK, whatIf, 0).thenApply(tree -> report(domain, whatIf, tree));
  }

  private LintReport report(String domain, @Nullable String whatIf, @Nullable LintNode tree) {
    int lookups = tree == null ? 0 : tree.lookups();
    if (tree != null && lookups > limits.maxDnsTerms()) {
      CountedTerm stop = terms.get(limits.maxDnsTerms());
      add(
          Finding.Code.TOO_MANY_LOOKUPS,
          lookups + " DNS-querying terms when nothing matches, more than the limit of "
              + limits.maxDnsTerms() + ": " + tree.chain() + "; receivers stop with permerror at the "
              + ordinal(stop.ordinal()) + ", '" + stop.term() + "' in " + stop.domain(),
          null,
          domain);
    }
    duplicateIncludes();
    List<VoidCount> voids = new ArrayList<>();
    for (AddressFamily family : AddressFamily.values()) {
      voids.add(voidCount(family));
    }
    voidFindings(domain, voids);
    // the summary counts are IPv4 senders', as before there were two families; voids has both
    VoidCount worst = voids.get(0);
    List<String> names = new ArrayList<>();
    for (CountedTerm term : terms) {
      for (TermQuery query : term.queries()) {
        if (query.countsAsVoid(worst.family(), limits.voidLookupCounting())) {
          names.add(query.name());
        }
      }
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    return new LintReport(
        domain, whatIf, lookups, counted(worst), names, sorted, tree, terms, voids, limits);
  }

  private int counted(VoidCount count) {
    return limits.voidLookupCounting() == Limits.VoidLookupCounting.EVERY_QUERY
        ? count.everyQuery()
        : count.firstQueryOfTerm();
  }

  private VoidCount voidCount(AddressFamily family) {
    int every = 0;
    int first = 0;
    List<String> names = new ArrayList<>();
    for (CountedTerm term : terms) {
      for (TermQuery query : term.queries()) {
        if (query.countsAsVoid(family, Limits.VoidLookupCounting.EVERY_QUERY)) {
          every++;
          names.add(query.toString());
        }
        if (query.countsAsVoid(family, Limits.VoidLookupCounting.FIRST_QUERY_OF_TERM)) {
          first++;
        }
      }
    }
    return new VoidCount(family, every, first, names);
  }

  private void voidFindings(String domain, List<VoidCount> voids) {
    int max = limits.maxVoidLookups();
    List<VoidCount> over = voids.stream().filter(v -> counted(v) > max).toList();
    String reading =
        limits.voidLookupCounting() == Limits.VoidLookupCounting.EVERY_QUERY
            ? "counting every query"
            : "counting each term's first query";
    if (over.size() == voids.size()) {
      StringBuilder text = new StringBuilder();
      for (VoidCount count : voids) {
        text.append(text.length() == 0 ? "" : "; ").append(family(count));
      }
      add(
          Finding.Code.TOO_MANY_VOID_LOOKUPS,
          text + ": more than the limit of " + max + " (" + reading + "), so receivers give permerror",
          null,
          domain);
    } else if (!over.isEmpty()) {
      VoidCount bad = over.get(0);
      VoidCount good = voids.stream().filter(v -> v.family() != bad.family()).findFirst().orElseThrow();
      add(
          Finding.Code.VOID_LIMIT_ONE_FAMILY,
          family(bad) + ": permerror (the limit is " + max + ", " + reading + "); "
              + good.family().label() + " senders get " + counted(good) + ", so the tree looks"
              + " fine from " + good.family().label() + " only",
          null,
          domain);
    }
    for (VoidCount count : voids) {
      boolean every = count.everyQuery() > max;
      boolean first = count.firstQueryOfTerm() > max;
      if (every != first) {
        add(
            Finding.Code.VOID_READINGS_DIFFER,
            "receivers differ for " + count.family().label() + " senders: counting every query"
                + " (pyspf, Mail::SPF) they get " + count.everyQuery() + " void lookups, permerror;"
                + " counting each term's first query they get " + count.firstQueryOfTerm()
                + ", no error (the addresses of MX hosts make the difference)",
            null,
            domain);
      }
    }
  }

  private String family(VoidCount count) {
    int n = counted(count);
    List<String> names = new ArrayList<>();
    for (CountedTerm term : terms) {
      for (TermQuery query : term.queries()) {
        if (query.countsAsVoid(count.family(), limits.voidLookupCounting())) {
          names.add(query.toString());
        }
      }
    }
    return count.family().label() + " senders get " + n + " void lookup" + (n == 1 ? "" : "s")
        + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
  }

  private void duplicateIncludes() {
    for (Map.Entry<String, List<String[]>> entry : includes.entrySet()) {
      List<String[]> places = entry.getValue();
      if (places.size() < 2) {
        continue;
      }
      List<String> where = new ArrayList<>();
      for (String[] place : places) {
        where.add(place[0]);
      }
      String[] second = places.get(1);
      add(
          Finding.Code.DUPLICATE_INCLUDE,
          "include:" + entry.getKey() + " is listed " + places.size() + " times (in "
              + String.join(", ", where) + "): every copy after the first costs its lookups again"
              + " and can never match",
          Integer.parseInt(second[1]),
          second[0]);
    }
  }

  private CompletionStage<LintNode> visit(
      String domain, Trace.Via via, @Nullable String whatIf, int depth) {
    nodes++;
    CompletionStage<Optional<String>> record =
        whatIf != null
            ? CompletableFuture.completedFuture(Optional.of(whatIf.strip()))
            : fetchRecord(domain, via);
    if (whatIf == null && via == Trace.Via.CHECK) {
      record = record.thenCompose(r -> checkTypeSpf(domain).thenApply(v -> r));
    }
    return record.thenCompose(
        text ->
            text.isEmpty()
                ? CompletableFuture.completedFuture(new LintNode(domain, via, null, 0, 0, List.of()))
                : walkRecord(domain, via, text.get(), whatIf != null, depth));
  }

  private CompletionStage<LintNode> walkRecord(
      String domain, Trace.Via via, String record, boolean whatIf, int depth) {
    checkLength(domain, record, whatIf);
    ParseResult parsed = RecordParser.parse(record);
    if (parsed instanceof ParseResult.Invalid invalid) {
      add(
          Finding.Code.SYNTAX_ERROR,
          invalid.error().toString(),
          Math.min(invalid.error().position(), record.length()),
          domain);
      return CompletableFuture.completedFuture(new LintNode(domain, via, record, 0, 0, List.of()));
    }
    ParseResult.Valid valid = (ParseResult.Valid) parsed;
    List<Term> list = valid.record().terms();
    List<Integer> positions = valid.positions();
    int allIndex = -1;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Mechanism.All) {
        allIndex = i;
        break;
      }
    }
    checkRanges(domain, list, positions, allIndex);
    path.push(Names.key(domain));
    RecordState state = new RecordState();
    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = 0; i < list.size(); i++) {
      Term term = list.get(i);
      int position = positions.get(i);
      if (allIndex >= 0 && i > allIndex && term instanceof Mechanism) {
        add(
            Finding.Code.TERMS_AFTER_ALL,
            "'" + term + "' comes after '" + list.get(allIndex) + "' and is never evaluated",
            position,
            domain);
        continue;
      }
      boolean hasAll = allIndex >= 0;
      String allText = hasAll ? list.get(allIndex).toString() : "";
      chain = chain.thenCompose(v -> term(domain, term, position, depth, state, hasAll, allText));
    }
    boolean noAll = allIndex < 0;
    return chain
        .thenCompose(
            v -> {
              Modifier.Redirect redirect = state.redirect;
              if (redirect != null) {
                return count(domain, redirect, state.redirectPosition, state, List.of(), null)
                    .thenCompose(w -> descend(redirect.domain(), Trace.Via.REDIRECT, state.redirectPosition, domain, depth, state));
              }
              if (noAll) {
                add(
                    Finding.Code.NO_ALL,
                    "no 'all' and no 'redirect': hosts the record does not list get neutral",
                    null,
                    domain);
              }
              return CompletableFuture.<Void>completedFuture(null);
            })
        .thenApply(
            v -> {
              path.pop();
              int total = state.own;
              for (LintNode child : state.children) {
                total += child.lookups();
              }
              return new LintNode(domain, via, record, state.own, total, state.children);
            });
  }

  /** What one record's walk gathers as its terms are visited in order. */
  private static final class RecordState {
    int own;
    final List<LintNode> children = new ArrayList<>();
    Modifier.@Nullable Redirect redirect;
    int redirectPosition;
  }

  private CompletionStage<Void> term(
      String domain,
      Term term,
      int position,
      int depth,
      RecordState state,
      boolean hasAll,
      String allText) {
    if (term instanceof Mechanism.All all) {
      if (all.qualifier() == Qualifier.PASS) {
        add(Finding.Code.PASS_ALL, "'+all' authorizes every host on the Internet", position, domain);
      } else if (all.qualifier() == Qualifier.NEUTRAL) {
        add(
            Finding.Code.NEUTRAL_ALL,
            "'?all' says nothing about hosts the record does not list",
            position,
            domain);
      }
    } else if (term instanceof Mechanism.Include include) {
      String target = Names.literal(include.domain());
      if (target != null) {
        includes
            .computeIfAbsent(Names.key(target), k -> new ArrayList<>())
            .add(new String[] {domain, String.valueOf(position)});
      }
      return count(domain, include, position, state, List.of(), macroNote(target))
          .thenCompose(v -> descend(include.domain(), Trace.Via.INCLUDE, position, domain, depth, state));
    } else if (term instanceof Mechanism.A a) {
      String target = a.domain() == null ? domain : Names.literal(a.domain());
      if (target == null) {
        return count(domain, a, position, state, List.of(), macroNote(null));
      }
      return query(target, RecordType.A, AddressFamily.IPV4, Rule.TERM_QUERY)
          .thenCombine(
              query(target, RecordType.AAAA, AddressFamily.IPV6, Rule.TERM_QUERY),
              (v4, v6) -> List.of(v4, v6))
          .thenCompose(queries -> count(domain, a, position, state, queries, null));
    } else if (term instanceof Mechanism.Mx mx) {
      String target = mx.domain() == null ? domain : Names.literal(mx.domain());
      if (target == null) {
        return count(domain, mx, position, state, List.of(), macroNote(null));
      }
      return query(target, RecordType.MX, null, Rule.TERM_QUERY)
          .thenCompose(exchange -> mxHosts(domain, mx, position, target, exchange))
          .thenCompose(queries -> count(domain, mx, position, state, queries, null));
    } else if (term instanceof Mechanism.Ptr) {
      add(
          Finding.Code.PTR_MECHANISM,
          "'" + term + "' is slow, unreliable and discouraged (RFC 7208 §5.5); list the addresses",
          position,
          domain);
      return count(domain, term, position, state, List.of(), Rule.PTR_NAME.citation());
    } else if (term instanceof Mechanism.Exists exists) {
      String target = Names.literal(exists.domain());
      if (target == null) {
        return count(domain, exists, position, state, List.of(), macroNote(null));
      }
      return query(target, RecordType.A, null, Rule.TERM_QUERY)
          .thenCompose(q -> count(domain, exists, position, state, List.of(q), null));
    } else if (term instanceof Modifier.Redirect redirect) {
      if (hasAll) {
        add(
            Finding.Code.REDIRECT_WITH_ALL,
            "'" + term + "' is ignored because the record has '" + allText + "'",
            position,
            domain);
      } else {
        state.redirect = redirect;
        state.redirectPosition = position;
      }
    } else if (term instanceof Modifier.Explanation exp) {
      return checkExplanation(exp, position, domain);
    } else if (term instanceof Modifier.Unknown unknown) {
      if (REPORTING_MODIFIERS.contains(unknown.name().toLowerCase(Locale.ROOT))) {
        add(
            Finding.Code.REPORTING_MODIFIER,
            "'" + unknown + "' asks for SPF failure reports (RFC 6652); receivers that do not"
                + " report ignore it, which is harmless",
            position,
            domain);
      } else {
        add(
            Finding.Code.UNKNOWN_MODIFIER,
            "unknown modifier '" + unknown.name() + "' is ignored by receivers",
            position,
            domain);
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  private static @Nullable String macroNote(@Nullable String target) {
    return target != null ? null : "the target has macros: its queries depend on the sender";
  }

  private CompletionStage<List<TermQuery>> mxHosts(
      String domain, Mechanism.Mx mx, int position, String target, TermQuery exchange) {
    List<TermQuery> queries = new ArrayList<>();
    queries.add(exchange);
    if (exchange.outcome() != TermQuery.Outcome.RECORDS) {
      return CompletableFuture.completedFuture(queries);
    }
    List<String> hosts = exchange.data();
    if (hosts.size() > limits.maxMxNames()) {
      add(
          Finding.Code.TOO_MANY_MX,
          "'" + mx + "': " + target + " has " + hosts.size()
              + " MX names, more than the limit of " + limits.maxMxNames(),
          position,
          domain);
    }
    CompletionStage<List<TermQuery>> chain = CompletableFuture.completedFuture(queries);
    for (String host : hosts.subList(0, Math.min(hosts.size(), limits.maxMxNames()))) {
      chain =
          chain.thenCompose(
              list ->
                  query(host, RecordType.A, AddressFamily.IPV4, Rule.MX_HOST_ADDRESS)
                      .thenCombine(
                          query(host, RecordType.AAAA, AddressFamily.IPV6, Rule.MX_HOST_ADDRESS),
                          (v4, v6) -> {
                            list.add(v4);
                            list.add(v6);
                            return list;
                          }));
    }
    return chain;
  }

  private CompletionStage<Void> count(
      String domain,
      Term term,
      int position,
      RecordState state,
      List<TermQuery> queries,
      @Nullable String note) {
    state.own++;
    int ordinal = terms.size() + 1;
    terms.add(
        new CountedTerm(
            ordinal,
            domain,
            term.toString(),
            position,
            Rule.DNS_QUERYING_TERM,
            ordinal > limits.maxDnsTerms(),
            queries,
            note));
    List<String> voids = new ArrayList<>();
    for (TermQuery query : queries) {
      // a host with addresses of one family only is void for the other family's senders: that is
      // counted (terms, voids) and becomes VOID_LIMIT_ONE_FAMILY when it matters, not a finding
      // per host, which nearly every A-only host would get
      if (query.isVoid() && !answeredForOtherFamily(query, queries)) {
        voids.add(query + " " + (query.outcome() == TermQuery.Outcome.NO_SUCH_DOMAIN
            ? "does not exist" : "has no records")
            + (query.family() == null ? "" : " (" + query.family().label() + " senders)")
            + (query.rule() == Rule.MX_HOST_ADDRESS ? " (an MX host)" : ""));
      } else if (query.outcome() == TermQuery.Outcome.FAILED) {
        add(Finding.Code.DNS_ERROR, query + " failed: " + failure(query), position, domain);
      }
    }
    if (!voids.isEmpty()) {
      add(
          Finding.Code.VOID_LOOKUP,
          "'" + term + "': " + String.join(", ", voids),
          position,
          domain);
    }
    return CompletableFuture.completedFuture(null);
  }

  private static boolean answeredForOtherFamily(TermQuery query, List<TermQuery> queries) {
    if (query.family() == null) {
      return false;
    }
    for (TermQuery other : queries) {
      if (other.family() != null
          && other.family() != query.family()
          && other.rule() == query.rule()
          && other.name().equalsIgnoreCase(query.name())
          && other.outcome() == TermQuery.Outcome.RECORDS) {
        return true;
      }
    }
    return false;
  }

  private final Map<String, String> failures = new LinkedHashMap<>();

  private String failure(TermQuery query) {
    return failures.getOrDefault(query.toString(), "no answer");
  }

  private CompletionStage<Void> descend(
      io.github.spfkit.core.record.MacroString spec,
      Trace.Via via,
      int position,
      String domain,
      int depth,
      RecordState state) {
    String target = Names.literal(spec);
    if (target == null) {
      return CompletableFuture.completedFuture(null);
    }
    String key = Names.key(target);
    if (path.contains(key)) {
      add(
          Finding.Code.INCLUDE_LOOP,
          (via == Trace.Via.REDIRECT ? "redirect=" : "include:") + target
              + " leads back to a domain already being evaluated",
          position,
          domain);
      return CompletableFuture.completedFuture(null);
    }
    if (depth + 1 > MAX_DEPTH || nodes >= MAX_NODES) {
      return CompletableFuture.completedFuture(null);
    }
    if (!Names.looksLikeDomain(target)) {
      add(Finding.Code.INCLUDE_NO_RECORD, "'" + target + "' is not a domain name", position, domain);
      return CompletableFuture.completedFuture(null);
    }
    return visit(target, via, null, depth + 1).thenAccept(state.children::add);
  }

  private CompletionStage<Optional<String>> fetchRecord(String domain, Trace.Via via) {
    return dns.lookup(domain, RecordType.TXT)
        .thenApply(
            answer -> {
              if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                add(
                    Finding.Code.DNS_ERROR,
                    "TXT lookup of " + domain + " failed: " + failure.reason(),
                    null,
                    domain);
                return Optional.empty();
              }
              List<String> txt =
                  answer instanceof DnsAnswer.Records records ? records.data() : List.of();
              return select(domain, via, txt);
            });
  }

  private Optional<String> select(String domain, Trace.Via via, List<String> txt) {
    for (String text : txt) {
      String miss = TxtChecks.nearMiss(text);
      if (miss != null) {
        add(Finding.Code.NEAR_MISS_RECORD, miss, null, domain);
      }
    }
    int bytes = TxtChecks.answerBytes(domain, txt);
    if (bytes > TxtChecks.UDP_LIMIT) {
      add(
          Finding.Code.ANSWER_NEEDS_TCP,
          "the TXT answer at " + domain + " (" + txt.size() + " record" + (txt.size() == 1 ? "" : "s")
              + ") is about " + bytes + " bytes, more than " + TxtChecks.UDP_LIMIT
              + ": receivers without EDNS0 need TCP, and those whose TCP is blocked get temperror",
          null,
          domain);
    }
    RecordSelection selection = RecordSelection.of(txt);
    if (selection instanceof RecordSelection.One one) {
      String loose = TxtChecks.looseButValid(one.text());
      if (loose != null) {
        add(Finding.Code.NEAR_MISS_RECORD, loose, null, domain);
      }
      return Optional.of(one.text());
    }
    if (selection instanceof RecordSelection.Multiple multiple) {
      StringBuilder list = new StringBuilder();
      for (String text : multiple.texts()) {
        list.append(list.length() == 0 ? "" : " | ").append('"').append(text).append('"');
      }
      add(
          Finding.Code.MULTIPLE_RECORDS,
          domain + " publishes " + multiple.texts().size() + " SPF records: " + list,
          null,
          domain);
      return Optional.empty();
    }
    if (via == Trace.Via.CHECK) {
      add(Finding.Code.NO_RECORD, domain + " publishes no SPF record", null, domain);
    } else {
      add(
          Finding.Code.INCLUDE_NO_RECORD,
          (via == Trace.Via.REDIRECT ? "redirect=" : "include:") + domain
              + " has no SPF record: receivers get permerror",
          null,
          domain);
    }
    return Optional.empty();
  }

  private CompletionStage<Void> checkTypeSpf(String domain) {
    return dns.lookup(domain, RecordType.SPF)
        .thenAccept(
            answer -> {
              if (answer instanceof DnsAnswer.Records records
                  && records.data().stream().anyMatch(RecordParser::isSpfRecord)) {
                add(
                    Finding.Code.SPF_TYPE_RECORD,
                    domain + " also publishes a type-99 SPF record, which no receiver reads: remove it",
                    null,
                    domain);
              }
            });
  }

  private void checkLength(String domain, String record, boolean whatIf) {
    int bytes = record.getBytes(StandardCharsets.ISO_8859_1).length;
    if (bytes > 450) {
      add(
          Finding.Code.RECORD_TOO_LONG,
          "the record is " + bytes + " bytes, more than 450: answers may not fit in UDP",
          null,
          domain);
    }
    if (whatIf && bytes > 255) {
      add(
          Finding.Code.STRING_TOO_LONG,
          "the record is " + bytes + " bytes: publish it as strings of at most 255",
          null,
          domain);
    }
  }

  private void checkRanges(String domain, List<Term> list, List<Integer> positions, int allIndex) {
    int end = allIndex < 0 ? list.size() : allIndex;
    for (int j = 0; j < end; j++) {
      Range later = Range.of(list.get(j));
      if (later == null) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        Range earlier = Range.of(list.get(i));
        if (earlier == null || earlier.ipv4 != later.ipv4) {
          continue;
        }
        if (later.within(earlier)) {
          add(
              Finding.Code.REDUNDANT_RANGE,
              "'" + list.get(j) + "' is inside '" + list.get(i)
                  + "' earlier in the record: it never decides anything",
              positions.get(j),
              domain);
          break;
        }
        if (earlier.within(later) && earlier.qualifier == later.qualifier) {
          add(
              Finding.Code.OVERLAPPING_RANGES,
              "'" + list.get(j) + "' also covers '" + list.get(i) + "' earlier in the record:"
                  + " one of them is enough",
              positions.get(j),
              domain);
          break;
        }
      }
    }
  }

  /** An {@code ip4} or {@code ip6} term as a network. */
  private record Range(boolean ipv4, IpAddress network, int prefix, Qualifier qualifier) {
    static @Nullable Range of(Term term) {
      if (term instanceof Mechanism.Ip4 ip4) {
        return new Range(true, ip4.network(), ip4.prefix(), ip4.qualifier());
      }
      if (term instanceof Mechanism.Ip6 ip6) {
        return new Range(false, ip6.network(), ip6.prefix(), ip6.qualifier());
      }
      return null;
    }

    boolean within(Range other) {
      return prefix >= other.prefix && network.isIn(other.network, other.prefix);
    }
  }

  private CompletionStage<Void> checkExplanation(Modifier.Explanation exp, int position, String domain) {
    String target = Names.literal(exp.domain());
    if (target == null) {
      return CompletableFuture.completedFuture(null);
    }
    return dns.lookup(target, RecordType.TXT)
        .thenAccept(
            answer -> {
              if (answer instanceof DnsAnswer.Records records) {
                if (records.data().size() > 1) {
                  add(
                      Finding.Code.EXP_PROBLEM,
                      "exp=" + target + " has " + records.data().size()
                          + " TXT records; receivers need exactly one",
                      position,
                      domain);
                }
              } else if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                add(
                    Finding.Code.EXP_PROBLEM,
                    "exp=" + target + " could not be read: " + failure.reason(),
                    position,
                    domain);
              } else {
                add(
                    Finding.Code.EXP_PROBLEM,
                    "exp=" + target + " has no TXT record; receivers give no explanation",
                    position,
                    domain);
              }
            });
  }

  private CompletionStage<TermQuery> query(
      String name, RecordType type, @Nullable AddressFamily family, Rule rule) {
    return dns.lookup(name, type)
        .thenApply(
            answer -> {
              TermQuery query =
                  new TermQuery(
                      name,
                      type,
                      family,
                      TermQuery.Outcome.of(answer),
                      answer instanceof DnsAnswer.Records records ? records.data() : List.of(),
                      rule);
              if (answer instanceof DnsAnswer.TemporaryFailure failure) {
                synchronized (failures) {
                  failures.put(query.toString(), failure.reason());
                }
              }
              return query;
            });
  }

  private void add(Finding.Code code, String message, @Nullable Integer position, String domain) {
    findings.add(new Finding(code, code.severity(), message, position, domain));
  }

  private static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix =
        mod100 >= 11 && mod100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
