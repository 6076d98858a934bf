package io.github.spfkit.policyd;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The first decision of each transaction ({@code instance}), so later recipients of the same
 * message reuse it: HELO and MAIL FROM are checked once per transaction, and the header is
 * prepended once. Bounded: the least recently used transactions are forgotten.
 */
final class InstanceCache {
  private final int capacity;
  private final Map<String, Decision> entries;

  InstanceCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(64, 0.75f, true);
  }

  synchronized @Nullable Decision get(String instance) {
    return entries.get(instance);
  }

  synchronized void put(String instance, Decision decision) {
    if (capacity == 0) {
      return;
    }
    entries.put(instance, decision);
    if (entries.size() > capacity) {
      var eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
