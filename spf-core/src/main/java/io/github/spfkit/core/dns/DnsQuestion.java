package io.github.spfkit.core.dns;

import java.util.Objects;

/**
 * One question asked through the seam, as recorded by {@link InMemoryDns}.
 *
 * @param name the name asked for, as the evaluator wrote it
 * @param type the record type asked for
 */
public record DnsQuestion(String name, RecordType type) {
  /**
   * Checks both parts are present.
   *
   * @param name the name asked for, as the evaluator wrote it; not null
   * @param type the record type asked for; not null
   * @throws NullPointerException if either part is null
   */
  public DnsQuestion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return name + "/" + type;
  }
}
