package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A problem prints as its message, naming its domain once. */
final class ProblemTest {

  @Test
  void namesTheDomainOnceWhenTheMessageAlreadyHasIt() {
    Problem problem = new Problem(Problem.Kind.NO_RECORD, "no SPF record at example.com", "example.com", null);

    assertThat(problem).hasToString("no SPF record at example.com");
  }

  @Test
  void addsTheDomainWhenTheMessageLacksIt() {
    Problem problem =
        new Problem(Problem.Kind.TOO_MANY_LOOKUPS, "more than 10 DNS-querying terms", "example.com", null);

    assertThat(problem).hasToString("more than 10 DNS-querying terms (example.com)");
  }
}
