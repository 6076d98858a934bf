package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.Qualifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.RecordSelection;
import io.github.spfkit.core.record.SpfRecord;
import io.github.spfkit.core.record.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a flattened record says, worked out from answers already in: a pure function of the
 * snapshot. An included record becomes the set of addresses it gives {@code pass} for, worked out
 * in evaluation order (an earlier {@code -ip4:} takes its addresses out of a later range); a term
 * that depends on the sender ({@code ptr}, {@code exists}, anything with a macro), or whose target
 * cannot be read, or an include of such a record, is kept as it is, in its place. Between two kept
 * terms, ranges are disjoint (an address decided earlier is taken out of later ranges), so they
 * merge per qualifier.
 */
final class FlattenPlan {

  /** The answers the plan reads: already in, or {@code null}. */
  interface Snapshot {
    @Nullable DnsAnswer answer(String name, RecordType type);
  }

  /** One step of the flattened record: ranges with their qualifier, or a kept term. */
  sealed interface Step {}

  /** Disjoint ranges, merged per qualifier, in first-appearance order. */
  record Ranges(Map<Qualifier, RangeSet> sets) implements Step {}

  /** A term kept as it was written. */
  record Kept(Term term, String why) implements Step {}

  /** An address-only record: ranges in evaluation order and what {@code all} says. */
  private record Decisions(List<Qualified> items, @Nullable Qualifier fallback) {}

  private record Qualified(Qualifier qualifier, RangeSet set) {}

  /** The result: steps, then {@code all}, a kept redirect, the other modifiers. */
  record Plan(
      List<Step> steps,
      @Nullable Qualifier fallback,
      Modifier.@Nullable Redirect redirect,
      List<Modifier> modifiers,
      List<String> upstream,
      RangeSet covered) {}

  private final Snapshot snapshot;
  private final Limits limits;
  private final boolean expandHosts;
  private final List<String> upstream = new ArrayList<>();
  private String why = "";

  FlattenPlan(Snapshot snapshot, Limits limits, boolean expandHosts) {
    this.snapshot = snapshot;
    this.limits = limits;
    this.expandHosts = expandHosts;
  }

  /** The plan for {@code domain}'s record, or {@code null} if it has no usable record. */
  @Nullable Plan plan(String domain) {
    SpfRecord record = record(domain);
    if (record == null) {
      return null;
    }
    List<Object> items = new ArrayList<>();
    Qualifier fallback = null;
    boolean hasAll = false;
    Set<String> path = new HashSet<>(Set.of(Names.key(domain)));
    for (Term term : record.terms()) {
      if (!(term instanceof Mechanism mechanism)) {
        continue;
      }
      if (mechanism instanceof Mechanism.All) {
        fallback = mechanism.qualifier();
        hasAll = true;
        break;
      }
      boolean expand =
          mechanism instanceof Mechanism.Ip4
              || mechanism instanceof Mechanism.Ip6
              || mechanism instanceof Mechanism.Include
              || (expandHosts && (mechanism instanceof Mechanism.A || mechanism instanceof Mechanism.Mx));
      RangeSet set = null;
      if (expand) {
        int mark = upstream.size();
        set = set(mechanism, domain, 1, path);
        if (set == null) {
          upstream.subList(mark, upstream.size()).clear();
        }
      } else {
        why = reasonToKeep(mechanism);
      }
      items.add(set == null ? new Kept(mechanism, why) : new Qualified(mechanism.qualifier(), set));
    }
    Modifier.Redirect kept = null;
    Optional<Modifier.Redirect> redirect = record.redirect();
    if (!hasAll && redirect.isPresent()) {
      String target = Names.literal(redirect.get().domain());
      int mark = upstream.size();
      Decisions sub = target == null ? null : decisions(target, 1, path);
      if (sub == null || target == null) {
        upstream.subList(mark, upstream.size()).clear();
        kept = redirect.get();
      } else {
        upstream.add(mark, target);
        items.addAll(sub.items());
        fallback = sub.fallback();
      }
    }
    List<Modifier> modifiers = new ArrayList<>();
    for (Term term : record.terms()) {
      if (term instanceof Modifier.Explanation || term instanceof Modifier.Unknown) {
        modifiers.add((Modifier) term);
      }
    }
    List<Step> steps = new ArrayList<>();
    RangeSet decided = RangeSet.EMPTY;
    Map<Qualifier, RangeSet> run = new LinkedHashMap<>();
    for (Object item : items) {
      if (item instanceof Qualified q) {
        RangeSet fresh = q.set().minus(decided);
        decided = decided.union(q.set());
        if (!fresh.isEmpty()) {
          run.merge(q.qualifier(), fresh, RangeSet::union);
        }
      } else {
        if (!run.isEmpty()) {
          steps.add(new Ranges(new LinkedHashMap<>(run)));
          run.clear();
        }
        steps.add((Kept) item);
      }
    }
    if (kept == null) {
      // ranges after the last kept term that say what all says anyway decide nothing
      run.remove(fallback == null ? Qualifier.NEUTRAL : fallback);
    }
    if (!run.isEmpty()) {
      steps.add(new Ranges(new LinkedHashMap<>(run)));
    }
    // what the records pass explicitly: a plan of the published records covers the same
    RangeSet covered = RangeSet.EMPTY;
    for (Step step : steps) {
      RangeSet pass = step instanceof Ranges ranges ? ranges.sets().get(Qualifier.PASS) : null;
      if (pass != null) {
        covered = covered.union(pass);
      }
    }
    return new Plan(steps, fallback, kept, modifiers, distinct(upstream), covered);
  }

  private static List<String> distinct(List<String> names) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (seen.add(Names.key(name))) {
        out.add(name);
      }
    }
    return out;
  }

  private static String reasonToKeep(Mechanism mechanism) {
    if (mechanism instanceof Mechanism.DnsMechanism dns && dns.target().hasMacros()
        && !(dns.domain() == null)) {
      return "its target has macros: it depends on the sender";
    }
    if (mechanism instanceof Mechanism.Ptr) {
      return "ptr depends on the sender's address";
    }
    if (mechanism instanceof Mechanism.Exists) {
      return "exists is a switch its owner controls";
    }
    return "the domain's own hosts change without notice: kept (expandHosts, spf flatten --expand-hosts, replaces them)";
  }

  private @Nullable Decisions decisions(String domain, int depth, Set<String> path) {
    if (depth > TreeWalk.MAX_DEPTH || path.contains(Names.key(domain))) {
      why = domain + " leads back into the tree";
      return null;
    }
    SpfRecord record = record(domain);
    if (record == null) {
      why = domain + " has no usable SPF record";
      return null;
    }
    Set<String> inner = new HashSet<>(path);
    inner.add(Names.key(domain));
    List<Qualified> items = new ArrayList<>();
    Qualifier fallback = null;
    boolean hasAll = false;
    for (Mechanism mechanism : record.mechanisms()) {
      if (mechanism instanceof Mechanism.All) {
        fallback = mechanism.qualifier();
        hasAll = true;
        break;
      }
      RangeSet set = set(mechanism, domain, depth + 1, inner);
      if (set == null) {
        return null;
      }
      items.add(new Qualified(mechanism.qualifier(), set));
    }
    Optional<Modifier.Redirect> redirect = record.redirect();
    if (!hasAll && redirect.isPresent()) {
      String target = Names.literal(redirect.get().domain());
      if (target == null) {
        why = domain + " redirects to a name with macros";
        return null;
      }
      Decisions sub = decisions(target, depth + 1, inner);
      if (sub == null) {
        return null;
      }
      upstream.add(target);
      items.addAll(sub.items());
      fallback = sub.fallback();
    }
    return new Decisions(items, fallback);
  }

  private @Nullable RangeSet set(Mechanism mechanism, String domain, int depth, Set<String> path) {
    if (mechanism instanceof Mechanism.Ip4 ip4) {
      return RangeSet.of(ip4.network(), ip4.prefix());
    }
    if (mechanism instanceof Mechanism.Ip6 ip6) {
      return RangeSet.of(ip6.network(), ip6.prefix());
    }
    if (mechanism instanceof Mechanism.All) {
      return RangeSet.everything();
    }
    if (mechanism instanceof Mechanism.Include include) {
      String target = Names.literal(include.domain());
      if (target == null) {
        why = "its target has macros: it depends on the sender";
        return null;
      }
      int mark = upstream.size();
      Decisions sub = decisions(target, depth, path);
      if (sub == null) {
        why = "include:" + target + " cannot be expanded safely (" + why + ")";
        return null;
      }
      upstream.add(mark, target);
      return passSet(sub);
    }
    if (mechanism instanceof Mechanism.A a) {
      String target = a.domain() == null ? domain : Names.literal(a.domain());
      return target == null ? macros() : addresses(target, a.ip4Prefix(), a.ip6Prefix());
    }
    if (mechanism instanceof Mechanism.Mx mx) {
      String target = mx.domain() == null ? domain : Names.literal(mx.domain());
      if (target == null) {
        return macros();
      }
      DnsAnswer answer = snapshot.answer(target, RecordType.MX);
      if (answer instanceof DnsAnswer.Records records) {
        if (records.data().size() > limits.maxMxNames()) {
          why = target + " has more MX names than the limit";
          return null;
        }
        RangeSet all = RangeSet.EMPTY;
        for (String host : records.data()) {
          RangeSet one = addresses(host, mx.ip4Prefix(), mx.ip6Prefix());
          if (one == null) {
            return null;
          }
          all = all.union(one);
        }
        return all;
      }
      return isVoid(answer) ? RangeSet.EMPTY : unreadable(target);
    }
    why =
        mechanism instanceof Mechanism.Ptr
            ? domain + " uses ptr, which depends on the sender's address"
            : domain + " uses exists, a switch its owner controls";
    return null;
  }

  private @Nullable RangeSet macros() {
    why = "a target with macros depends on the sender";
    return null;
  }

  private @Nullable RangeSet unreadable(String name) {
    why = name + " could not be read";
    return null;
  }

  private static boolean isVoid(@Nullable DnsAnswer answer) {
    return answer instanceof DnsAnswer.NoRecords || answer instanceof DnsAnswer.NoSuchDomain;
  }

  private @Nullable RangeSet addresses(String host, int ip4Prefix, int ip6Prefix) {
    RangeSet out = RangeSet.EMPTY;
    for (RecordType type : new RecordType[] {RecordType.A, RecordType.AAAA}) {
      DnsAnswer answer = snapshot.answer(host, type);
      if (answer instanceof DnsAnswer.Records records) {
        for (String text : records.data()) {
          Optional<IpAddress> ip = IpAddress.parse(text);
          if (ip.isEmpty() || ip.get().ipv4() != (type == RecordType.A)) {
            return unreadable(host + "/" + type);
          }
          out = out.union(RangeSet.of(ip.get(), type == RecordType.A ? ip4Prefix : ip6Prefix));
        }
      } else if (!isVoid(answer)) {
        return unreadable(host + "/" + type);
      }
    }
    return out;
  }

  private static RangeSet passSet(Decisions decisions) {
    RangeSet decided = RangeSet.EMPTY;
    RangeSet pass = RangeSet.EMPTY;
    for (Qualified item : decisions.items()) {
      if (item.qualifier() == Qualifier.PASS) {
        pass = pass.union(item.set().minus(decided));
      }
      decided = decided.union(item.set());
    }
    if (decisions.fallback() == Qualifier.PASS) {
      pass = pass.union(RangeSet.everything().minus(decided));
    }
    return pass;
  }

  /** The record at {@code domain} as the evaluator selects it, or {@code null}. */
  @Nullable SpfRecord record(String domain) {
    DnsAnswer answer = snapshot.answer(domain, RecordType.TXT);
    if (!(answer instanceof DnsAnswer.Records records)) {
      return null;
    }
    if (!(RecordSelection.of(records.data()) instanceof RecordSelection.One one)) {
      return null;
    }
    return RecordParser.parse(one.text()) instanceof ParseResult.Valid valid ? valid.record() : null;
  }
}
