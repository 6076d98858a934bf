package io.github.spfkit.dns.differential;

import io.github.spfkit.core.Check;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.dns.DnsJavaLookup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** This library's side of the comparison: spf-core over spf-dns's {@link DnsJavaLookup}. */
final class SpfkitRunner {

  private final SpfChecker checker;

  SpfkitRunner(DnsJavaLookup dns, String receiver, String defaultExplanation) {
    this.checker =
        SpfChecker.builder().dns(dns).receiver(receiver).defaultExplanation(defaultExplanation).build();
  }

  /** Evaluates one case as the drivers do. */
  SpfResult evaluate(DiffCase c) {
    Check check = checker.check().ip(c.ip()).helo(c.helo());
    if (c.scope() == DiffCase.Scope.MFROM) {
      check.mailFrom(c.sender());
    }
    return check.evaluate();
  }

  /** Every case, a few at a time (the server has one UDP worker; flooding it only adds retries). */
  Map<String, SpfResult> run(List<DiffCase> cases) throws InterruptedException {
    Map<String, SpfResult> out = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (DiffCase c : cases) {
        pool.execute(() -> out.put(c.id(), evaluate(c)));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.MINUTES);
    }
    return out;
  }

  /** The result as the drivers report it. */
  static Outcome outcome(SpfResult result) {
    String detail =
        result.match() != null
            ? String.valueOf(result.match())
            : result.problem() != null ? String.valueOf(result.problem()) : "";
    return new Outcome(result.result().token(), result.explanation(), detail);
  }
}
