package io.github.spfkit.dns;

/**
 * Counts of what a {@link CachingLookup} did with the questions it was asked, since it was built.
 * A snapshot: immutable.
 *
 * @param hits questions answered from the cache
 * @param misses questions passed to the underlying lookup
 * @param coalesced questions that joined an identical question already in flight, so were not
 *     passed on either
 * @param evictions entries dropped to keep the cache within its size bound (expired entries are
 *     not counted)
 * @param size entries held when the snapshot was taken
 */
public record CacheStats(long hits, long misses, long coalesced, long evictions, long size) {

  /**
   * Every question asked: {@code hits + misses + coalesced}.
   *
   * @return the number of questions the cache was asked, 0 or more
   */
  public long requests() {
    return hits + misses + coalesced;
  }

  /**
   * The share of questions answered without asking the underlying lookup, {@code (hits +
   * coalesced) / requests}; 0 when nothing was asked.
   *
   * @return a fraction from 0.0 to 1.0 (not a percentage)
   */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 0 : (double) (hits + coalesced) / requests;
  }
}
