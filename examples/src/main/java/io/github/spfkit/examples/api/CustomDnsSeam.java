package io.github.spfkit.examples.api;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A custom DNS seam: everything the evaluator learns from DNS comes through {@link DnsLookup}, a
 * one-method interface. This one answers from a map, logs each question, and answers anything it
 * does not know as NODATA or NXDOMAIN; a real one might ask a company resolver, a cache or a test fixture.
 * Implementations must be safe for concurrent use and should report failures as {@link
 * DnsAnswer.TemporaryFailure} rather than throw.
 */
public final class CustomDnsSeam {
  private CustomDnsSeam() {}

  /**
   * Checks one address through a logging, map-backed seam.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Map<String, String> txt = Map.of("example.org", "v=spf1 a:relay.example.org -all");
    Map<String, String> a = Map.of("relay.example.org", "192.0.2.25");

    DnsLookup seam =
        (name, type) -> {
          System.out.println("  DNS " + type + " " + name);
          String data =
              switch (type) {
                case TXT -> txt.get(name);
                case A -> a.get(name);
                default -> null;
              };
          DnsAnswer answer;
          if (data != null) {
            answer = new DnsAnswer.Records(List.of(data), 60);
          } else if (txt.containsKey(name) || a.containsKey(name)) {
            answer = new DnsAnswer.NoRecords(60); // the name exists, not with this type
          } else {
            answer = new DnsAnswer.NoSuchDomain(60);
          }
          return CompletableFuture.completedFuture(answer);
        };

    SpfChecker checker = SpfChecker.builder().dns(seam).build();
    SpfResult result = checker.check().ip("192.0.2.25").mailFrom("billing@example.org").evaluate();
    System.out.println(result.result().token() + " via " + result.match());
  }
}
