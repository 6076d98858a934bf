package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Any bytes, read as a bounce and diagnosed against the end-to-end zone, give a diagnosis within
 * a bounded time, never an exception. Seeds: every labelled sample and every end-to-end bounce
 * (copies under {@code BounceFuzzTestInputs}, with the licences of {@code bounces/NOTICE.md}). In
 * {@code mvn verify} this runs the seeds; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
final class BounceFuzzTest {

  private static final BounceDiagnoser DIAGNOSER =
      BounceDiagnoser.builder().dns(EndToEndTest.DNS).deadline(Duration.ofSeconds(5)).build();

  @FuzzTest(maxDuration = "60m")
  void diagnosesAnyBytes(byte[] input) throws Exception {
    Diagnosis diagnosis =
        DIAGNOSER.diagnoseAsync(input).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(diagnosis.category()).isNotNull();
    assertThat(diagnosis.cause()).isNotNull();
    assertThat(diagnosis.advice()).isNotNull();
    if (diagnosis.proposedRecord() != null) {
      assertThat(diagnosis.proposal()).isNotNull();
    }
  }
}
