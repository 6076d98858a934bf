package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.Term;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Proves flattened records equivalent to the original tree by evaluation: spf-core's {@code
 * check_host()} runs for each probe address over the original (with limits raised so that it never
 * runs out of lookups), within the limits over the original, and within the limits over the
 * flattened records laid over the same answers. A probe holds when the flattened records give the
 * original's result within the limits (what receivers see now) or without running out (a rescue):
 * records that keep the original's void-prone terms run out where the original runs out.
 */
final class Prover {
  /** The most probe addresses one proof evaluates. */
  static final int MAX_PROBES = 2_000;

  private static final int UNLIMITED = 100_000;

  /**
   * The most DNS-querying terms the original is evaluated with "without running out". The walk
   * counts every term of the tree once ({@code lookups} of its report), so one more is enough for
   * any tree it read whole, and an include loop then runs out as it would with no limit at all
   * instead of recursing through check_host until the stack ends (100,000 terms did). The cap
   * bounds that recursion for a loop in a tree of hundreds of terms: 964 levels overflowed a
   * default thread stack, 200 leave it a wide margin; a tree that needs more than 200 terms to
   * reach its answer is read as running out there.
   */
  static final int MAX_RELAXED_TERMS = 200;

  private Prover() {}

  static DnsLookup overlay(List<FlatRecord> records, DnsLookup dns) {
    Map<String, String> texts = new HashMap<>();
    for (FlatRecord record : records) {
      texts.put(Names.key(record.name()), record.text());
    }
    return (name, type) -> {
      String text = type == RecordType.TXT ? texts.get(Names.key(name)) : null;
      return text != null
          ? CompletableFuture.completedFuture(new DnsAnswer.Records(List.of(text), 300))
          : dns.lookup(name, type);
    };
  }

  /**
   * Both ends of every range, and the addresses just outside, of the given records and answers
   * (the addresses of {@code a} and {@code mx} terms with the terms' prefix lengths, and alone),
   * and per family the lowest and highest address outside every one of them: an address that
   * falls through every range to the end of the record, where the lookup limits bite.
   */
  static List<IpAddress> probes(List<String> recordTexts, List<CountedTerm> terms) {
    Set<IpAddress> probes = new LinkedHashSet<>();
    probes.add(IpAddress.of("192.0.2.1"));
    probes.add(IpAddress.of("2001:db8::1"));
    List<RangeSet> ranges = new ArrayList<>();
    for (String text : recordTexts) {
      if (!(RecordParser.parse(text) instanceof ParseResult.Valid valid)) {
        continue;
      }
      for (Term term : valid.record().terms()) {
        if (term instanceof Mechanism.Ip4 ip4) {
          ranges.add(RangeSet.of(ip4.network(), ip4.prefix()));
        } else if (term instanceof Mechanism.Ip6 ip6) {
          ranges.add(RangeSet.of(ip6.network(), ip6.prefix()));
        }
      }
    }
    for (CountedTerm term : terms) {
      int[] prefixes = prefixes(term.term());
      for (TermQuery query : term.queries()) {
        if (query.type() == RecordType.A || query.type() == RecordType.AAAA) {
          for (String data : query.data()) {
            IpAddress.parse(data).ifPresent(ip -> {
              ranges.add(RangeSet.of(ip, ip.bits()));
              ranges.add(RangeSet.of(ip, ip.ipv4() ? prefixes[0] : prefixes[1]));
            });
          }
        }
      }
    }
    RangeSet named = RangeSet.EMPTY;
    for (RangeSet range : ranges) {
      named = named.union(range);
    }
    RangeSet outside = RangeSet.everything().minus(named);
    for (boolean ipv4 : new boolean[] {true, false}) {
      List<RangeSet.Interval> intervals = outside.intervals(ipv4);
      if (!intervals.isEmpty()) {
        probes.add(RangeSet.address(intervals.get(0).low(), ipv4 ? 32 : 128));
        probes.add(RangeSet.address(intervals.get(intervals.size() - 1).high(), ipv4 ? 32 : 128));
      }
    }
    for (RangeSet range : ranges) {
      around(range, probes);
    }
    return new ArrayList<>(probes).subList(0, Math.min(probes.size(), MAX_PROBES));
  }

  /** The IPv4 and IPv6 prefix lengths of an {@code a} or {@code mx} term, else the full lengths. */
  private static int[] prefixes(String term) {
    if (RecordParser.parse("v=spf1 " + term) instanceof ParseResult.Valid valid
        && valid.record().terms().size() == 1) {
      Term parsed = valid.record().terms().get(0);
      if (parsed instanceof Mechanism.A a) {
        return new int[] {a.ip4Prefix(), a.ip6Prefix()};
      }
      if (parsed instanceof Mechanism.Mx mx) {
        return new int[] {mx.ip4Prefix(), mx.ip6Prefix()};
      }
    }
    return new int[] {32, 128};
  }

  private static void around(RangeSet set, Set<IpAddress> probes) {
    for (boolean ipv4 : new boolean[] {true, false}) {
      int bits = ipv4 ? 32 : 128;
      for (RangeSet.Interval interval : set.intervals(ipv4)) {
        probes.add(RangeSet.address(interval.low(), bits));
        probes.add(RangeSet.address(interval.high(), bits));
        if (interval.low().signum() > 0) {
          probes.add(RangeSet.address(interval.low().subtract(BigInteger.ONE), bits));
        }
        if (interval.high().compareTo(RangeSet.max(bits)) < 0) {
          probes.add(RangeSet.address(interval.high().add(BigInteger.ONE), bits));
        }
      }
    }
  }

  /**
   * Evaluates every probe over the original, with {@code originalLookups + 1} DNS-querying terms
   * (at most {@link #MAX_RELAXED_TERMS}, at least the limit) and no void lookup limit, and over the
   * flattened records within the limits.
   */
  static CompletionStage<EquivalenceProof> prove(
      String domain,
      DnsLookup original,
      int originalLookups,
      List<FlatRecord> records,
      Limits limits,
      List<IpAddress> probes) {
    int terms = Math.min(MAX_RELAXED_TERMS, Math.max(originalLookups, 0) + 1);
    Limits relaxed =
        limits.withMaxDnsTerms(Math.max(terms, limits.maxDnsTerms()))
            .withMaxVoidLookups(Math.max(UNLIMITED, limits.maxVoidLookups()));
    SpfChecker unlimited = SpfChecker.builder().dns(original).limits(relaxed).build();
    SpfChecker within = SpfChecker.builder().dns(original).limits(limits).build();
    SpfChecker flat = SpfChecker.builder().dns(overlay(records, original)).limits(limits).build();
    String sender = "postmaster@" + domain;
    List<CompletableFuture<Result[]>> checks = new ArrayList<>();
    for (IpAddress ip : probes) {
      CompletableFuture<SpfResult> a = unlimited.checkHostAsync(ip, domain, sender).toCompletableFuture();
      CompletableFuture<SpfResult> b = within.checkHostAsync(ip, domain, sender).toCompletableFuture();
      CompletableFuture<SpfResult> c = flat.checkHostAsync(ip, domain, sender).toCompletableFuture();
      checks.add(
          CompletableFuture.allOf(a, b, c)
              .thenApply(v -> new Result[] {a.join().result(), b.join().result(), c.join().result()}));
    }
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              int rescued = 0;
              int count = 0;
              List<EquivalenceProof.Mismatch> mismatches = new ArrayList<>();
              for (int i = 0; i < probes.size(); i++) {
                Result[] r = checks.get(i).join();
                // the flattened records may give what the original gives within the limits (as
                // receivers see it now), or what it gives without running out (a rescue)
                if (r[2] != r[0] && r[2] != r[1]) {
                  count++;
                  if (mismatches.size() < EquivalenceProof.MAX_MISMATCHES) {
                    mismatches.add(new EquivalenceProof.Mismatch(probes.get(i).toString(), r[0], r[2]));
                  }
                } else if (r[2] != r[1]) {
                  rescued++;
                }
              }
              return new EquivalenceProof(probes.size(), rescued, mismatches, count);
            });
  }

  static Optional<String> first(List<EquivalenceProof.Mismatch> mismatches) {
    return mismatches.stream().findFirst().map(EquivalenceProof.Mismatch::toString);
  }
}
