package io.github.spfkit.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One DNS query a counted term makes, for which senders, what it found, and the rule under which a
 * void answer counts.
 *
 * @param name the name asked for
 * @param type the record type asked for
 * @param family the senders that make this query, or {@code null} for every sender ({@code
 *     exists} asks for A records whatever the client's family, RFC 7208 §5.7)
 * @param outcome what came back
 * @param data the records found (addresses, MX host names), empty unless {@link Outcome#RECORDS}
 * @param rule why a void answer counts: {@link Rule#TERM_QUERY} or {@link Rule#MX_HOST_ADDRESS}
 */
public record TermQuery(
    String name,
    RecordType type,
    @Nullable AddressFamily family,
    Outcome outcome,
    List<String> data,
    Rule rule) {

  /**
   * Checks the parts and copies the list.
   *
   * @param name the name asked for
   * @param type the record type asked for
   * @param family the senders that make this query, or {@code null} for every sender
   * @param outcome what came back
   * @param data the records found, empty unless {@link Outcome#RECORDS}
   * @param rule why a void answer counts
   */
  public TermQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    data = List.copyOf(data);
    Objects.requireNonNull(rule, "rule");
  }

  /** What a query came back with. */
  public enum Outcome {
    /** One or more records. */
    RECORDS,
    /** The name exists but has no record of the type (NODATA): void. */
    NO_RECORDS,
    /** The name does not exist (NXDOMAIN): void. */
    NO_SUCH_DOMAIN,
    /** No answer (SERVFAIL, timeout, the deadline): receivers get {@code temperror}. */
    FAILED;

    static Outcome of(DnsAnswer answer) {
      if (answer instanceof DnsAnswer.Records) {
        return RECORDS;
      }
      if (answer instanceof DnsAnswer.NoRecords) {
        return NO_RECORDS;
      }
      return answer instanceof DnsAnswer.NoSuchDomain ? NO_SUCH_DOMAIN : FAILED;
    }

    /**
     * The name as JSON writes it: {@code no-such-domain}.
     *
     * @return the lower-case kebab name
     */
    public String kebab() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Whether the answer was void (NODATA or NXDOMAIN, RFC 7208 §4.6.4).
   *
   * @return true for {@link Outcome#NO_RECORDS} and {@link Outcome#NO_SUCH_DOMAIN}
   */
  public boolean isVoid() {
    return outcome == Outcome.NO_RECORDS || outcome == Outcome.NO_SUCH_DOMAIN;
  }

  /**
   * Whether senders of {@code senders} make this query.
   *
   * @param senders the client's address family
   * @return true if the query is made for that family
   */
  public boolean madeFor(AddressFamily senders) {
    return family == null || family == senders;
  }

  /**
   * Whether this query counts as a void lookup for {@code senders} under {@code reading}.
   *
   * @param senders the client's address family
   * @param reading which queries count against the void limit
   * @return true if it is void, made for that family and counted by that reading
   */
  public boolean countsAsVoid(AddressFamily senders, Limits.VoidLookupCounting reading) {
    return isVoid()
        && madeFor(senders)
        && (reading == Limits.VoidLookupCounting.EVERY_QUERY || rule == Rule.TERM_QUERY);
  }

  /**
   * The query as people write it: {@code AAAA out1.example.com}.
   *
   * @return the type and the name
   */
  @Override
  public String toString() {
    return type + " " + name;
  }
}
