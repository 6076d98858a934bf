package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is data: every sample, cut short, with bytes flipped, with lines dropped or
 * duplicated, gives a diagnosis, never an exception. Seeded, so a failure reproduces.
 */
final class MalformedMailTest {
  private static final BounceDiagnoser DIAGNOSER =
      BounceDiagnoser.builder().dns(EndToEndTest.DNS).build();

  static Stream<String> samples() {
    return SampleLabelsTest.labels().stream().map(SampleLabelsTest.Label::file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void mutatedSamplesStillGiveADiagnosis(String file) {
    byte[] original = Resources.bytes("bounces/" + file);
    Random random = new Random(file.hashCode());
    for (int round = 0; round < 12; round++) {
      byte[] mutated = mutate(original, random);

      Diagnosis d = DIAGNOSER.diagnose(mutated);

      assertThat(d).isNotNull();
      assertThat(d.category()).isNotNull();
      assertThat(d.cause()).isNotNull();
    }
  }

  static byte[] mutate(byte[] input, Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return Arrays.copyOf(input, random.nextInt(input.length + 1));
      case 1: {
        byte[] out = input.clone();
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
          out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
      }
      case 2: {
        String[] lines = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
          int r = random.nextInt(10);
          if (r == 0) {
            continue;
          }
          out.append(line).append('\n');
          if (r == 1) {
            out.append(line).append('\n');
          }
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      default: {
        // boundaries and headers broken: every '-' or ':' may be replaced
        byte[] out = input.clone();
        for (int i = 0; i < out.length; i++) {
          if ((out[i] == '-' || out[i] == ':' || out[i] == '"') && random.nextInt(8) == 0) {
            out[i] = 'x';
          }
        }
        return out;
      }
    }
  }
}
