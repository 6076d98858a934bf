package io.github.spfkit.core;

import io.github.spfkit.core.record.SyntaxError;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a check ended in {@code none}, {@code temperror} or {@code permerror}: a stable kind a program
 * can act on, a message a person can read, and the domain where it happened.
 *
 * @param kind what went wrong
 * @param message a sentence for people, e.g. {@code more than 10 DNS-querying terms}
 * @param domain the domain whose policy or lookup caused it
 * @param syntaxError for {@link Kind#SYNTAX_ERROR}, the error with its position and hint
 */
public record Problem(Kind kind, String message, String domain, @Nullable SyntaxError syntaxError) {

  /**
   * Checks the required parts.
   *
   * @param kind what went wrong; not null
   * @param message a sentence for people; not null
   * @param domain the domain whose policy or lookup caused it; not null
   * @param syntaxError the syntax error for {@link Kind#SYNTAX_ERROR}, null for every other kind
   * @throws NullPointerException if {@code kind}, {@code message} or {@code domain} is null
   */
  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(domain, "domain");
  }

  /** The kinds of problem, each tied to the rule of RFC 7208 that produces it. */
  public enum Kind {
    /** The domain is not a valid, fully qualified domain name (§4.3): {@code none}. */
    INVALID_DOMAIN,
    /** The domain publishes no SPF record (§4.5): {@code none}. */
    NO_RECORD,
    /** More than one SPF record (§4.5): {@code permerror}. */
    MULTIPLE_RECORDS,
    /** A record does not parse (§4.6): {@code permerror}. */
    SYNTAX_ERROR,
    /** More DNS-querying terms than the limit, 10 by default (§4.6.4): {@code permerror}. */
    TOO_MANY_LOOKUPS,
    /** More void lookups than the limit, 2 by default (§4.6.4): {@code permerror}. */
    TOO_MANY_VOID_LOOKUPS,
    /** More MX names than the limit, 10 by default, for one {@code mx} (§4.6.4): {@code permerror}. */
    TOO_MANY_MX_NAMES,
    /** An {@code include} or {@code redirect} names a domain with no SPF record (§5.2, §6.1). */
    INCLUDE_NO_RECORD,
    /** A domain-spec expanded to something that is not a domain name (§4.8, §8.7). */
    INVALID_EXPANSION,
    /** A DNS lookup failed temporarily (§2.6.6): {@code temperror}. */
    DNS_ERROR,
    /** The evaluation took longer than its deadline (§4.6.4, §11.1): {@code temperror}. */
    DEADLINE_EXCEEDED
  }

  /**
   * The message, followed by the domain in parentheses unless the message already names it.
   *
   * @return e.g. {@code no SPF record at example.com}, {@code more than 10 DNS-querying terms
   *     (example.com)}
   */
  @Override
  public String toString() {
    return message.contains(domain) ? message : message + " (" + domain + ")";
  }
}
