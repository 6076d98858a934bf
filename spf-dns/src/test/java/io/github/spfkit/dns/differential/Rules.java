package io.github.spfkit.dns.differential;

import java.util.List;
import java.util.Optional;

/** Every known kind of disagreement between this library, pyspf and Mail::SPF. */
final class Rules {

  private Rules() {}

  static final List<Rule> ALL = List.of();

  /** The first rule that matches a disagreeing observation. */
  static Optional<Rule> classify(Observation o) {
    return ALL.stream().filter(rule -> rule.matches().test(o)).findFirst();
  }
}
