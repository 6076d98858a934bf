package io.github.spfkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.record.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every benchmark method runs once outside JMH with the result it is meant to measure, so a
 * change that breaks one shows in the normal build rather than at measurement time. No timing.
 */
final class BenchmarksRunTest {

  @ParameterizedTest
  @ValueSource(strings = {RealisticTree.IP_PASS_VIA_MX, RealisticTree.IP_NO_MATCH})
  void checkHostBenchmarkRunsBothLibrariesToTheSameResult(String ip) {
    CheckHostBenchmark benchmark = new CheckHostBenchmark();
    benchmark.ip = ip;
    benchmark.setUp();

    String expected = ip.equals(RealisticTree.IP_PASS_VIA_MX) ? "pass" : "fail";
    assertThat(benchmark.jspf()).isEqualTo(expected);
    assertThat(benchmark.thisLibrary().result()).isEqualTo(Result.valueOf(expected.toUpperCase()));
    assertThat(benchmark.thisLibraryNoCache().result())
        .isEqualTo(Result.valueOf(expected.toUpperCase()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"long", "short"})
  void parseBenchmarkParsesTheRecordWithBothParsers(String record) throws Exception {
    ParseBenchmark benchmark = new ParseBenchmark();
    benchmark.record = record;
    benchmark.setUp();

    assertThat(benchmark.thisLibrary()).isInstanceOf(ParseResult.Valid.class);
    assertThat(benchmark.jspf().getDirectives()).isNotEmpty();
  }

  @Test
  void latencyBenchmarkPassesOnDelayedDnsWithAndWithoutPrefetch() {
    LatencyBenchmark benchmark = new LatencyBenchmark();
    benchmark.delayMs = 1;
    benchmark.setUp();
    try {
      assertThat(benchmark.thisLibrarySequential().result()).isEqualTo(Result.PASS);
      assertThat(benchmark.thisLibraryPrefetch().result()).isEqualTo(Result.PASS);
      assertThat(benchmark.jspf()).isEqualTo("pass");
      assertThat(benchmark.depthFloor()).isInstanceOf(DnsAnswer.Records.class);
    } finally {
      benchmark.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void concurrencyBatchCompletesEveryCheckWithPass(boolean prefetch) {
    ConcurrencyBenchmark.Delayed state = new ConcurrencyBenchmark.Delayed();
    state.prefetch = prefetch;
    state.delayMs = 1;
    state.setUp();
    try {
      ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark();

      assertThat(benchmark.batch(state)).isEqualTo(ConcurrencyBenchmark.CHECKS);
      assertThat(benchmark.batchFloor(state)).isEqualTo(ConcurrencyBenchmark.CHECKS);
    } finally {
      state.tearDown();
    }
  }

  @Test
  void heapMeasurementHoldsEveryCheckAtTheGateAndCountsTheirHeap() {
    ConcurrencyBenchmark.Gated state = new ConcurrencyBenchmark.Gated();
    state.gate = "relay.a.example";
    state.setUp();
    ConcurrencyBenchmark.Heap heap = new ConcurrencyBenchmark.Heap();

    int passes = new ConcurrencyBenchmark().heapPerCheckInFlight(state, heap);

    assertThat(passes).isEqualTo(ConcurrencyBenchmark.CHECKS);
    assertThat(heap.checksHeld).isEqualTo(ConcurrencyBenchmark.CHECKS);
    assertThat(heap.heldBytes).isPositive();
  }
}
