package io.github.spfkit.dns;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A cache in front of any {@link DnsLookup}, keeping each answer for its TTL.
 *
 * <pre>{@code
 * DnsLookup dns = CachingLookup.builder(DnsJavaLookup.builder().server("192.0.2.53").build())
 *     .maximumSize(50_000)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>Records are kept for their TTL, at most {@link Builder#maximumTtl}; a cached answer is
 *       returned with the TTL it has left.
 *   <li>NXDOMAIN and NODATA are cached too, for their TTL (RFC 2308 §5), at most {@link
 *       Builder#maximumNegativeTtl}.
 *   <li>Temporary failures, and answers with TTL 0, are never cached.
 *   <li>At most {@link Builder#maximumSize} answers are held; beyond that the least recently used
 *       is evicted.
 *   <li>Identical questions (same name ignoring ASCII case and a trailing dot, same type) asked
 *       while one is in flight share its answer: the underlying lookup is asked once.
 * </ul>
 *
 * <p>Safe for concurrent use by any number of evaluations. {@link #lookup} never throws and never
 * completes exceptionally: an underlying lookup that throws or fails exceptionally gives a {@link
 * DnsAnswer.TemporaryFailure}. The underlying lookup must complete every stage (as every lookup of
 * this module does), or questions identical to a stuck one wait with it.
 */
public final class CachingLookup implements DnsLookup {

  private record Key(String name, RecordType type) {}

  private record Entry(DnsAnswer answer, long expiresAt) {}

  private final DnsLookup delegate;
  private final Ticker ticker;
  private final long maximumSize;
  private final long maximumTtlNanos;
  private final long maximumNegativeTtlNanos;
  private final Object lock = new Object();
  private final LinkedHashMap<Key, Entry> entries;
  private final ConcurrentHashMap<Key, CompletableFuture<DnsAnswer>> inFlight =
      new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  private CachingLookup(Builder builder) {
    this.delegate = builder.delegate;
    this.ticker = builder.ticker;
    this.maximumSize = builder.maximumSize;
    this.maximumTtlNanos = builder.maximumTtl.toNanos();
    this.maximumNegativeTtlNanos = builder.maximumNegativeTtl.toNanos();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            if (size() > maximumSize) {
              evictions.increment();
              return true;
            }
            return false;
          }
        };
  }

  /**
   * A cache with the default settings in front of {@code delegate}.
   *
   * @param delegate the lookup asked on a miss; must be safe for concurrent use; not null
   * @return a new, empty cache; safe for concurrent use
   */
  public static CachingLookup of(DnsLookup delegate) {
    return builder(delegate).build();
  }

  /**
   * Starts a cache in front of {@code delegate}.
   *
   * @param delegate the lookup asked on a miss; must be safe for concurrent use; not null
   * @return a new builder with the defaults of {@link Builder}
   */
  public static Builder builder(DnsLookup delegate) {
    return new Builder(Objects.requireNonNull(delegate, "delegate"));
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Key key = new Key(DnsNames.asciiLower(name), type);
    DnsAnswer cached = cached(key);
    if (cached != null) {
      hits.increment();
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
    CompletableFuture<DnsAnswer> pending = inFlight.putIfAbsent(key, mine);
    if (pending != null) {
      coalesced.increment();
      return pending.copy();
    }
    // the same question may have been answered and stored between the first look and the
    // putIfAbsent: an answer is stored before its question leaves inFlight, so look again
    DnsAnswer stored = cached(key);
    if (stored != null) {
      inFlight.remove(key, mine);
      mine.complete(stored);
      hits.increment();
      return mine.copy();
    }
    misses.increment();
    CompletionStage<DnsAnswer> stage;
    try {
      stage = Objects.requireNonNull(delegate.lookup(name, type), "lookup returned null");
    } catch (RuntimeException e) {
      stage = CompletableFuture.completedFuture(failure(name, type, e));
    }
    stage.whenComplete(
        (answer, error) -> {
          DnsAnswer result = error == null && answer != null ? answer : failure(name, type, error);
          try {
            store(key, result);
          } finally {
            inFlight.remove(key, mine);
            mine.complete(result);
          }
        });
    return mine.copy();
  }

  private static DnsAnswer failure(String name, RecordType type, @Nullable Throwable error) {
    String cause = error == null ? "" : ": " + FailoverResolver.unwrap(error).getClass().getSimpleName();
    return new DnsAnswer.TemporaryFailure("lookup of " + name + "/" + type + " failed" + cause);
  }

  private @Nullable DnsAnswer cached(Key key) {
    synchronized (lock) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return null;
      }
      long left = entry.expiresAt() - ticker.read();
      if (left <= 0) {
        entries.remove(key);
        return null;
      }
      return withTtl(entry.answer(), TimeUnit.NANOSECONDS.toSeconds(left));
    }
  }

  private void store(Key key, DnsAnswer answer) {
    if (answer instanceof DnsAnswer.TemporaryFailure) {
      return;
    }
    long cap = answer instanceof DnsAnswer.Records ? maximumTtlNanos : maximumNegativeTtlNanos;
    long ttl = Math.min(cap, TimeUnit.SECONDS.toNanos(Math.max(0, answer.ttlSeconds())));
    if (ttl <= 0) {
      return;
    }
    synchronized (lock) {
      entries.put(key, new Entry(answer, ticker.read() + ttl));
    }
  }

  private static DnsAnswer withTtl(DnsAnswer answer, long ttl) {
    if (answer instanceof DnsAnswer.Records records) {
      return new DnsAnswer.Records(records.data(), ttl);
    }
    if (answer instanceof DnsAnswer.NoRecords) {
      return new DnsAnswer.NoRecords(ttl);
    }
    if (answer instanceof DnsAnswer.NoSuchDomain) {
      return new DnsAnswer.NoSuchDomain(ttl);
    }
    return answer;
  }

  /**
   * What the cache has done so far.
   *
   * @return a snapshot of the counters since this cache was built
   */
  public CacheStats stats() {
    return new CacheStats(hits.sum(), misses.sum(), coalesced.sum(), evictions.sum(), size());
  }

  /**
   * The number of answers held, expired ones not yet dropped included.
   *
   * @return the entries held now, 0 to the maximum size
   */
  public long size() {
    synchronized (lock) {
      return entries.size();
    }
  }

  /** Drops every cached answer (statistics are kept; questions in flight complete as usual). */
  public void invalidateAll() {
    synchronized (lock) {
      entries.clear();
    }
  }

  @Override
  public String toString() {
    return "CachingLookup[" + stats() + " in front of " + delegate + "]";
  }

  /**
   * Settings for a {@link CachingLookup}. Setters check their arguments at once and throw {@link
   * IllegalArgumentException} for bad ones. Not thread safe.
   */
  public static final class Builder {
    /** The default bound on cached answers: 10,000. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    /** The default cap on the TTL of records: one day. */
    public static final Duration DEFAULT_MAXIMUM_TTL = Duration.ofDays(1);

    /** The default cap on the TTL of NXDOMAIN and NODATA: three hours (RFC 2308 §5). */
    public static final Duration DEFAULT_MAXIMUM_NEGATIVE_TTL = Duration.ofHours(3);

    private final DnsLookup delegate;
    private Ticker ticker = Ticker.system();
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Duration maximumTtl = DEFAULT_MAXIMUM_TTL;
    private Duration maximumNegativeTtl = DEFAULT_MAXIMUM_NEGATIVE_TTL;

    private Builder(DnsLookup delegate) {
      this.delegate = delegate;
    }

    /**
     * The most answers held; default {@link #DEFAULT_MAXIMUM_SIZE}.
     *
     * @param size the number of answers kept before the least recently used is dropped; 1 or more
     * @return this builder
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder maximumSize(long size) {
      if (size < 1) {
        throw new IllegalArgumentException("maximumSize must be at least 1: " + size);
      }
      this.maximumSize = size;
      return this;
    }

    /**
     * The longest records are kept, whatever their TTL; default {@link #DEFAULT_MAXIMUM_TTL}.
     *
     * @param ttl the cap on a record answer's time in the cache, in whole seconds as DNS gives
     *     them; zero keeps no records; not null
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maximumTtl(Duration ttl) {
      this.maximumTtl = nonNegative(ttl, "maximumTtl");
      return this;
    }

    /**
     * The longest NXDOMAIN and NODATA answers are kept; default {@link
     * #DEFAULT_MAXIMUM_NEGATIVE_TTL}; zero turns negative caching off.
     *
     * @param ttl the cap on an NXDOMAIN or NODATA answer's time in the cache; not null
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maximumNegativeTtl(Duration ttl) {
      this.maximumNegativeTtl = nonNegative(ttl, "maximumNegativeTtl");
      return this;
    }

    /**
     * The clock TTLs are measured with; default {@link Ticker#system()}.
     *
     * @param ticker a monotonic nanosecond clock, safe for concurrent use; not null
     * @return this builder
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Builds an empty cache.
     *
     * @return a new cache with this builder's settings; safe for concurrent use
     */
    public CachingLookup build() {
      return new CachingLookup(this);
    }

    private static Duration nonNegative(Duration ttl, String what) {
      Objects.requireNonNull(ttl, what);
      if (ttl.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + ttl);
      }
      return ttl;
    }
  }
}
