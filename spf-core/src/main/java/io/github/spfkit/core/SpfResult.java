package io.github.spfkit.core;

import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one SPF check, with everything needed to explain it: the result, the term that
 * decided it and where it was written, the explanation, the problem behind an error, the lookups
 * counted against the limits, and the full {@link Trace}. Immutable.
 *
 * <p>It renders the {@code Received-SPF} header field (RFC 7208 §9.1) and the {@code spf} clause
 * of {@code Authentication-Results} (RFC 8601). Any text that came from DNS or from the sender is
 * made safe for a header first: no CR, LF or other control characters, no characters outside
 * ASCII, quotes and parentheses escaped where they would end a quoted string or a comment.
 *
 * @param result the SPF result
 * @param identity which identity was checked
 * @param domain the domain {@code check_host()} started from
 * @param sender the identity as checked: the MAIL FROM address, or {@code postmaster@} the HELO
 *     name for the null sender and for HELO checks
 * @param ip the client's address
 * @param helo the HELO/EHLO name, or {@code null} if it was not given
 * @param receiver the receiving host's name, or {@code null} if it was not given
 * @param match the mechanism that decided the result, or {@code null} (no match, an error, or the
 *     default {@code neutral})
 * @param explanation for {@code fail}, the explanation (RFC 7208 §6.2); otherwise {@code null}
 * @param problem for {@code none}, {@code temperror} and {@code permerror}, what caused it
 * @param dnsTerms DNS-querying terms counted against the limit (RFC 7208 §4.6.4)
 * @param voidLookups lookups that answered NXDOMAIN or no records
 * @param dnsQueries DNS questions sent through the seam
 * @param trace how the result came about
 * @param limits the processing limits the check ran under
 */
public record SpfResult(
    Result result,
    Identity identity,
    String domain,
    String sender,
    IpAddress ip,
    @Nullable String helo,
    @Nullable String receiver,
    @Nullable MatchedTerm match,
    @Nullable String explanation,
    @Nullable Problem problem,
    int dnsTerms,
    int voidLookups,
    int dnsQueries,
    Trace trace,
    Limits limits) {

  /**
   * Checks the required parts.
   *
   * @param result the SPF result; not null
   * @param identity which identity was checked; not null
   * @param domain the domain {@code check_host()} started from; not null
   * @param sender the identity as checked; not null
   * @param ip the client's address; not null
   * @param helo the HELO/EHLO name, or null if it was not given
   * @param receiver the receiving host's name, or null if it was not given
   * @param match the deciding mechanism, or null when no mechanism decided
   * @param explanation the explanation for {@code fail}, null for every other result
   * @param problem the cause of {@code none}, {@code temperror} or {@code permerror}, null
   *     otherwise
   * @param dnsTerms DNS-querying terms counted, 0 or more
   * @param voidLookups void lookups counted, 0 or more
   * @param dnsQueries DNS questions sent through the seam, 0 or more
   * @param trace how the result came about; not null
   * @param limits the processing limits the check ran under; not null
   * @throws NullPointerException if a part that must not be null is null
   */
  public SpfResult {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * A result of a check run under {@link Limits#RFC}.
   *
   * @param result the SPF result; not null
   * @param identity which identity was checked; not null
   * @param domain the domain {@code check_host()} started from; not null
   * @param sender the identity as checked; not null
   * @param ip the client's address; not null
   * @param helo the HELO/EHLO name, or null if it was not given
   * @param receiver the receiving host's name, or null if it was not given
   * @param match the deciding mechanism, or null when no mechanism decided
   * @param explanation the explanation for {@code fail}, null for every other result
   * @param problem the cause of {@code none}, {@code temperror} or {@code permerror}, null
   *     otherwise
   * @param dnsTerms DNS-querying terms counted, 0 or more
   * @param voidLookups void lookups counted, 0 or more
   * @param dnsQueries DNS questions sent through the seam, 0 or more
   * @param trace how the result came about; not null
   * @throws NullPointerException if a part that must not be null is null
   */
  public SpfResult(
      Result result,
      Identity identity,
      String domain,
      String sender,
      IpAddress ip,
      @Nullable String helo,
      @Nullable String receiver,
      @Nullable MatchedTerm match,
      @Nullable String explanation,
      @Nullable Problem problem,
      int dnsTerms,
      int voidLookups,
      int dnsQueries,
      Trace trace) {
    this(
        result,
        identity,
        domain,
        sender,
        ip,
        helo,
        receiver,
        match,
        explanation,
        problem,
        dnsTerms,
        voidLookups,
        dnsQueries,
        trace,
        Limits.RFC);
  }

  /**
   * The request this result answers.
   *
   * @return the client, identity, domain, sender, HELO name and receiver the check ran with
   */
  public SpfRequest request() {
    return new SpfRequest(ip, identity, domain, sender, helo, receiver);
  }

  /**
   * The {@code Received-SPF} header field, name included, on one line without CRLF (RFC 7208
   * §9.1), e.g. {@code Received-SPF: pass (mx.example.org: domain of a@example.com designates
   * 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from="a@example.com";
   * helo=mail.example.com; receiver=mx.example.org; identity=mailfrom; mechanism="ip4:192.0.2.0/24"}.
   *
   * @return the header field as one line, safe to add to a message whatever DNS or the sender
   *     supplied
   */
  public String receivedSpf() {
    return HeaderText.receivedSpf(this);
  }

  /**
   * The {@code spf} result clause of {@code Authentication-Results} (RFC 8601 §2.7.2), e.g. {@code
   * spf=pass smtp.mailfrom=example.com}, or {@code spf=fail smtp.helo=mail.example.com}.
   *
   * @return the clause without the header name or the authserv-id, safe for a header
   */
  public String authenticationResultsClause() {
    return HeaderText.authenticationResultsClause(this);
  }

  /**
   * A whole {@code Authentication-Results} header field for this result, name included, on one
   * line.
   *
   * @param authservId the receiving domain's authentication service identifier
   * @return e.g. {@code Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com}
   */
  public String authenticationResults(String authservId) {
    return "Authentication-Results: "
        + HeaderText.token(authservId)
        + "; "
        + authenticationResultsClause();
  }
}
