package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every labelled real bounce (sisimai set-of-emails) is classified as {@code labels.tsv} says:
 * the category ({@code *} accepts any), and the sender domain, client IP and forwarding evidence
 * where the label gives them. Without DNS, so the classification is from the bounce alone.
 */
final class SampleLabelsTest {
  private static final BounceDiagnoser DIAGNOSER = BounceDiagnoser.builder().build();

  record Label(String file, String category, String domain, String ip, String forwarding) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Label> labels() {
    List<Label> out = new ArrayList<>();
    for (String line : Resources.text("bounces/labels.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      out.add(new Label(c[0], c[1], c[2], c[3], c[4].trim()));
    }
    return out;
  }

  static Stream<Arguments> samples() {
    return labels().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void classifiesEachLabelledSampleAsLabelled(Label label) {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("bounces/" + label.file()));

    if (!label.category().equals("*")) {
      assertThat(d.category()).as("category").isEqualTo(Category.valueOf(label.category()));
      assertThat(d.spfRelated()).isEqualTo(d.category() != Category.NOT_SPF);
    }
    if (!label.domain().equals("-")) {
      assertThat(d.facts().senderDomain()).as("domain").isEqualTo(label.domain());
    }
    if (!label.ip().equals("-")) {
      assertThat(d.facts().clientIp()).as("ip").isEqualTo(label.ip());
    }
    if (label.forwarding().equals("yes")) {
      assertThat(d.facts().forwarding()).as("forwarding").isNotEmpty();
    }
    if (d.category() == Category.NOT_SPF) {
      assertThat(d.cause()).isEqualTo(Cause.NOT_SPF);
    }
  }

  @Test
  void labelsCoverAllFortyThreeSamples() {
    assertThat(labels()).hasSize(43);
    assertThat(labels()).extracting(Label::category).doesNotContainNull();
  }
}
