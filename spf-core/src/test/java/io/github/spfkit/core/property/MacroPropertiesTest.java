package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsQuestion;
import io.github.spfkit.core.dns.InMemoryDns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No name the evaluator looks up is over 253 characters, whatever the sender and HELO hold: local
 * parts and HELO names of up to 300 characters drawn from fixed seeds.
 */
final class MacroPropertiesTest {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private static InMemoryDns zone() {
    return InMemoryDns.builder()
        .recordQueries()
        .txt(
              "example.com",
              "v=spf1 exists:%{l}.%{h}.%{d}.%{i}.%{l}.x.example.com a:%{L}.%{H}.%{d}.%{o}"
                  + " mx:%{lr-}.%{l}.%{h} ptr:%{s}.example.com ?all"
                  + " exp=%{l}.%{l}.%{l}.%{l}.example.com")
        .build();
  }

  private static String text(SplittableRandom random, String extra) {
    int length = random.nextInt(301);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // letters mostly, the separators often enough to make many short and some empty labels
      text.append(
          random.nextInt(4) == 0
              ? extra.charAt(random.nextInt(extra.length()))
              : LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return text.toString();
  }

  @Test
  void expandedNamesNeverExceed253Characters() {
    SplittableRandom random = new SplittableRandom(0x253L);
    for (int i = 0; i < 1000; i++) {
      String local = text(random, ".-+% @");
      String helo = text(random, ".-");
      InMemoryDns dns = zone();

      SpfResult result =
          SpfChecker.builder()
              .dns(dns)
              .build()
              .check()
              .ip("192.0.2.1")
              .mailFrom(local + "@example.com")
              .helo(helo.isBlank() ? "h" : helo)
              .evaluate();

      assertThat(result.result()).isNotNull();
      assertThat(dns.queries())
          .as("case %d: local part '%s', HELO '%s'", i, local, helo)
          .map(DnsQuestion::name)
          .allMatch(name -> name.length() <= 253);
    }
  }
}
