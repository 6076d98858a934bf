package io.github.spfkit.dns.differential;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named kind of disagreement: what differs, the RFC 7208 section that decides (or leaves it
 * open), our verdict, and the exact condition under which an observation is of this kind.
 *
 * @param name the kind's name, as the README's table lists it
 * @param section the RFC section, e.g. {@code §4.6.4}
 * @param verdict our judgement
 * @param summary one sentence: who does what
 * @param matches whether an observation that disagrees is of this kind; written narrowly, on the
 *     generator's facts and on the exact pattern of results, so that a new kind is not swallowed
 */
record Rule(
    String name, String section, Verdict verdict, String summary, Predicate<Observation> matches) {

  Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(matches, "matches");
  }
}
