package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

final class LintTextTest {

  static String golden(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(LintTextTest.class.getResourceAsStream("/golden/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void drawsTheTreeTheCountedTermsWithTheirQueriesTheVoidsPerFamilyAndTheFindings() throws IOException {
    InMemoryDns dns =
        InMemoryDns.builder()
            .txt("example.com", "v=spf1 a:out1.example.com a:out2.example.com mx include:_spf.example.net -all")
            .a("out1.example.com", "192.0.2.11")
            .a("out2.example.com", "192.0.2.12")
            .mx("example.com", "mx.example.com")
            .a("mx.example.com", "192.0.2.25")
            .add("mx.example.com", RecordType.AAAA, "2001:db8::25")
            .txt("_spf.example.net", "v=spf1 ip4:198.51.100.0/24 ip4:198.51.100.7 ptr ~all")
            .build();

    LintReport report = SpfLinter.builder().dns(dns).build().lint("example.com");

    assertThat(LintText.render(report)).isEqualTo(golden("lint-text.txt"));
  }

  @Test
  void saysWhenThereIsNoRecord() {
    LintReport report = SpfLinter.builder().dns(InMemoryDns.builder().build()).build().lint("example.com");

    assertThat(LintText.lines(report)).startsWith("example.com  (0 DNS-querying terms)", "`-- (no SPF record)");
    assertThat(LintText.lines(report)).contains("  error   NO_RECORD (example.com): example.com publishes no SPF record");
  }
}
