package io.github.spfkit.benchmarks;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one check on the realistic tree when every DNS question takes {@code delayMs} to
 * answer: this library evaluating term by term, this library with {@code prefetch(true)}, and jSPF
 * (whose DNS service blocks for the delay, as a synchronous resolver does).
 *
 * <p>The floor is the tree's depth times the delay: {@value RealisticTree#DEPTH} round trips
 * follow one another whatever is overlapped (20 ms at 5 ms). Asking the 11 questions one after
 * another costs 11 times the delay (55 ms); jSPF asks 17 (85 ms). The client is {@code
 * 198.18.0.2}, which matches the last term, so the whole tree is walked. {@code depthFloor}
 * measures the floor itself on this machine (timers add a little to every delay).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LatencyBenchmark {

  /** The delay of every DNS answer, in milliseconds. */
  @Param({"5"})
  public int delayMs = 5;

  @SuppressWarnings("NullAway.Init") // @Setup
  private ExecutorService workers;

  @SuppressWarnings("NullAway.Init") // @Setup
  private DelayedDns dns;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SpfChecker sequential;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SpfChecker prefetching;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SPF jspf;

  /** Builds the three checkers on delayed DNS and checks they agree. */
  @Setup
  public void setUp() {
    ZoneData zone = ZoneData.realisticTree();
    InMemoryDns memory = zone.toInMemoryDns();
    Duration delay = Duration.ofMillis(delayMs);
    workers = DaemonThreads.pool("dns", 2);
    dns = new DelayedDns(memory, delay, workers);
    sequential = SpfChecker.builder().dns(dns).build();
    prefetching = SpfChecker.builder().dns(dns).prefetch(true).build();
    jspf = Jspf.checker(new JspfDns(zone, delay));
    String theirs = jspf();
    for (SpfResult ours : new SpfResult[] {thisLibrarySequential(), thisLibraryPrefetch()}) {
      String name = ours.result().name().toLowerCase(Locale.ROOT);
      if (!name.equals(theirs)) {
        throw new IllegalStateException("results differ: this library " + name + ", jSPF " + theirs);
      }
    }
  }

  /** Stops the DNS threads. */
  @TearDown
  public void tearDown() {
    dns.close();
    workers.shutdownNow();
  }

  /** This library, one question at a time. */
  @Benchmark
  public SpfResult thisLibrarySequential() {
    return check(sequential);
  }

  /** This library starting each record's lookups as soon as it is parsed. */
  @Benchmark
  public SpfResult thisLibraryPrefetch() {
    return check(prefetching);
  }

  /** jSPF, one blocking question at a time. */
  @Benchmark
  public String jspf() {
    return jspf.checkSPF(RealisticTree.IP_PASS_VIA_MX, RealisticTree.SENDER, RealisticTree.HELO)
        .getResult();
  }

  /**
   * The floor as this machine's timers give it: the {@value RealisticTree#DEPTH} questions that
   * must follow one another (top record, include, nested include, its {@code a} term), asked one
   * after another through the same delayed DNS, with no evaluation at all.
   */
  @Benchmark
  public DnsAnswer depthFloor() {
    return dns.lookup(RealisticTree.DOMAIN, RecordType.TXT)
        .thenCompose(answer -> dns.lookup("_spf.a.example", RecordType.TXT))
        .thenCompose(answer -> dns.lookup("_spf2.a.example", RecordType.TXT))
        .thenCompose(answer -> dns.lookup("relay.a.example", RecordType.A))
        .toCompletableFuture()
        .join();
  }

  private static SpfResult check(SpfChecker checker) {
    return checker
        .check()
        .ip(RealisticTree.IP_PASS_VIA_MX)
        .mailFrom(RealisticTree.SENDER)
        .helo(RealisticTree.HELO)
        .evaluate();
  }
}
