package io.github.spfkit.core;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a result came about, as a tree a tool can draw: the policy of each domain visited, each term
 * evaluated with its outcome and the DNS lookups it made, and nested policies for {@code include}
 * and {@code redirect}.
 *
 * <p>{@link #lines()} draws the tree as text, and {@link #toString()} (of the trace and of each
 * {@link Domain} and {@link TermStep}, which are trees too) is that drawing, one node per line:
 *
 * <pre>
 * example.com [check] -&gt; pass (2 lookups)
 * +-- TXT example.com -&gt; "v=spf1 mx include:_spf.example.net -all"
 * +-- mx: no match
 * |   +-- MX example.com -&gt; mail.example.com
 * |   `-- A mail.example.com -&gt; 192.0.2.10
 * `-- include:_spf.example.net: match
 *     `-- _spf.example.net [include] -&gt; pass (0 lookups)
 *         +-- TXT _spf.example.net -&gt; "v=spf1 ip4:198.51.100.0/25 -all"
 *         `-- ip4:198.51.100.0/25: match
 * </pre>
 *
 * <p>A domain's line gives why it was evaluated, its result and the DNS-querying terms it and its
 * includes used; beneath it come the lookups that fetched its record (and the record itself when
 * it is not the one answer shown, as for a what-if policy), then each term evaluated with its
 * outcome, its own lookups and, for {@code include} and {@code redirect}, the domain it evaluated.
 * Text from DNS is untrusted and is escaped: a TXT answer is quoted with control and non-ASCII
 * characters as {@code \DDD} (one per UTF-8 byte), and in every other label control characters and bidirectional
 * overrides are written as {@code \xHH} or <code>&#92;uHHHH</code>, so a label never breaks its line.
 *
 * @param root the evaluation of the checked domain
 */
public record Trace(Trace.Domain root) {

  /**
   * Checks the root.
   *
   * @param root the evaluation of the checked domain; not null
   * @throws NullPointerException if {@code root} is null
   */
  public Trace {
    Objects.requireNonNull(root, "root");
  }

  /**
   * The tree drawn as text, the checked domain first, with ASCII connectors ({@code +--}, {@code
   * `--}, {@code |}) so it survives any terminal and encoding.
   *
   * @return one line per node, without line breaks in any of them; never empty
   */
  public List<String> lines() {
    return List.copyOf(TraceText.lines(root));
  }

  /**
   * The tree drawn as text: {@link #lines()} joined by line feeds ({@code \n}), without a final
   * one.
   *
   * @return the drawing of the whole evaluation
   */
  @Override
  public String toString() {
    return TraceText.text(TraceText.lines(root));
  }

  /** Why a domain's policy was evaluated. */
  public enum Via {
    /** It is the domain being checked. */
    CHECK,
    /** An {@code include} named it. */
    INCLUDE,
    /** A {@code redirect} named it. */
    REDIRECT
  }

  /**
   * One domain's policy and its evaluation.
   *
   * @param domain the domain
   * @param via why it was evaluated
   * @param record the SPF record found, or {@code null} if none was (or it could not be fetched)
   * @param lookups the lookups that fetched the record
   * @param terms the terms evaluated, in order; evaluation stops at the first match
   * @param result the result of {@code check_host()} for this domain
   * @param dnsTerms DNS-querying terms counted while evaluating this domain and what it includes
   */
  public record Domain(
      String domain,
      Via via,
      @Nullable String record,
      List<Lookup> lookups,
      List<TermStep> terms,
      Result result,
      int dnsTerms) {
    /**
     * Copies the lists, so later changes to the caller's lists do not show.
     *
     * @param domain the domain; not null
     * @param via why it was evaluated; not null
     * @param record the SPF record found, or null if none was
     * @param lookups the lookups that fetched the record; copied, not null, no null elements
     * @param terms the terms evaluated, in order; copied, not null, no null elements
     * @param result the result for this domain; not null
     * @param dnsTerms DNS-querying terms counted for this domain and what it includes, 0 or more
     * @throws NullPointerException if a part that must not be null is null
     */
    public Domain {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(via, "via");
      lookups = List.copyOf(lookups);
      terms = List.copyOf(terms);
      Objects.requireNonNull(result, "result");
    }

    /**
     * This domain's subtree drawn as {@link Trace#lines()} draws the whole tree, joined by line
     * feeds.
     *
     * @return the drawing, this domain's line first
     */
    @Override
    public String toString() {
      return TraceText.text(TraceText.lines(this));
    }
  }

  /** What a term did. */
  public enum Outcome {
    /** The term matched: its qualifier decided the result. */
    MATCH,
    /** The term did not match; evaluation went on. */
    NO_MATCH,
    /** The term ended the evaluation with an error. */
    ERROR,
    /** A modifier that was taken into account ({@code redirect}, {@code exp}). */
    APPLIED
  }

  /**
   * One term's evaluation.
   *
   * @param term the term's canonical text
   * @param outcome what it did
   * @param target the domain it looked at after macro expansion, or {@code null}
   * @param lookups the DNS lookups it made, in order
   * @param nested for {@code include} and {@code redirect}, the policy it evaluated
   * @param detail a note for people (why it matched, which error), or {@code null}
   */
  public record TermStep(
      String term,
      Outcome outcome,
      @Nullable String target,
      List<Lookup> lookups,
      @Nullable Domain nested,
      @Nullable String detail) {
    /**
     * Copies the list, so later changes to the caller's list do not show.
     *
     * @param term the term's canonical text; not null
     * @param outcome what it did; not null
     * @param target the domain it looked at after macro expansion, or null if it looked at none
     * @param lookups the DNS lookups it made, in order; copied, not null, no null elements
     * @param nested the policy an {@code include} or {@code redirect} evaluated, null for others
     * @param detail a note for people, or null
     * @throws NullPointerException if a part that must not be null is null
     */
    public TermStep {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(outcome, "outcome");
      lookups = List.copyOf(lookups);
    }

    /**
     * This term's subtree drawn as {@link Trace#lines()} draws the whole tree, joined by line
     * feeds: the term with its outcome, then its lookups and the domain it evaluated, if any.
     *
     * @return the drawing, the term's line first
     */
    @Override
    public String toString() {
      return TraceText.text(TraceText.lines(this));
    }
  }

  /**
   * One DNS lookup and what it answered.
   *
   * @param name the name asked for
   * @param type the type asked for
   * @param answer the answer
   */
  public record Lookup(String name, RecordType type, DnsAnswer answer) {
    /**
     * Checks all parts.
     *
     * @param name the name asked for; not null
     * @param type the type asked for; not null
     * @param answer the answer; not null
     * @throws NullPointerException if any part is null
     */
    public Lookup {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(answer, "answer");
    }

    /**
     * Whether the answer was NODATA or NXDOMAIN.
     *
     * @return true if it counts as a void lookup (RFC 7208 §4.6.4), false for records or an error
     */
    public boolean isVoid() {
      return answer instanceof DnsAnswer.NoRecords || answer instanceof DnsAnswer.NoSuchDomain;
    }

    /**
     * The lookup on one line, as the trace's drawing shows it: {@code TXT example.com ->
     * "v=spf1 -all"}, {@code A mail.example.com -> 192.0.2.10}, {@code AAAA x.example -> no
     * records (NODATA)}.
     *
     * @return the type, the name and the answer
     */
    @Override
    public String toString() {
      return TraceText.lookup(this);
    }
  }
}
