package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class RecordEditsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=spf1 mx -all | ip4:192.0.2.1 | v=spf1 mx ip4:192.0.2.1 -all",
        "v=spf1 mx ~ALL | ip4:192.0.2.1 | v=spf1 mx ip4:192.0.2.1 ~ALL",
        "v=spf1 a redirect=_spf.example.net | ip6:2001:db8::1 | v=spf1 a ip6:2001:db8::1 redirect=_spf.example.net",
        "v=spf1   a    mx | ip4:192.0.2.1 | v=spf1 a mx ip4:192.0.2.1"
      })
  void insertsATermBeforeAllOrRedirect(String record, String term, String expected) {
    assertThat(RecordEdits.insert(record, term)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "ip:192.0.2.1 | ip4:192.0.2.1",
        "-ip:192.0.2.0/24 | -ip4:192.0.2.0/24",
        "ipv6:2001:db8::/32 | ip6:2001:db8::/32",
        "ip4:2001:db8::1 | ip6:2001:db8::1",
        "inlcude:_spf.example.net | include:_spf.example.net",
        "~includes:_spf.example.net | ~include:_spf.example.net",
        "redirect:_spf.example.net | redirect=_spf.example.net",
        "include=_spf.example.net | include:_spf.example.net",
        "ip:not-an-address | null",
        "frobnicate | null",
        "include: | null"
      })
  void repairsOrDropsAMisspeltTerm(String token, @Nullable String expected) {
    assertThat(RecordEdits.fixToken(token)).isEqualTo(expected);
  }

  @Test
  void repairsEverySyntaxErrorOfARecordOneByOne() {
    assertThat(Proposer.repair("v=spf1 ip:192.0.2.90 inlcude:_spf.example.net frobnicate -all"))
        .isEqualTo("v=spf1 ip4:192.0.2.90 include:_spf.example.net -all");
    assertThat(Proposer.repair("v=spf1 -all")).isNull();
  }

  @Test
  void mergesRecordsKeepingEachTermOnceAndOneAll() {
    assertThat(RecordEdits.merge(List.of("v=spf1 mx ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.1 include:a.example ~all")))
        .isEqualTo("v=spf1 mx ip4:192.0.2.1 include:a.example -all");
  }

  @Test
  void dropsTermsPointingAtGivenNames() {
    assertThat(RecordEdits.dropTargets("v=spf1 a:old.example mx include:Old2.example/24 ip4:192.0.2.1 -all", "d.example",
            Set.of("old.example", "old2.example", "d.example")))
        .isEqualTo("v=spf1 ip4:192.0.2.1 -all");
  }
}
