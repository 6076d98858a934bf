package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.RecordType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.jspecify.annotations.Nullable;

/**
 * jSPF's DNS seam answering from {@link ZoneData}, the data this library's {@link
 * io.github.spfkit.core.dns.InMemoryDns} answers from. Thread safe.
 *
 * <p>It answers as jSPF's own dnsjava-backed {@code DNSServiceXBillImpl} does: a fresh mutable list
 * per answer (jSPF's MX mechanism removes entries from it), MX exchanges with the trailing dot,
 * {@code null} for NXDOMAIN and NODATA (so the type-99 SPF question, which the data never answers,
 * falls back to TXT). With a delay, every question blocks the calling thread for that long first,
 * as a synchronous resolver waiting for a round trip would.
 */
public final class JspfDns implements DNSService {

  private final Map<String, Map<RecordType, List<String>>> records = new HashMap<>();
  private final long delayNanos;
  private volatile int recordLimit = 10;

  /** Answers at once. */
  public JspfDns(ZoneData zone) {
    this(zone, Duration.ZERO);
  }

  /**
   * Answers each question after blocking for {@code delay}.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public JspfDns(ZoneData zone, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    this.delayNanos = delay.toNanos();
    for (ZoneData.Entry entry : zone.records()) {
      String data = entry.type() == RecordType.MX ? entry.data() + "." : entry.data();
      records
          .computeIfAbsent(entry.name(), n -> new EnumMap<>(RecordType.class))
          .computeIfAbsent(entry.type(), t -> new ArrayList<>())
          .add(data);
    }
  }

  @Override
  public @Nullable List<String> getRecords(DNSRequest request) {
    if (delayNanos > 0) {
      block(delayNanos);
    }
    return answer(request);
  }

  @Override
  public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
    // jSPF's synchronous executor, the one benchmarked, never calls this
    return CompletableFuture.completedFuture(getRecords(request));
  }

  @Override
  public List<String> getLocalDomainNames() {
    return List.of("localhost");
  }

  @Override
  public void setTimeOut(int timeOut) {
    // answers never time out
  }

  @Override
  public int getRecordLimit() {
    return recordLimit;
  }

  @Override
  public void setRecordLimit(int recordLimit) {
    this.recordLimit = recordLimit;
  }

  private @Nullable List<String> answer(DNSRequest request) {
    RecordType type =
        switch (request.getRecordType()) {
          case DNSRequest.A -> RecordType.A;
          case DNSRequest.AAAA -> RecordType.AAAA;
          case DNSRequest.MX -> RecordType.MX;
          case DNSRequest.PTR -> RecordType.PTR;
          case DNSRequest.TXT -> RecordType.TXT;
          case DNSRequest.SPF -> RecordType.SPF;
          default -> null;
        };
    if (type == null) {
      return null;
    }
    String name = request.getHostname().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    Map<RecordType, List<String>> byType = records.get(name);
    List<String> data = byType == null ? null : byType.get(type);
    return data == null ? null : new ArrayList<>(data);
  }

  private static void block(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
