package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of known disagreement kinds is well formed. */
final class RulesTest {

  @Test
  void everyKindHasAUniqueNameAnRfcSectionAndExplainsAReference() {
    Set<String> names = new HashSet<>();
    for (Rule rule : Rules.ALL) {
      assertThat(names.add(rule.name())).as("duplicate kind %s", rule.name()).isTrue();
      assertThat(rule.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(rule.section()).matches("§\\d+(\\.\\d+)*(, §\\d+(\\.\\d+)*)*");
      assertThat(rule.explains()).isNotEmpty().doesNotContain(Implementation.SPFKIT);
      assertThat(rule.summary()).doesNotEndWith(".");
    }
  }
}
