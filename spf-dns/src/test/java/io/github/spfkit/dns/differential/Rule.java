package io.github.spfkit.dns.differential;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A named kind of disagreement: what differs, the RFC 7208 section that decides (or leaves it
 * open), our verdict, which reference implementations it explains, and the exact condition under
 * which one reference's difference from this library is of this kind.
 *
 * @param name the kind's name, as the README's table lists it
 * @param section the RFC section, e.g. {@code §4.6.4}
 * @param verdict our judgement
 * @param explains the reference implementations whose differences this kind can explain
 * @param summary who does what, in a sentence
 * @param matches whether the given reference's difference from this library in an observation is
 *     of this kind; written narrowly, on the generator's facts and on the exact results (and, where
 *     it tells kinds apart, the error text), so that a new difference in the same area is not taken
 *     for a known one
 */
record Rule(
    String name,
    String section,
    Verdict verdict,
    Set<Implementation> explains,
    String summary,
    BiPredicate<Observation, Implementation> matches) {

  Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(verdict, "verdict");
    explains = Set.copyOf(explains);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(matches, "matches");
  }

  /** Whether this kind explains how {@code reference} differs from this library in {@code o}. */
  boolean explains(Observation o, Implementation reference) {
    return explains.contains(reference) && matches.test(o, reference);
  }
}
