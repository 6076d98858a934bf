package io.github.spfkit.dns.differential;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One generated check: its DNS world and the question asked of it.
 *
 * @param id the case's name, {@code cNNNNN}
 * @param template the generator template that built it
 * @param records the case's DNS data
 * @param ip the client's address as given to every implementation
 * @param sender the MAIL FROM reverse-path, empty for the null sender; ignored for HELO checks
 * @param helo the HELO/EHLO name
 * @param scope which identity is checked
 * @param facts what the generator put into the world that the disagreement rules look for
 */
record DiffCase(
    String id,
    String template,
    List<World.Rr> records,
    String ip,
    String sender,
    String helo,
    Scope scope,
    Set<Fact> facts) {

  /** The identity checked (RFC 7208 §2.3, §2.4). */
  enum Scope {
    /** The MAIL FROM identity, or {@code postmaster@} the HELO name for the null sender. */
    MFROM,
    /** The HELO identity. */
    HELO
  }

  DiffCase {
    Objects.requireNonNull(id, "id");
    records = List.copyOf(records);
    facts = facts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facts));
  }

  /** The case as one line of the drivers' input. */
  String json() {
    return "{\"id\":"
        + Json.quote(id)
        + ",\"ip\":"
        + Json.quote(ip)
        + ",\"sender\":"
        + Json.quote(sender)
        + ",\"helo\":"
        + Json.quote(helo)
        + ",\"scope\":"
        + Json.quote(scope == Scope.HELO ? "helo" : "mfrom")
        + "}";
  }

  /** The case as text for a failure message: the question and every record. */
  String describe() {
    StringBuilder out = new StringBuilder();
    out.append(id)
        .append(" (")
        .append(template)
        .append(") ip=")
        .append(ip)
        .append(" sender=<")
        .append(sender)
        .append("> helo=")
        .append(helo)
        .append(" scope=")
        .append(scope)
        .append(" facts=")
        .append(facts)
        .append('\n');
    for (World.Rr rr : records) {
      out.append("  ").append(rr.owner()).append(' ').append(rr.type()).append(' ');
      out.append(rr.type().equals("TXT") ? Json.quote(String.join("", rr.data())) : rr.data().get(0));
      out.append('\n');
    }
    return out.toString();
  }
}
