package io.github.spfkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7208 §4.5: exactly one v=spf1 record among a name's TXT records. */
final class RecordSelectionTest {

  @Test
  void selectsTheOneSpfRecordAndIgnoresOtherTxt() {
    RecordSelection selection =
        RecordSelection.of(List.of("google-site-verification=abc", "V=SPF1 -all", "v=spf10 +all"));

    assertThat(selection).isEqualTo(new RecordSelection.One("V=SPF1 -all"));
  }

  @Test
  void findsNoRecordWithoutAVersionTag() {
    assertThat(RecordSelection.of(List.of())).isEqualTo(RecordSelection.NoRecord.INSTANCE);
    assertThat(RecordSelection.of(List.of("v=spf1x", "spf1 -all")))
        .isInstanceOf(RecordSelection.NoRecord.class);
  }

  @Test
  void listsEverySpfRecordWhenThereIsMoreThanOne() {
    RecordSelection selection =
        RecordSelection.of(List.of("v=spf1 -all", "other", "v=spf1", "v=spf1 +all"));

    assertThat(selection)
        .isEqualTo(new RecordSelection.Multiple(List.of("v=spf1 -all", "v=spf1", "v=spf1 +all")));
  }

  @Test
  void givesEachDnsMechanismItsTarget() {
    SpfRecord record = ((ParseResult.Valid) RecordParser.parse("v=spf1 a mx:%{o} ptr include:x.example exists:%{i}.y.example ip4:192.0.2.1")).record();

    assertThat(record.mechanisms())
        .filteredOn(m -> m instanceof Mechanism.DnsMechanism)
        .map(m -> ((Mechanism.DnsMechanism) m).target().toString())
        .containsExactly("%{d}", "%{o}", "%{d}", "x.example", "%{i}.y.example");
    assertThat(record.mechanisms())
        .filteredOn(m -> m instanceof Mechanism.DnsMechanism)
        .allMatch(Mechanism::queriesDns);
  }
}
