package io.github.spfkit.core.internal;

import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed and prepared records by their text, so repeated checks neither parse nor prepare again.
 * Bounded: when full, an arbitrary entry makes room for the new one (records are small and
 * re-parsing is cheap, so a precise LRU order is not worth its cost on every hit). Safe for
 * concurrent use.
 */
public final class RecordCache {
  private final int capacity;
  private final ConcurrentHashMap<String, PreparedRecord> prepared;

  /**
   * A cache of at most {@code capacity} records; 0 turns caching off.
   *
   * @param capacity the bound
   */
  public RecordCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.prepared = new ConcurrentHashMap<>(Math.min(capacity, 1024));
  }

  /** The parsed form of {@code text}, from the cache or freshly parsed. */
  public ParseResult parse(String text) {
    return prepare(text).parsed;
  }

  /** The prepared form of {@code text}, from the cache or freshly parsed and prepared. */
  PreparedRecord prepare(String text) {
    if (capacity == 0) {
      return new PreparedRecord(text, RecordParser.parse(text));
    }
    PreparedRecord cached = prepared.get(text);
    if (cached != null) {
      return cached;
    }
    PreparedRecord result = new PreparedRecord(text, RecordParser.parse(text));
    if (prepared.size() >= capacity) {
      Iterator<String> keys = prepared.keySet().iterator();
      if (keys.hasNext()) {
        prepared.remove(keys.next());
      }
    }
    prepared.put(text, result);
    return result;
  }

  /** How many records are held now. */
  public int size() {
    return prepared.size();
  }
}
