package io.github.spfkit.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The candidate of issue 17: {@link CachingLookup}'s behaviour on Caffeine's {@link AsyncCache}
 * with an {@link Expiry} (W-TinyLFU eviction instead of least recently used), built beside it so
 * the two can be measured in one run.
 */
public final class CaffeineCachingLookup implements DnsLookup {

  private record Key(String name, RecordType type) {}

  private record Entry(DnsAnswer answer, long expiresAt) {}

  private final DnsLookup delegate;
  private final Ticker ticker;
  private final long maximumTtlNanos;
  private final long maximumNegativeTtlNanos;
  private final AsyncCache<Key, Entry> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  CaffeineCachingLookup(
      CachingLookup.Builder settings, DnsLookup delegate, Ticker ticker) {
    this.delegate = delegate;
    this.ticker = ticker;
    this.maximumTtlNanos = settings.maximumTtlNanos();
    this.maximumNegativeTtlNanos = settings.maximumNegativeTtlNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(settings.maximumSizeValue())
            .ticker(ticker::read)
            .expireAfter(
                new Expiry<Key, Entry>() {
                  @Override
                  public long expireAfterCreate(Key key, Entry entry, long now) {
                    return Math.max(0, entry.expiresAt() - now);
                  }

                  @Override
                  public long expireAfterUpdate(Key key, Entry entry, long now, long left) {
                    return Math.max(0, entry.expiresAt() - now);
                  }

                  @Override
                  public long expireAfterRead(Key key, Entry entry, long now, long left) {
                    return left;
                  }
                })
            .evictionListener(
                (@Nullable Key key, @Nullable Entry entry, RemovalCause cause) -> {
                  if (cause == RemovalCause.SIZE) {
                    evictions.increment();
                  }
                })
            .buildAsync();
  }

  /**
   * The candidate with the settings of {@code builder}.
   *
   * @param builder the settings of a {@link CachingLookup}; not null
   * @return a new, empty cache
   */
  public static CaffeineCachingLookup of(CachingLookup.Builder builder) {
    return builder.buildCaffeine();
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Key key = new Key(DnsNames.asciiLower(name), type);
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> prior = cache.asMap().putIfAbsent(key, mine);
    if (prior != null) {
      if (prior.isDone()) {
        hits.increment();
        return prior.thenApply(this::withTtlLeft);
      }
      coalesced.increment();
      return prior.thenApply(Entry::answer);
    }
    misses.increment();
    CompletionStage<DnsAnswer> stage;
    try {
      stage = Objects.requireNonNull(delegate.lookup(name, type), "lookup returned null");
    } catch (RuntimeException e) {
      stage = CompletableFuture.completedFuture(failure(name, type, e));
    }
    return stage.handle(
        (answer, error) -> {
          DnsAnswer result = error == null && answer != null ? answer : failure(name, type, error);
          long ttl = ttlNanos(result);
          mine.complete(new Entry(result, ticker.read() + ttl));
          if (ttl <= 0) {
            cache.asMap().remove(key, mine);
          }
          return result;
        });
  }

  private long ttlNanos(DnsAnswer answer) {
    if (answer instanceof DnsAnswer.TemporaryFailure) {
      return 0;
    }
    long cap = answer instanceof DnsAnswer.Records ? maximumTtlNanos : maximumNegativeTtlNanos;
    return Math.min(cap, TimeUnit.SECONDS.toNanos(Math.max(0, answer.ttlSeconds())));
  }

  private DnsAnswer withTtlLeft(Entry entry) {
    long left = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(entry.expiresAt() - ticker.read()));
    DnsAnswer answer = entry.answer();
    if (answer instanceof DnsAnswer.Records records) {
      return new DnsAnswer.Records(records.data(), left);
    }
    if (answer instanceof DnsAnswer.NoRecords) {
      return new DnsAnswer.NoRecords(left);
    }
    if (answer instanceof DnsAnswer.NoSuchDomain) {
      return new DnsAnswer.NoSuchDomain(left);
    }
    return answer;
  }

  private static DnsAnswer failure(String name, RecordType type, @Nullable Throwable error) {
    String cause =
        error == null ? "" : ": " + FailoverResolver.unwrap(error).getClass().getSimpleName();
    return new DnsAnswer.TemporaryFailure("lookup of " + name + "/" + type + " failed" + cause);
  }

  /**
   * What the cache has done so far.
   *
   * @return a snapshot of the counters since this cache was built
   */
  public CacheStats stats() {
    long size = size();
    return new CacheStats(hits.sum(), misses.sum(), coalesced.sum(), evictions.sum(), size);
  }

  /**
   * The number of answers held.
   *
   * @return the entries held now
   */
  public long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  /** Drops every cached answer. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

}
