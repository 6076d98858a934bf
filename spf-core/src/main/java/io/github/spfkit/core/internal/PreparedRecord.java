package io.github.spfkit.core.internal;

import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.SpfRecord;
import io.github.spfkit.core.record.SyntaxError;
import io.github.spfkit.core.record.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record as the evaluator uses it: parsed once, with what every evaluation would otherwise
 * compute again worked out in advance: each term's text for the trace, and the name a domain-spec
 * without macros names (expanded, shortened and checked once, RFC 7208 §7.3). Immutable; cached by
 * record text in {@link RecordCache}.
 */
final class PreparedRecord {

  /** One mechanism or {@code redirect}, with its precomputed parts. */
  static final class PreparedTerm {
    final Term term;
    /** The term's text, made on first use (a benign race: every thread computes the same). */
    private @Nullable String text;
    /** The domain-spec to expand, for DNS mechanisms and {@code redirect}; else {@code null}. */
    final @Nullable MacroString spec;
    /** Whether {@link #spec} is {@code %{d}} (or absent): the target is the current domain. */
    final boolean currentDomain;
    /** Whether {@link #spec} has no macros: its target is {@link #literalTarget}. */
    final boolean literal;
    /** For a literal spec, the name to look up, or {@code null} if it is not a usable name. */
    final @Nullable String literalTarget;
    /** Whether {@link #literalTarget} passes {@code check_host()}'s checks of §4.3. */
    final boolean literalTargetChecked;

    PreparedTerm(Term term, @Nullable MacroString spec) {
      this.term = term;
      this.spec = spec;
      this.currentDomain = spec != null && spec.equals(MacroString.CURRENT_DOMAIN);
      this.literal = spec != null && !spec.hasMacros();
      this.literalTarget =
          literal && spec != null ? MacroExpander.toDomainName(spec.literalText()) : null;
      this.literalTargetChecked =
          literalTarget != null && DomainNames.checkHostProblem(literalTarget) == null;
    }

    /** Whether the target is known without expanding macros: {@code %{d}}, or no macro at all. */
    boolean targetKnown() {
      return currentDomain || literal;
    }

    /** The known target (see {@link #targetKnown()}), {@code domain} being current. */
    @Nullable String knownTarget(String domain) {
      return currentDomain ? domain : literalTarget;
    }

    /** The term's canonical text, for the trace. */
    String text() {
      String value = text;
      if (value == null) {
        value = term.toString();
        text = value;
      }
      return value;
    }
  }

  final String text;
  final ParseResult parsed;
  /** The syntax error, or {@code null} for a record that parsed. */
  final @Nullable SyntaxError error;
  /** The mechanisms, in order; empty for a record that did not parse. */
  final List<PreparedTerm> mechanisms;
  final @Nullable PreparedTerm redirect;
  final Modifier.@Nullable Explanation explanation;

  PreparedRecord(String text, ParseResult parsed) {
    this.text = text;
    this.parsed = parsed;
    if (parsed instanceof ParseResult.Invalid invalid) {
      this.error = invalid.error();
      this.mechanisms = List.of();
      this.redirect = null;
      this.explanation = null;
      return;
    }
    SpfRecord record = ((ParseResult.Valid) parsed).record();
    this.error = null;
    List<PreparedTerm> terms = new ArrayList<>(record.terms().size());
    for (Term term : record.terms()) {
      if (term instanceof Mechanism.DnsMechanism dns) {
        terms.add(new PreparedTerm(dns, dns.target()));
      } else if (term instanceof Mechanism mechanism) {
        terms.add(new PreparedTerm(mechanism, null));
      }
    }
    this.mechanisms = List.copyOf(terms);
    Optional<Modifier.Redirect> redirect = record.redirect();
    this.redirect = redirect.map(r -> new PreparedTerm(r, r.domain())).orElse(null);
    this.explanation = record.explanation().orElse(null);
  }
}
