package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link DnsLookup} that answers at once, except questions about one name, which it holds until
 * {@link #release()}: evaluations pile up at that point, so what they hold there can be measured.
 * Thread safe.
 */
final class GatedDns implements DnsLookup {
  private final DnsLookup delegate;
  private final String gate;
  private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

  GatedDns(DnsLookup delegate, String gate) {
    this.delegate = delegate;
    this.gate = gate.toLowerCase(Locale.ROOT);
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    CompletionStage<DnsAnswer> answer = delegate.lookup(name, type);
    if (!name.toLowerCase(Locale.ROOT).equals(gate)) {
      return answer;
    }
    CompletableFuture<DnsAnswer> later = new CompletableFuture<>();
    held.add(
        () ->
            answer.whenComplete(
                (value, error) -> {
                  if (error != null) {
                    later.completeExceptionally(error);
                  } else {
                    later.complete(value);
                  }
                }));
    return later;
  }

  /** Questions held so far. */
  int held() {
    return held.size();
  }

  /** Answers every question held, on the calling thread. */
  void release() {
    for (Runnable next = held.poll(); next != null; next = held.poll()) {
      next.run();
    }
  }
}
