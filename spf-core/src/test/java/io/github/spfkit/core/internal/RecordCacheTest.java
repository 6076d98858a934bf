package io.github.spfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import org.junit.jupiter.api.Test;

final class RecordCacheTest {

  private static String record(int i) {
    return "v=spf1 ip4:192.0.2." + (i % 256) + " include:n" + i + ".example.com -all";
  }

  @Test
  void givesTheSameParseForTheSameTextWithoutParsingAgain() {
    RecordCache cache = new RecordCache(4);

    ParseResult first = cache.parse(record(1));
    ParseResult second = cache.parse(record(1));

    assertThat(second).isSameAs(first).isEqualTo(RecordParser.parse(record(1)));
    assertThat(cache.size()).isOne();
  }

  @Test
  void holdsUpToItsCapacityAndNeverMore() {
    RecordCache cache = new RecordCache(3);

    cache.parse(record(1));
    cache.parse(record(2));
    cache.parse(record(3));
    assertThat(cache.size()).isEqualTo(3);

    for (int i = 4; i < 100; i++) {
      assertThat(cache.parse(record(i))).isEqualTo(RecordParser.parse(record(i)));
      assertThat(cache.size()).isEqualTo(3);
    }
  }

  @Test
  void keepsTheNewestRecordWhenFull() {
    RecordCache cache = new RecordCache(2);
    cache.parse(record(1));
    cache.parse(record(2));

    ParseResult newest = cache.parse(record(3));

    assertThat(cache.parse(record(3))).isSameAs(newest);
  }

  @Test
  void parsesEveryTimeAndHoldsNothingWhenItsCapacityIsZero() {
    RecordCache cache = new RecordCache(0);

    ParseResult first = cache.parse(record(1));
    ParseResult second = cache.parse(record(1));

    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(cache.size()).isZero();
  }

  @Test
  void keepsInvalidRecordsToo() {
    RecordCache cache = new RecordCache(2);

    ParseResult invalid = cache.parse("v=spf1 ip4:300.0.0.1");

    assertThat(invalid).isInstanceOf(ParseResult.Invalid.class);
    assertThat(cache.parse("v=spf1 ip4:300.0.0.1")).isSameAs(invalid);
  }

  @Test
  void refusesANegativeCapacity() {
    assertThatThrownBy(() -> new RecordCache(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
