package io.github.spfkit.policyd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstanceCacheTest {

  private static Decision decision(String note) {
    return new Decision(new PolicyAction.Dunno("none"), "mailfrom", null, note, Duration.ZERO);
  }

  @Test
  void holdsNoMoreTransactionsThanItsCapacity() {
    InstanceCache cache = new InstanceCache(3);

    for (int i = 0; i < 1_000; i++) {
      cache.put("instance-" + i, decision("d" + i));
    }

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("instance-999")).isEqualTo(decision("d999"));
    assertThat(cache.get("instance-996")).isNull();
  }

  @Test
  void forgetsTheLeastRecentlyUsedTransactionFirst() {
    InstanceCache cache = new InstanceCache(2);
    cache.put("a", decision("first"));
    cache.put("b", decision("second"));

    cache.get("a");
    cache.put("c", decision("third"));

    assertThat(cache.get("a")).isEqualTo(decision("first"));
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("c")).isEqualTo(decision("third"));
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void keepsNothingWithACapacityOfZero() {
    InstanceCache cache = new InstanceCache(0);

    cache.put("a", decision("first"));

    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }
}
