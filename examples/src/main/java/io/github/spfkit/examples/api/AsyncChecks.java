package io.github.spfkit.examples.api;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Many checks at once: {@code evaluateAsync()} returns at once with a stage that completes when
 * DNS has answered, so one thread can have thousands of checks in flight. The stage never
 * completes exceptionally for anything DNS or a policy does: errors are results.
 */
public final class AsyncChecks {
  private AsyncChecks() {}

  /**
   * Checks 256 client addresses concurrently and prints how many got each result.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/25 include:_spf.example.net ~all")
            .txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/24 -all")
            .build();
    SpfChecker checker = SpfChecker.builder().dns(dns).build();

    List<CompletableFuture<SpfResult>> checks = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      String ip = (i % 2 == 0 ? "192.0.2." : "203.0.113.") + (i / 2);
      checks.add(
          checker.check().ip(ip).mailFrom("news@example.com").evaluateAsync().toCompletableFuture());
    }
    CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();

    Map<Result, Integer> counts = new EnumMap<>(Result.class);
    for (CompletableFuture<SpfResult> check : checks) {
      counts.merge(check.join().result(), 1, Integer::sum);
    }
    counts.forEach((result, n) -> System.out.println(result.token() + ": " + n));
  }
}
