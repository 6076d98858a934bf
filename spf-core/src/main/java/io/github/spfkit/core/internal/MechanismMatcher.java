package io.github.spfkit.core.internal;

import io.github.spfkit.core.Problem;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Whether a mechanism matches the client (RFC 7208 §5): {@code all}, {@code ip4} and {@code ip6}
 * without DNS, {@code a}, {@code mx}, {@code ptr} and {@code exists} through the evaluation's
 * {@link DnsBudget}. {@code include} is the evaluation's own business: it evaluates a policy.
 */
final class MechanismMatcher {

  private static final DnsAnswer NO_ADDRESS = new DnsAnswer.NoRecords(0);

  private final DnsBudget budget;
  private final IpAddress ip;
  private final RecordType addressType;
  private final ValidatedNames names;
  private final boolean exchangesAtOnce;

  /**
   * @param exchangesAtOnce whether to ask for the addresses of all mail exchangers at once (with
   *     prefetch) rather than one after another; they are read in order either way
   */
  MechanismMatcher(DnsBudget budget, IpAddress ip, ValidatedNames names, boolean exchangesAtOnce) {
    this.budget = budget;
    this.ip = ip;
    this.addressType = ip.ipv4() ? RecordType.A : RecordType.AAAA;
    this.names = names;
    this.exchangesAtOnce = exchangesAtOnce;
  }

  /** {@code all}, {@code ip4}, {@code ip6}: whether they match, without DNS. */
  static boolean matchesWithoutDns(Mechanism mechanism, IpAddress ip) {
    if (mechanism instanceof Mechanism.Ip4 ip4) {
      return ip.isIn(ip4.network(), ip4.prefix());
    }
    if (mechanism instanceof Mechanism.Ip6 ip6) {
      return ip.isIn(ip6.network(), ip6.prefix());
    }
    return mechanism instanceof Mechanism.All;
  }

  /** The type of a DNS mechanism's first query for this client. */
  static RecordType firstQuery(Mechanism.DnsMechanism mechanism, IpAddress ip) {
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

  /**
   * Matches {@code a}, {@code mx}, {@code ptr} or {@code exists} against {@code target}, the
   * expanded domain-spec, in {@code domain}'s record.
   */
  void match(
      Mechanism.DnsMechanism mechanism,
      String target,
      String domain,
      TermTrace trace,
      Consumer<TermVerdict> then) {
    if (mechanism instanceof Mechanism.A a) {
      matchA(target, a.ip4Prefix(), a.ip6Prefix(), domain, trace, then);
    } else if (mechanism instanceof Mechanism.Mx mx) {
      matchMx(target, mx.ip4Prefix(), mx.ip6Prefix(), domain, trace, then);
    } else if (mechanism instanceof Mechanism.Ptr) {
      names.matchPtr(target, domain, trace, then);
    } else if (mechanism instanceof Mechanism.Exists) {
      matchExists(target, domain, trace, then);
    } else {
      throw new IllegalArgumentException("include evaluates a policy: " + mechanism);
    }
  }

  /** §5.3. */
  private void matchA(
      String target,
      int ip4Prefix,
      int ip6Prefix,
      String domain,
      TermTrace trace,
      Consumer<TermVerdict> then) {
    budget.lookup(
        target,
        addressType,
        answer -> {
          trace.lookup(target, addressType, answer);
          if (answer instanceof DnsAnswer.Records records) {
            then.accept(
                anyMatches(ip, records, ip4Prefix, ip6Prefix)
                    ? TermVerdict.MATCH
                    : TermVerdict.NO_MATCH);
          } else {
            then.accept(unanswered(answer, target, domain));
          }
        });
  }

  /** §5.7: any A record matches, whatever its address. */
  private void matchExists(
      String target, String domain, TermTrace trace, Consumer<TermVerdict> then) {
    budget.lookup(
        target,
        RecordType.A,
        answer -> {
          trace.lookup(target, RecordType.A, answer);
          then.accept(
              answer instanceof DnsAnswer.Records
                  ? TermVerdict.MATCH
                  : unanswered(answer, target, domain));
        });
  }

  /** §5.4. */
  private void matchMx(
      String target,
      int ip4Prefix,
      int ip6Prefix,
      String domain,
      TermTrace trace,
      Consumer<TermVerdict> then) {
    budget.lookup(
        target,
        RecordType.MX,
        answer -> {
          trace.lookup(target, RecordType.MX, answer);
          if (!(answer instanceof DnsAnswer.Records records)) {
            then.accept(unanswered(answer, target, domain));
            return;
          }
          List<String> exchanges = records.data();
          int limit = budget.limits().maxMxNames();
          if (exchanges.size() > limit) {
            then.accept(
                TermVerdict.permerror(
                    new Problem(
                        Problem.Kind.TOO_MANY_MX_NAMES,
                        target
                            + " has "
                            + exchanges.size()
                            + " MX names; more than "
                            + limit
                            + " is a permanent error",
                        domain,
                        null)));
            return;
          }
          List<CompletableFuture<DnsAnswer>> started = List.of();
          if (exchangesAtOnce) {
            started = new ArrayList<>(exchanges.size());
            for (String name : exchanges) {
              started.add(
                  name.isEmpty()
                      ? CompletableFuture.completedFuture(NO_ADDRESS)
                      : budget.start(name, addressType));
            }
          }
          exchange(exchanges, started, 0, ip4Prefix, ip6Prefix, domain, trace, then);
        });
  }

  private void exchange(
      List<String> exchanges,
      List<CompletableFuture<DnsAnswer>> started,
      int index,
      int ip4Prefix,
      int ip6Prefix,
      String domain,
      TermTrace trace,
      Consumer<TermVerdict> then) {
    int i = index;
    while (i < exchanges.size() && exchanges.get(i).isEmpty()) {
      i++; // a null MX (RFC 7505) has no addresses
    }
    if (i >= exchanges.size()) {
      then.accept(TermVerdict.NO_MATCH);
      return;
    }
    String name = exchanges.get(i);
    int next = i + 1;
    CompletableFuture<DnsAnswer> answer =
        started.isEmpty() ? budget.start(name, addressType) : started.get(i);
    budget.await(
        answer,
        result -> {
          trace.lookup(name, addressType, result);
          if (result instanceof DnsAnswer.TemporaryFailure failure) {
            then.accept(TermVerdict.temperror(budget.temporary(failure, name)));
            return;
          }
          if (result instanceof DnsAnswer.Records records
              && anyMatches(ip, records, ip4Prefix, ip6Prefix)) {
            then.accept(new TermVerdict.Match("address of mail exchanger " + name));
            return;
          }
          if (!budget.countVoidBehindTerm(result)) {
            then.accept(TermVerdict.permerror(budget.tooManyVoidLookups(domain, name)));
            return;
          }
          exchange(exchanges, started, next, ip4Prefix, ip6Prefix, domain, trace, then);
        });
  }

  /** A term's own query without records: a DNS error, or a void lookup (§4.6.4). */
  private TermVerdict unanswered(DnsAnswer answer, String name, String domain) {
    if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      return TermVerdict.temperror(budget.temporary(failure, name));
    }
    return budget.countVoid()
        ? TermVerdict.NO_MATCH
        : TermVerdict.permerror(budget.tooManyVoidLookups(domain, name));
  }

  /** Whether any address in {@code records} is the client's network at the prefix for its family. */
  static boolean anyMatches(IpAddress ip, DnsAnswer.Records records, int ip4Prefix, int ip6Prefix) {
    int prefix = ip.ipv4() ? ip4Prefix : ip6Prefix;
    for (String literal : records.data()) {
      if (ip.isIn(literal, prefix)) {
        return true;
      }
    }
    return false;
  }
}
