package io.github.spfkit.diagnosis;

import org.jspecify.annotations.Nullable;

/**
 * Where the facts the live analysis used came from.
 *
 * @param domain the source of {@link Diagnosis#domain()}, or {@code null} if there is none
 * @param ip the source of {@link Diagnosis#ip()}, or {@code null} if there is none
 * @param helo the source of the HELO name, or {@code null} if there is none
 */
public record FactSources(@Nullable FactSource domain, @Nullable FactSource ip, @Nullable FactSource helo) {
  /** No facts. */
  static final FactSources NONE = new FactSources(null, null, null);
}
