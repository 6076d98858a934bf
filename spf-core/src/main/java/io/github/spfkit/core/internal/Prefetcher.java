package io.github.spfkit.core.internal;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.RecordSelection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Starts, as soon as a record is parsed, the lookups its DNS terms without macros will need, and
 * follows prefetched records down the tree. Within the evaluation's DNS-term budget, so the
 * queries stay within the RFC's limits; the evaluation takes each answer once, in its own order,
 * so results are those of sequential evaluation. Safe for the concurrent callbacks of answers.
 */
final class Prefetcher {
  private final DnsBudget budget;
  private final RecordCache cache;
  private final IpAddress ip;
  private final ConcurrentHashMap<String, CompletableFuture<DnsAnswer>> pending =
      new ConcurrentHashMap<>();
  private final AtomicInteger terms;
  private final AtomicInteger addresses;

  Prefetcher(DnsBudget budget, RecordCache cache, IpAddress ip) {
    this.budget = budget;
    this.cache = cache;
    this.ip = ip;
    this.terms = new AtomicInteger(budget.limits().maxDnsTerms());
    this.addresses = new AtomicInteger(budget.limits().maxMxNames());
  }

  /** Starts the lookups of {@code record}'s macro-free DNS terms, {@code domain} being current. */
  void record(PreparedRecord record, String domain) {
    for (PreparedRecord.PreparedTerm term : record.mechanisms) {
      if (term.term instanceof Mechanism.DnsMechanism mechanism && !prefetch(term, mechanism, domain)) {
        return;
      }
    }
    PreparedRecord.PreparedTerm redirect = record.redirect;
    if (redirect != null) {
      prefetch(redirect, null, domain);
    }
  }

  /** Starts one term's first lookup; false once the budget is spent. */
  private boolean prefetch(
      PreparedRecord.PreparedTerm term, Mechanism.@Nullable DnsMechanism mechanism, String domain) {
    if (!term.targetKnown()) {
      return true;
    }
    if (terms.getAndDecrement() <= 0) {
      return false;
    }
    String target = term.knownTarget(domain);
    if (target == null) {
      return true;
    }
    RecordType type = mechanism == null ? RecordType.TXT : MechanismMatcher.firstQuery(mechanism, ip);
    String name = type == RecordType.PTR ? ip.reverseName() : target;
    CompletableFuture<DnsAnswer> answer = start(name, type);
    // prefetch callbacks only start more lookups; they cannot fail (lookups never do)
    if (type == RecordType.TXT) {
      CompletableFuture<Void> unused = answer.thenAccept(result -> followRecord(result, name));
    } else if (type == RecordType.MX) {
      CompletableFuture<Void> unused = answer.thenAccept(this::followExchanges);
    }
    return true;
  }

  private void followRecord(DnsAnswer answer, String domain) {
    if (answer instanceof DnsAnswer.Records records
        && RecordSelection.of(records.data()) instanceof RecordSelection.One one) {
      PreparedRecord record = cache.prepare(one.text());
      if (record.error == null) {
        record(record, domain);
      }
    }
  }

  private void followExchanges(DnsAnswer answer) {
    if (!(answer instanceof DnsAnswer.Records records)
        || records.data().size() > budget.limits().maxMxNames()) {
      return;
    }
    RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
    List<String> names = records.data();
    for (String name : names) {
      if (!name.isEmpty() && addresses.getAndDecrement() > 0) {
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
    CompletableFuture<DnsAnswer> answer = budget.send(name, type);
    CompletableFuture<DnsAnswer> raced = pending.putIfAbsent(key, answer);
    return raced == null ? answer : raced;
  }

  /** The prefetched answer to this question, once; {@code null} if it was not prefetched. */
  @Nullable CompletableFuture<DnsAnswer> take(String name, RecordType type) {
    return pending.remove(key(name, type));
  }

  private static String key(String name, RecordType type) {
    return Names.stripDot(name).toLowerCase(Locale.ROOT) + '/' + type;
  }
}
