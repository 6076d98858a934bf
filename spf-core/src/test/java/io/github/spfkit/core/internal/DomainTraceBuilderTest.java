package io.github.spfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DomainTraceBuilderTest {

  private static Trace.TermStep step(int i) {
    return new Trace.TermStep("ip4:192.0.2." + i, Trace.Outcome.NO_MATCH, null, List.of(), null, null);
  }

  @ParameterizedTest(name = "{0} steps")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 8, 9, 17})
  void keepsEveryStepInOrder(int steps) {
    DomainTraceBuilder builder = new DomainTraceBuilder("example.com", Trace.Via.CHECK, 2);
    List<Trace.TermStep> added = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      added.add(step(i));
      builder.add(step(i));
    }

    Trace.Domain domain = builder.build(Result.NEUTRAL, 5);

    assertThat(domain.terms()).containsExactlyElementsOf(added);
    assertThat(domain.dnsTerms()).isEqualTo(3);
    assertThat(domain.lookups()).isEmpty();
    assertThat(domain.domain()).isEqualTo("example.com");
  }
}
