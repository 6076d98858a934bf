package io.github.spfkit.diagnosis;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.record.RecordSelection;
import java.util.List;
import java.util.Objects;

/**
 * What DNS, as this diagnoser sees it now, says about the analyzed domain's SPF: the four answers
 * that a bounce must be weighed against (RFC 7208 §4.3-§4.5). A receiver that reported {@code fail}
 * found a record; a domain that does not exist or publishes none here contradicts it, and the
 * diagnosis says so instead of proposing a record.
 */
public sealed interface DomainState {

  /**
   * The domain the state is about.
   *
   * @return the domain name as looked up
   */
  String domain();

  /**
   * A stable identifier of the state: {@code no-such-domain}, {@code no-spf-record}, {@code
   * published} or {@code unanswered}.
   *
   * @return the code
   */
  String code();

  /**
   * The domain does not exist: its TXT lookup answered NXDOMAIN.
   *
   * @param domain the domain
   */
  record NoSuchDomain(String domain) implements DomainState {
    /**
     * Checks the domain.
     *
     * @param domain the domain
     */
    public NoSuchDomain {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String code() {
      return "no-such-domain";
    }
  }

  /**
   * The domain exists but publishes no {@code v=spf1} TXT record (NODATA, or only other TXT
   * records).
   *
   * @param domain the domain
   */
  record NoSpfRecord(String domain) implements DomainState {
    /**
     * Checks the domain.
     *
     * @param domain the domain
     */
    public NoSpfRecord {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String code() {
      return "no-spf-record";
    }
  }

  /**
   * The domain publishes one or more SPF records (more than one is a {@code permerror}).
   *
   * @param domain the domain
   * @param records the {@code v=spf1} records, as published; at least one
   */
  record Published(String domain, List<String> records) implements DomainState {
    /**
     * Checks the parts and copies the list.
     *
     * @param domain the domain
     * @param records the {@code v=spf1} records, as published; at least one
     * @throws IllegalArgumentException if {@code records} is empty
     */
    public Published {
      Objects.requireNonNull(domain, "domain");
      records = List.copyOf(records);
      if (records.isEmpty()) {
        throw new IllegalArgumentException("Published needs at least one record; use NoSpfRecord");
      }
    }

    @Override
    public String code() {
      return "published";
    }
  }

  /**
   * No answer could be had: the lookup failed temporarily or timed out.
   *
   * @param domain the domain
   * @param reason what went wrong, as the DNS seam said it
   */
  record Unanswered(String domain, String reason) implements DomainState {
    /**
     * Checks both parts.
     *
     * @param domain the domain
     * @param reason what went wrong, as the DNS seam said it
     */
    public Unanswered {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "unanswered";
    }
  }

  /**
   * The state a TXT answer for {@code domain} shows.
   *
   * @param domain the domain asked
   * @param txt the TXT answer
   * @return the domain's SPF state
   */
  static DomainState of(String domain, DnsAnswer txt) {
    if (txt instanceof DnsAnswer.Records records) {
      // RFC 7208 §4.5, as check_host() and the linter select
      RecordSelection selection = RecordSelection.of(records.data());
      if (selection instanceof RecordSelection.One one) {
        return new Published(domain, List.of(one.text()));
      }
      if (selection instanceof RecordSelection.Multiple multiple) {
        return new Published(domain, multiple.texts());
      }
      return new NoSpfRecord(domain);
    }
    if (txt instanceof DnsAnswer.NoRecords) {
      return new NoSpfRecord(domain);
    }
    if (txt instanceof DnsAnswer.NoSuchDomain) {
      return new NoSuchDomain(domain);
    }
    return new Unanswered(domain, ((DnsAnswer.TemporaryFailure) txt).reason());
  }
}
