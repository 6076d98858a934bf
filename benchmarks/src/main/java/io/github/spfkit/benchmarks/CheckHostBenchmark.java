package io.github.spfkit.benchmarks;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.james.jspf.impl.SPF;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * check_host() on the realistic tree with in-memory DNS, one thread: this library (with its
 * parsed-record cache, and without it) against Apache jSPF, both answering from the same {@link
 * ZoneData}. Each call is a whole check as a mail server makes it: the IP given as text, MAIL FROM
 * and HELO, the result with its explanation.
 *
 * <p>{@code ip=198.18.0.2} passes on the last term ({@code mx}); {@code ip=198.18.5.5} matches
 * nothing and fails. Either way every term of the tree is evaluated. The setup checks that both
 * libraries give the same result before anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CheckHostBenchmark {

  /** The client address. */
  @Param({RealisticTree.IP_PASS_VIA_MX, RealisticTree.IP_NO_MATCH})
  public String ip = RealisticTree.IP_PASS_VIA_MX;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SpfChecker cached;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SpfChecker uncached;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SPF jspf;

  /** Loads the tree into both libraries and checks they agree on {@link #ip}. */
  @Setup
  public void setUp() {
    ZoneData zone = ZoneData.realisticTree();
    InMemoryDns dns = zone.toInMemoryDns();
    cached = SpfChecker.builder().dns(dns).build();
    uncached = SpfChecker.builder().dns(dns).recordCacheSize(0).build();
    jspf = Jspf.checker(new JspfDns(zone));
    String theirs = jspf();
    for (SpfResult ours : new SpfResult[] {thisLibrary(), thisLibraryNoCache()}) {
      String name = ours.result().name().toLowerCase(Locale.ROOT);
      if (!name.equals(theirs)) {
        throw new IllegalStateException(
            "results differ for " + ip + ": this library " + name + ", jSPF " + theirs);
      }
    }
  }

  /** This library with its default parsed-record cache (1024 records). */
  @Benchmark
  public SpfResult thisLibrary() {
    return cached
        .check()
        .ip(ip)
        .mailFrom(RealisticTree.SENDER)
        .helo(RealisticTree.HELO)
        .evaluate();
  }

  /** This library parsing every record it fetches ({@code recordCacheSize(0)}). */
  @Benchmark
  public SpfResult thisLibraryNoCache() {
    return uncached
        .check()
        .ip(ip)
        .mailFrom(RealisticTree.SENDER)
        .helo(RealisticTree.HELO)
        .evaluate();
  }

  /** Apache jSPF 1.0.5, synchronous executor, default policies. */
  @Benchmark
  public String jspf() {
    return jspf.checkSPF(ip, RealisticTree.SENDER, RealisticTree.HELO).getResult();
  }
}
