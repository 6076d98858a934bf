package io.github.spfkit.lint;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the flattening copied addresses from: when a provider changes it, the flattened
 * records are out of date, which {@link SpfFlattener#check} finds.
 *
 * @param domain the included (or redirected-to) domain
 * @param record its SPF record as read
 * @param ttlSeconds the TTL of the answer, 0 if unknown: a lower bound of how often to re-check
 * @param readAt when it was read
 */
public record Upstream(String domain, String record, long ttlSeconds, Instant readAt) {
  /**
   * Checks the parts.
   *
   * @param domain the included domain
   * @param record its SPF record
   * @param ttlSeconds the TTL of the answer
   * @param readAt when it was read
   */
  public Upstream {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(readAt, "readAt");
  }
}
