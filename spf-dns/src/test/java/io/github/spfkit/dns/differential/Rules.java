package io.github.spfkit.dns.differential;

import static io.github.spfkit.dns.differential.Implementation.MAIL_SPF;
import static io.github.spfkit.dns.differential.Implementation.PYSPF;
import static io.github.spfkit.dns.differential.Implementation.SPFKIT;

import io.github.spfkit.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every known kind of disagreement between this library, pyspf and Mail::SPF, each with the RFC
 * 7208 section that decides it and our verdict. Each condition names the generator's fact behind
 * the kind and the exact pattern of results (and, where it tells kinds apart, the error text), so
 * that a new difference in the same area is not taken for a known one.
 */
final class Rules {

  private Rules() {}

  static final List<Rule> ALL =
      List.of(
          new Rule(
              "mx-over-ten-names",
              "§4.6.4",
              Verdict.REFERENCE_DEVIATION,
              "an `mx` with more than 10 MX names: Mail::SPF uses the first 10, §4.6.4 says the"
                  + " mechanism MUST produce permerror",
              o ->
                  o.has(Fact.MX_OVER_TEN)
                      && o.ourProblem(Problem.Kind.TOO_MANY_MX_NAMES)
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("More than 10 MX records")
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "ptr-name-lookup-error",
              "§5.5",
              Verdict.REFERENCE_DEVIATION,
              "the address lookup of one PTR name fails (SERVFAIL): pyspf gives temperror, §5.5"
                  + " says that name is skipped and the search goes on",
              o ->
                  o.has(Fact.PTR_TARGET_SERVFAIL)
                      && o.pyspf().equals("temperror")
                      && o.detail(PYSPF).contains("SERVFAIL")
                      && !o.ours().equals("temperror")
                      && o.ours().equals(o.mailSpf())),
          new Rule(
              "addresses-after-the-match",
              "§5.4, §5.5, §4.6.4",
              Verdict.OPEN_IN_THE_RFC,
              "pyspf looks up the addresses of every MX host (PTR name) before it compares, so one"
                  + " after the matching one still counts (a void lookup over the limit: permerror;"
                  + " SERVFAIL: temperror); spfkit and Mail::SPF stop at the match. §5.4 and §5.5 do"
                  + " not order the lookups",
              o ->
                  (o.ourMatchIs("mx") || o.ourMatchIs("ptr"))
                      && o.ours().equals(o.mailSpf())
                      && (o.pyspf().equals("permerror") && o.detail(PYSPF).contains("Void lookup limit")
                          || o.pyspf().equals("temperror") && o.has(Fact.HOST_SERVFAIL))),
          new Rule(
              "cname-loop",
              "§2.6.6, §5",
              Verdict.OPEN_IN_THE_RFC,
              "a CNAME loop: spfkit reports a DNS failure (temperror); both references read it as"
                  + " no records and go on. RFC 7208 does not mention CNAME loops",
              o ->
                  o.has(Fact.CNAME_LOOP)
                      && o.ours().equals("temperror")
                      && o.detail(SPFKIT).contains("CNAME loop")
                      && o.pyspf().equals(o.mailSpf())),
          new Rule(
              "sender-domain-label-over-63",
              "§4.3",
              Verdict.REFERENCE_DEVIATION,
              "a label over 63 octets in the checked domain: Mail::SPF dies in Net::DNS; §4.3"
                  + " makes the result none, as spfkit and pyspf give",
              o ->
                  o.has(Fact.INVALID_SENDER_DOMAIN)
                      && o.ours().equals("none")
                      && o.pyspf().equals("none")
                      && o.mailSpf().equals("crash")
                      && o.detail(MAIL_SPF).contains("label too long")),
          new Rule(
              "ipv6-i-macro-case",
              "§7.3, §7.4",
              Verdict.OPEN_IN_THE_RFC,
              "in explanations Mail::SPF writes the nibbles of an IPv6 `%{i}` in lower case,"
                  + " spfkit and pyspf in upper case; §7.3 does not say, §7.4's example is lower case",
              o ->
                  o.resultsAgree()
                      && o.ip6Client()
                      && Objects.equals(o.explanation(SPFKIT), o.explanation(PYSPF))
                      && o.explanation(SPFKIT) != null
                      && o.explanation(SPFKIT).equalsIgnoreCase(o.explanation(MAIL_SPF))),
          new Rule(
              "s-macro-without-local-part",
              "§4.3, §7.3",
              Verdict.OURS,
              "an identity without a local part (HELO, or MAIL FROM with a bare domain): `%{s}` is"
                  + " postmaster@ the domain for spfkit, as §4.3 substitutes postmaster for the missing"
                  + " local part; Mail::SPF (and pyspf, unless given postmaster@ as for HELO here)"
                  + " expand the bare domain",
              o ->
                  (o.c().scope() == DiffCase.Scope.HELO || o.has(Fact.NO_LOCAL_PART))
                      && o.anyTxt("%\\{[sS]")
                      && !o.ours().equals("permerror")
                      && (!o.ours().equals(o.mailSpf())
                          || !Objects.equals(o.explanation(SPFKIT), o.explanation(MAIL_SPF)))
                      && (o.pyspf().equals(o.ours()) || o.pyspf().equals(o.mailSpf()))),
          new Rule(
              "macro-digit-zero",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              "a macro with the digit transformer 0: pyspf accepts it; §7.3 says the digit MUST be"
                  + " nonzero, and spfkit and Mail::SPF give permerror",
              o ->
                  o.has(Fact.MACRO_DIGIT_ZERO)
                      && o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.detail(SPFKIT).contains("digit transformer")
                      && o.mailSpf().equals("permerror")
                      && !o.pyspf().equals("permerror")),
          new Rule(
              "error-in-a-term-not-reached",
              "§4.6, §7.1",
              Verdict.OPEN_IN_THE_RFC,
              "a term that fits the ABNF but cannot be used (an empty label, `%{d0}`), after a term"
                  + " that matches: spfkit reads the whole record first (permerror); both references"
                  + " meet it only if they get there",
              o ->
                  (o.has(Fact.LATE_SYNTAX_ERROR) || o.ourSyntaxErrorAfterPyspfMatch())
                      && o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.pyspf().equals(o.mailSpf())
                      && !o.pyspf().equals("permerror")),
          new Rule(
              "empty-label-in-a-domain-spec",
              "§4.8, §7.1",
              Verdict.OPEN_IN_THE_RFC,
              "a literal domain-spec with an empty label (`a:x..test`), which the ABNF admits:"
                  + " spfkit gives permerror for the record, pyspf treats the term as not matching,"
                  + " Mail::SPF dies in Net::DNS",
              o ->
                  o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.detail(SPFKIT).contains("empty label")
                      && !o.pyspf().equals("permerror")
                      && o.mailSpf().equals("crash")
                      && o.detail(MAIL_SPF).contains("empty label")),
          new Rule(
              "void-lookup-through-a-cname",
              "§4.6.4",
              Verdict.REFERENCE_DEVIATION,
              "a name that is a CNAME to a name without the address asked for: pyspf counts two void"
                  + " lookups (one per name of the chain) and reaches the limit early; it is one"
                  + " lookup that found nothing",
              o ->
                  o.has(Fact.CNAME_TO_NOTHING)
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("Void lookup limit")
                      && o.spfkitResult().voidLookups() <= 2
                      && o.ours().equals(o.mailSpf())),
          new Rule(
              "cname-answer-not-void",
              "§4.6.4",
              Verdict.OPEN_IN_THE_RFC,
              "a name that is a CNAME to a name without the address asked for: spfkit and pyspf"
                  + " count a void lookup, Mail::SPF does not (the answer holds the CNAME, so its"
                  + " answer count is not 0, which is §4.6.4's wording)",
              o ->
                  o.has(Fact.CNAME_TO_NOTHING)
                      && o.ourProblem(Problem.Kind.TOO_MANY_VOID_LOOKUPS)
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("Void lookup limit")
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "unused-redirect-counted",
              "§4.6.4, §6.1",
              Verdict.OURS,
              "a record that decides before its `redirect=` is used: both references count the"
                  + " redirect against the 10 DNS terms; §4.6.4 limits the terms looked up during"
                  + " evaluation, and a redirect is not used when a mechanism matched or `all` is"
                  + " present (§6.1)",
              o ->
                  o.anyTxt("redirect=")
                      && o.spfkitResult().dnsTerms() == 10
                      && !o.ours().equals("permerror")
                      && o.pyspf().equals("permerror")
                      && o.detail(PYSPF).contains("Too many DNS lookups")
                      && o.mailSpf().equals("permerror")
                      && o.detail(MAIL_SPF).contains("DNS-interactive terms limit")),
          new Rule(
              "domain-not-valid-is-none",
              "§4.3",
              Verdict.OURS,
              "a checked domain over 253 characters: spfkit gives none, as §4.3 says for a"
                  + " malformed domain; both references send the query and give temperror",
              o ->
                  o.has(Fact.INVALID_SENDER_DOMAIN)
                      && o.ours().equals("none")
                      && o.ourProblem(Problem.Kind.INVALID_DOMAIN)
                      && o.pyspf().equals("temperror")
                      && o.mailSpf().equals("temperror")),
          new Rule(
              "ip6-against-an-ipv4-client",
              "§5.6",
              Verdict.REFERENCE_DEVIATION,
              "an `ip6` network that holds the IPv4-mapped form of an IPv4 client: Mail::SPF"
                  + " matches it; §5.6 compares ip6 networks with IPv6 clients only",
              o ->
                  !o.ip6Client()
                      && o.detail(MAIL_SPF).matches("Mechanism '[-+~?]?ip6:.*' matched")
                      && o.ours().equals(o.pyspf())),
          new Rule(
              "percent-percent-at-the-end",
              "§7.1",
              Verdict.REFERENCE_DEVIATION,
              "an explanation ending in `%%`: pyspf rejects it as an invalid macro and falls back to"
                  + " the default explanation; `%%` is a literal `%` (§7.1)",
              o ->
                  o.resultsAgree()
                      && o.ours().equals("fail")
                      && o.anyTxt("%%$")
                      && "DEFAULT".equals(o.explanation(PYSPF))
                      && Objects.equals(o.explanation(SPFKIT), o.explanation(MAIL_SPF))),
          new Rule(
              "upper-case-macro-not-escaped",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              "an upper-case macro letter: Mail::SPF does not URL-escape the value, as §7.3 asks",
              o ->
                  o.has(Fact.UPPER_CASE_ESCAPE)
                      && o.ours().equals(o.pyspf())
                      && !o.mailSpf().equals(o.ours())),
          new Rule(
              "exp-only-macro-outside-exp",
              "§7.2, §4.6",
              Verdict.REFERENCE_DEVIATION,
              "`c`, `r` or `t` in a domain-spec: spfkit and pyspf give permerror for the record;"
                  + " Mail::SPF only when it expands that term, so an earlier match wins",
              o ->
                  o.has(Fact.EXP_ONLY_MACRO_OUTSIDE_EXP)
                      && o.ourProblem(Problem.Kind.SYNTAX_ERROR)
                      && o.detail(SPFKIT).contains("allowed only in explanation")
                      && o.pyspf().equals("permerror")
                      && !o.mailSpf().equals("permerror")),
          new Rule(
              "long-literal-domain-spec",
              "§7.3",
              Verdict.REFERENCE_DEVIATION,
              "a literal domain-spec over 253 characters: pyspf sends it unshortened and its DNS"
                  + " library gives up (temperror); §7.3 drops labels from the left, as spfkit and"
                  + " Mail::SPF do",
              o ->
                  o.has(Fact.LONG_LITERAL)
                      && o.pyspf().equals("temperror")
                      && o.detail(PYSPF).contains("DNS Timeout")
                      && o.ours().equals(o.mailSpf())));

  /** The first rule that matches a disagreeing observation. */
  static Optional<Rule> classify(Observation o) {
    return ALL.stream().filter(rule -> rule.matches().test(o)).findFirst();
  }
}
