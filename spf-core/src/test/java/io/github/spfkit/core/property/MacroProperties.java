package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** No name the evaluator looks up is over 253 characters, whatever the sender and HELO hold. */
final class MacroProperties {

  @Property(tries = 1000)
  void expandedNamesNeverExceed253Characters(
      @ForAll @AlphaChars @Chars({'.', '-', '+', '%', ' ', '@'}) @StringLength(max = 300) String local,
      @ForAll @AlphaChars @Chars({'.', '-'}) @StringLength(max = 300) String helo) {
    InMemoryDns dns =
        InMemoryDns.builder()
            .recordQueries()
            .txt(
                "example.com",
                "v=spf1 exists:%{l}.%{h}.%{d}.%{i}.%{l}.x.example.com a:%{L}.%{H}.%{d}.%{o}"
                    + " mx:%{lr-}.%{l}.%{h} ptr:%{s}.example.com ?all exp=%{l}.%{l}.%{l}.%{l}.example.com")
            .build();

    SpfResult result =
        SpfChecker.builder()
            .dns(dns)
            .build()
            .check()
            .ip("192.0.2.1")
            .mailFrom(local + "@example.com")
            .helo(helo.isEmpty() ? "h" : helo)
            .evaluate();

    assertThat(result.result()).isNotNull();
    assertThat(dns.queries()).map(DnsQuestion::name).allMatch(name -> name.length() <= 253);
  }
}
