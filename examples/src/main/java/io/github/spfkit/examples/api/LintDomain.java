package io.github.spfkit.examples.api;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.SpfLinter;

/**
 * Linting a domain: {@link SpfLinter} walks the whole SPF tree the way a receiver would, counts
 * the DNS-querying terms per include, and reports what is wrong or fragile. A what-if record can
 * be linted before it is published.
 */
public final class LintDomain {
  private LintDomain() {}

  /**
   * Lints a tree that is over the lookup limit, then a flatter what-if record.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 include:_a.example.net include:_b.example.net ?all")
            .txt("_a.example.net", "v=spf1 a:m1.example.net a:m2.example.net a:m3.example.net a:m4.example.net -all")
            .txt("_b.example.net", "v=spf1 a:m5.example.net a:m6.example.net a:m7.example.net a:m8.example.net a:m9.example.net -all")
            .a("m1.example.net", "198.51.100.1")
            .a("m2.example.net", "198.51.100.2")
            .a("m3.example.net", "198.51.100.3")
            .a("m4.example.net", "198.51.100.4")
            .a("m5.example.net", "198.51.100.5")
            .a("m6.example.net", "198.51.100.6")
            .a("m7.example.net", "198.51.100.7")
            .a("m8.example.net", "198.51.100.8")
            .a("m9.example.net", "198.51.100.9")
            .build();
    SpfLinter linter = SpfLinter.builder().dns(dns).build();

    print(linter.lint("example.com"));
    print(linter.lint("example.com", "v=spf1 ip4:198.51.100.0/28 -all"));
  }

  private static void print(LintReport report) {
    System.out.println(
        report.domain()
            + (report.whatIf() == null ? "" : " (what if: " + report.whatIf() + ")")
            + ": "
            + report.lookups()
            + " lookups, "
            + report.findings().size()
            + " findings");
    for (Finding finding : report.findings()) {
      System.out.println("  " + finding.severity() + " " + finding.code() + ": " + finding.message());
    }
  }
}
