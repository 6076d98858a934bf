package io.github.spfkit.dns.differential;

import static io.github.spfkit.dns.differential.Implementation.MAIL_SPF;
import static io.github.spfkit.dns.differential.Implementation.PYSPF;
import static io.github.spfkit.dns.differential.Implementation.SPFKIT;

import io.github.spfkit.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every known kind of disagreement between this library, pyspf and Mail::SPF, each with the RFC
 * 7208 section that decides it and our verdict.
 *
 * <p>Each reference that differs from this library in an observation must be explained by a kind
 * that names it: a case where pyspf differs for one reason and Mail::SPF for another is explained
 * by two kinds. Each condition names the generator's fact behind the kind and the exact results
 * (and, where it tells kinds apart, the error text), so that a new difference in the same area is
 * not taken for a known one. The first kind that matches wins; specific kinds come first.
 */
final class Rules {

  private Rules() {}

  private static final Set<Implementation> PY = Set.of(PYSPF);
  private static final Set<Implementation> PERL = Set.of(MAIL_SPF);
  private static final Set<Implementation> BOTH = Set.of(PYSPF, MAIL_SPF);

  static final List<Rule> ALL =
      List.of(
          new Rule(
              "mx-over-ten-names",
              "§4.6.4",
              Verdict.REFERENCE_DEVIATION,
              PERL,
              "an `mx` with more than 10 MX names: Mail::SPF uses the first 10; §4.6.4 says the"
                  + " mechanism MUST produce permerror, as spfkit and pyspf do",
              (o, r) ->
                  o.has(Fact.MX_OVER_TEN)
                      && o.ourProblem(Problem.Kind.TOO_MANY_MX_NAMES)
                      && !o.result(r).equals("permerror")),
          new Rule(
              "ptr-name-lookup-error",
              "§5.5",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "the address lookup of one PTR name fails (SERVFAIL): pyspf gives temperror; §5.5"
                  + " says that name is skipped and the search goes on, as spfkit and Mail::SPF do",
              (o, r) ->
                  o.has(Fact.PTR_TARGET_SERVFAIL)
                      && o.pyspf().equals("temperror")
                      && o.detail(PYSPF).contains("SERVFAIL")
                      && !o.ours().equals("temperror")),
          new Rule(
              "void-lookup-through-a-cname",
              "§4.6.4",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "a name that is a CNAME to a name without the address asked for: pyspf counts two"
                  + " void lookups (one per name of the chain) and reaches the limit early; it is"
                  + " one lookup that found nothing",
              (o, r) ->
                  o.has(Fact.CNAME_TO_NOTHING)
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("Void lookup limit")
                      && !o.ours().equals("permerror")),
          new Rule(
              "exp-looked-up-before-the-result",
              "§6.2, §4.6.4",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "a record with `exp=` whose text uses `%{p}`: pyspf fetches and expands the"
                  + " explanation while it parses the record, whatever the result, and the PTR"
                  + " lookups of `%{p}` count as void lookups, so the limit comes early; §6.2"
                  + " evaluates exp only for fail",
              (o, r) ->
                  o.anyTxt("exp=")
                      && o.anyTxt("%\\{[pP]")
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("Void lookup limit")
                      && !o.ours().equals("permerror")
                      && o.spfkitResult().voidLookups() == 2),
          new Rule(
              "addresses-after-the-match",
              "§5.4, §5.5, §4.6.4",
              Verdict.OPEN_IN_THE_RFC,
              PY,
              "pyspf looks up the addresses of every MX host (and PTR name) of a term before it"
                  + " compares, so one after the matching one still counts (a void lookup over the"
                  + " limit: permerror; SERVFAIL: temperror); spfkit and Mail::SPF stop at the match."
                  + " §5.4 and §5.5 do not order the lookups",
              (o, r) ->
                  o.anyTxt("(^| )[-+~?]?(mx|ptr)([:/ ]|$)")
                      && (o.pyspf().equals("permerror")
                              && o.detail(PYSPF).contains("Void lookup limit")
                              && !o.ours().equals("permerror")
                          || o.pyspf().equals("temperror")
                              && o.has(Fact.HOST_SERVFAIL)
                              && o.detail(PYSPF).contains("SERVFAIL")
                              && !o.ours().equals("temperror"))),
          new Rule(
              "cname-loop",
              "§4.4, §5",
              Verdict.OPEN_IN_THE_RFC,
              BOTH,
              "a CNAME loop: spfkit reports a DNS failure (temperror); both references read it as"
                  + " no records and go on. RFC 7208 does not mention CNAME loops",
              (o, r) ->
                  o.has(Fact.CNAME_LOOP)
                      && o.ours().equals("temperror")
                      && o.detail(SPFKIT).contains("CNAME loop")
                      && !o.result(r).equals("temperror")),
          new Rule(
              "sender-domain-label-over-63",
              "§4.3",
              Verdict.REFERENCE_DEVIATION,
              PERL,
              "a label over 63 octets in the checked domain: Mail::SPF dies in Net::DNS; §4.3"
                  + " makes the result none, as spfkit and pyspf give",
              (o, r) ->
                  o.has(Fact.INVALID_SENDER_DOMAIN)
                      && o.ours().equals("none")
                      && o.mailSpf().equals("crash")
                      && o.detail(MAIL_SPF).contains("label too long")),
          new Rule(
              "domain-not-valid-is-none",
              "§4.3",
              Verdict.OURS,
              BOTH,
              "a checked domain over 253 characters: spfkit gives none, as §4.3 says for a"
                  + " malformed domain; both references send the query and give temperror",
              (o, r) ->
                  o.has(Fact.INVALID_SENDER_DOMAIN)
                      && o.ourProblem(Problem.Kind.INVALID_DOMAIN)
                      && o.result(r).equals("temperror")),
          new Rule(
              "long-literal-domain-spec",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "a literal domain-spec over 253 characters: pyspf sends it unshortened and its DNS"
                  + " library gives up (temperror); §7.3 drops labels from the left, as spfkit and"
                  + " Mail::SPF do",
              (o, r) ->
                  o.has(Fact.LONG_LITERAL)
                      && o.pyspf().equals("temperror")
                      && o.detail(PYSPF).contains("DNS Timeout")),
          new Rule(
              "cname-answer-not-void",
              "§4.6.4",
              Verdict.OPEN_IN_THE_RFC,
              PERL,
              "a name that is a CNAME to a name without the address asked for: spfkit and pyspf"
                  + " count a void lookup, Mail::SPF does not (the answer holds the CNAME, so its"
                  + " answer count is not 0, which is §4.6.4's wording)",
              (o, r) ->
                  o.has(Fact.CNAME_TO_NOTHING)
                      && o.ourProblem(Problem.Kind.TOO_MANY_VOID_LOOKUPS)
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "unused-redirect-counted",
              "§4.6.4, §6.1",
              Verdict.OURS,
              BOTH,
              "a record that decides before its `redirect=` is used: both references count the"
                  + " redirect against the 10 DNS terms; §4.6.4 limits the terms looked up during"
                  + " evaluation, and a redirect is not used when a mechanism matched or `all` is"
                  + " present (§6.1)",
              (o, r) ->
                  o.anyTxt("redirect=")
                      && o.spfkitResult().dnsTerms() == 10
                      && !o.ours().equals("permerror")
                      && o.result(r).equals("permerror")
                      && (o.detail(r).contains("Too many DNS lookups")
                          || o.detail(r).contains("DNS-interactive terms limit"))),
          new Rule(
              "s-macro-without-local-part",
              "§4.3, §7.2",
              Verdict.OURS,
              BOTH,
              "an identity without a local part (HELO, or MAIL FROM with a bare domain): `%{s}` is"
                  + " postmaster@ the domain for spfkit, as §4.3 substitutes postmaster for the"
                  + " missing local part; Mail::SPF, and pyspf unless given postmaster@ (as its"
                  + " driver does for HELO), expand the bare domain",
              (o, r) ->
                  (o.c().scope() == DiffCase.Scope.HELO || o.has(Fact.NO_LOCAL_PART))
                      && o.anyTxt("%\\{[sS]")
                      && !o.ours().equals("permerror")),
          new Rule(
              "ipv6-i-macro-case",
              "§7.3, §7.4",
              Verdict.OPEN_IN_THE_RFC,
              PERL,
              "in explanations Mail::SPF writes the nibbles of an IPv6 `%{i}` in lower case,"
                  + " spfkit and pyspf in upper case; §7.3 does not say, §7.4's example is lower case",
              (o, r) ->
                  o.ip6Client()
                      && o.ours().equals("fail")
                      && o.mailSpf().equals("fail")
                      && o.explanation(SPFKIT) != null
                      && o.explanation(SPFKIT).equalsIgnoreCase(o.explanation(MAIL_SPF))),
          new Rule(
              "percent-percent-at-the-end",
              "§7.1",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "an explanation ending in `%%`: pyspf rejects it as an invalid macro and falls back"
                  + " to the default explanation; `%%` is a literal `%` (§7.1)",
              (o, r) ->
                  o.ours().equals("fail")
                      && o.pyspf().equals("fail")
                      && o.anyTxt("%%$")
                      && DifferentialTest.DEFAULT_EXPLANATION.equals(o.explanation(PYSPF))),
          new Rule(
              "p-macro-in-exp-over-the-void-limit",
              "§6.2, §4.6.4",
              Verdict.OPEN_IN_THE_RFC,
              PERL,
              "an explanation with `%{p}` when the evaluation used up its void lookups: Mail::SPF"
                  + " counts the PTR lookups of the explanation too and gives no explanation; spfkit"
                  + " and pyspf expand it. §6.2 does not say whether exp's lookups count",
              (o, r) ->
                  o.has(Fact.P_MACRO)
                      && o.ours().equals("fail")
                      && o.mailSpf().equals("fail")
                      && String.valueOf(o.explanation(MAIL_SPF))
                          .startsWith("error: Maximum void DNS look-ups limit")),
          new Rule(
              "macro-digit-zero",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              PY,
              "a macro with the digit transformer 0: pyspf accepts it; §7.3 says the digit MUST be"
                  + " nonzero, and spfkit gives permerror (in exp: the default explanation)",
              (o, r) ->
                  o.has(Fact.MACRO_DIGIT_ZERO)
                      && (o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                              && o.detail(SPFKIT).contains("digit transformer")
                              && !o.pyspf().equals("permerror")
                          || o.ours().equals("fail")
                              && o.pyspf().equals("fail")
                              && DifferentialTest.DEFAULT_EXPLANATION.equals(o.explanation(SPFKIT)))),
          new Rule(
              "macro-syntax-checked-when-expanded",
              "§4.6, §7.1",
              Verdict.REFERENCE_DEVIATION,
              PERL,
              "a macro that breaks the ABNF (an unknown letter) in a term after the deciding one:"
                  + " spfkit and pyspf give permerror for the record (§4.6: syntax errors anywhere);"
                  + " Mail::SPF reads macros only when it expands them",
              (o, r) ->
                  o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.detail(SPFKIT).contains("unknown macro letter")
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "macro-restriction-checked-when-expanded",
              "§7.2, §7.3",
              Verdict.OPEN_IN_THE_RFC,
              PERL,
              "a macro the ABNF admits but §7.2/§7.3 forbid (`c`, `r`, `t` outside exp, the digit"
                  + " 0) in a term after the deciding one: spfkit gives permerror for the record,"
                  + " Mail::SPF only if it expands that term",
              (o, r) ->
                  o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && (o.detail(SPFKIT).contains("digit transformer")
                          || o.detail(SPFKIT).contains("allowed only in explanation"))
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "empty-label-in-a-domain-spec",
              "§4.8, §7.1",
              Verdict.OPEN_IN_THE_RFC,
              BOTH,
              "a literal domain-spec with an empty label (`a:x..test`), which the ABNF admits:"
                  + " spfkit gives permerror for the record, pyspf treats the term as not matching,"
                  + " Mail::SPF dies in Net::DNS",
              (o, r) ->
                  o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.detail(SPFKIT).contains("empty label")
                      && (r == MAIL_SPF
                          ? o.mailSpf().equals("crash") && o.detail(MAIL_SPF).contains("empty label")
                          : !o.pyspf().equals("permerror"))),
          new Rule(
              "ip6-against-an-ipv4-client",
              "§5.6",
              Verdict.REFERENCE_DEVIATION,
              PERL,
              "an `ip6` network that holds the IPv4-mapped form of an IPv4 client (`::ffff:...`,"
                  + " `::/48`, any `/0`): Mail::SPF matches it; §5.6 compares ip6 networks with IPv6"
                  + " clients only",
              (o, r) -> !o.ip6Client() && o.has(Fact.IP6_MAPPED_NETWORK)),
          new Rule(
              "delimiters-rejoined-with-dots",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              BOTH,
              "a macro split on a delimiter other than `.`: §7.3 rejoins the parts with `.`, as"
                  + " spfkit does; pyspf keeps the original delimiters, Mail::SPF keeps them unless"
                  + " it reverses or drops parts",
              (o, r) ->
                  o.has(Fact.DELIMITER_SPLITS)
                      && (!o.result(r).equals(o.ours()) || o.explanationsDifferInDelimitersOnly(r))),
          new Rule(
              "upper-case-macro-not-escaped",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              PERL,
              "an upper-case macro letter: Mail::SPF does not URL-escape the value, as §7.3 asks",
              (o, r) -> o.has(Fact.UPPER_CASE_ESCAPE)),
          new Rule(
              "error-in-a-term-not-reached",
              "§4.6, §7.1",
              Verdict.OPEN_IN_THE_RFC,
              BOTH,
              "a term that fits the ABNF but cannot be used (an empty label), after a term that"
                  + " decides: spfkit reads the whole record first (permerror); both references meet"
                  + " it only if they get there",
              (o, r) ->
                  (o.has(Fact.LATE_SYNTAX_ERROR) || o.ourSyntaxErrorAfterPyspfMatch())
                      && o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && !o.result(r).equals("permerror")));

  /**
   * The kinds that explain an observation, one per reference that differs from this library; empty
   * if they all agree.
   *
   * @return the kinds, or empty if a difference has no kind (then {@link #unexplained} says whose)
   */
  static Optional<List<Rule>> classify(Observation o) {
    List<Rule> kinds = new ArrayList<>();
    for (Implementation reference : List.of(PYSPF, MAIL_SPF)) {
      if (!o.differs(reference)) {
        continue;
      }
      Optional<Rule> kind = ALL.stream().filter(rule -> rule.explains(o, reference)).findFirst();
      if (kind.isEmpty()) {
        return Optional.empty();
      }
      if (!kinds.contains(kind.get())) {
        kinds.add(kind.get());
      }
    }
    return Optional.of(kinds);
  }

  /** The references whose difference from this library no kind explains. */
  static List<Implementation> unexplained(Observation o) {
    List<Implementation> out = new ArrayList<>();
    for (Implementation reference : List.of(PYSPF, MAIL_SPF)) {
      if (o.differs(reference) && ALL.stream().noneMatch(rule -> rule.explains(o, reference))) {
        out.add(reference);
      }
    }
    return out;
  }
}
