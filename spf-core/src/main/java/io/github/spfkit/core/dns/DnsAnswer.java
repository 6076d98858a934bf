package io.github.spfkit.core.dns;

import java.util.List;
import java.util.Objects;

/**
 * What a DNS question came back with. The four outcomes are the ones RFC 7208 tells apart: records,
 * no records of that type (NODATA), no such name (NXDOMAIN), and a temporary failure. The last
 * three differ for the evaluator: NODATA and NXDOMAIN are "void lookups" (§4.6.4), a temporary
 * failure gives {@code temperror} (§2.6.6).
 *
 * <p>Every outcome carries the time it may be cached for, in seconds ({@code 0} when unknown).
 */
public sealed interface DnsAnswer {

  /**
   * Seconds this answer may be cached (RFC 2308 for the negative ones); {@code 0} if unknown.
   *
   * @return the time to live in seconds, 0 or more; always 0 for a temporary failure
   */
  long ttlSeconds();

  /**
   * A non-empty answer. {@code data} holds one text per resource record, in presentation form for
   * the type asked:
   *
   * <ul>
   *   <li>TXT and SPF: the record's character-strings joined with no separator (RFC 7208 §3.3),
   *       each byte mapped to the char of the same value (ISO-8859-1), so bytes outside ASCII
   *       survive for the evaluator to reject;
   *   <li>A and AAAA: the address literal ({@code 192.0.2.1}, {@code 2001:db8::1});
   *   <li>MX: the exchange's host name (preference dropped: SPF treats all exchanges alike);
   *   <li>PTR: the target host name.
   * </ul>
   *
   * Host names come without the trailing dot.
   *
   * @param data the records, never empty
   * @param ttlSeconds seconds this answer may be cached
   */
  record Records(List<String> data, long ttlSeconds) implements DnsAnswer {
    /**
     * Copies {@code data} and checks it is not empty.
     *
     * @param data one text per resource record, in presentation form; copied, not null, not empty,
     *     no null elements
     * @param ttlSeconds seconds this answer may be cached, 0 when unknown
     * @throws IllegalArgumentException if {@code data} is empty (use {@link NoRecords})
     */
    public Records {
      data = List.copyOf(data);
      if (data.isEmpty()) {
        throw new IllegalArgumentException("Records needs at least one record; use NoRecords");
      }
    }
  }

  /**
   * The name exists but has no record of the type asked (NODATA): a void lookup.
   *
   * @param ttlSeconds seconds this answer may be cached
   */
  record NoRecords(long ttlSeconds) implements DnsAnswer {}

  /**
   * The name does not exist (NXDOMAIN): a void lookup.
   *
   * @param ttlSeconds seconds this answer may be cached
   */
  record NoSuchDomain(long ttlSeconds) implements DnsAnswer {}

  /**
   * The question could not be answered now: SERVFAIL, REFUSED, a timeout, an I/O error.
   *
   * @param reason a short human-readable reason, for traces and explanations
   */
  record TemporaryFailure(String reason) implements DnsAnswer {
    /**
     * Checks the reason is present.
     *
     * @param reason a short human-readable reason, e.g. {@code SERVFAIL} or {@code timed out after
     *     2 s}; not null
     * @throws NullPointerException if {@code reason} is null
     */
    public TemporaryFailure {
      Objects.requireNonNull(reason, "reason");
    }

    /** Temporary failures are never cached. */
    @Override
    public long ttlSeconds() {
      return 0;
    }
  }
}
