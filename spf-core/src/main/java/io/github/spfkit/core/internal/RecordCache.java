package io.github.spfkit.core.internal;

import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed records by their text, so repeated checks do not parse again. Bounded: when full, an
 * arbitrary entry makes room for the new one (records are small and re-parsing is cheap, so a
 * precise LRU order is not worth its cost on every hit). Safe for concurrent use.
 */
public final class RecordCache {
  private final int capacity;
  private final ConcurrentHashMap<String, ParseResult> parsed;

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
    this.parsed = new ConcurrentHashMap<>(Math.min(capacity, 1024));
  }

  /** The parsed form of {@code text}, from the cache or freshly parsed. */
  public ParseResult parse(String text) {
    if (capacity == 0) {
      return RecordParser.parse(text);
    }
    ParseResult cached = parsed.get(text);
    if (cached != null) {
      return cached;
    }
    ParseResult result = RecordParser.parse(text);
    if (parsed.size() >= capacity) {
      Iterator<String> keys = parsed.keySet().iterator();
      if (keys.hasNext()) {
        parsed.remove(keys.next());
      }
    }
    parsed.put(text, result);
    return result;
  }

  /** How many records are held now. */
  public int size() {
    return parsed.size();
  }
}
