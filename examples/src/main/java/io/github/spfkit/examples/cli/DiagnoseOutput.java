package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.MatchedTerm;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.Advice;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.diagnosis.DomainState;
import io.github.spfkit.diagnosis.FactSource;
import io.github.spfkit.diagnosis.FactSources;
import io.github.spfkit.diagnosis.Phrase;
import io.github.spfkit.diagnosis.Evidence;
import io.github.spfkit.diagnosis.Proposal;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.ForwardingSign;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.examples.cli.Language.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.text.MessageFormat;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code spf diagnose}: the report a person reads and the JSON scripts read. The
 * JSON is contract v1, described by {@code examples/schemas/diagnose.schema.json} (one message)
 * and {@code diagnose-record.schema.json} (a JSON Lines record of several): keys in
 * lowerCamelCase, enum values and codes in lower-case kebab case, {@code sender} as the flag names
 * it, {@code spf} as {@code spf check --json} writes it. Stateless.
 */
final class DiagnoseOutput {

  private DiagnoseOutput() {}

  /** The {@code spf diagnose --json} document of one message. */
  static Map<String, @Nullable Object> document(Diagnosis diagnosis, @Nullable ClientName name) {
    return Json.document(fields(diagnosis, name));
  }

  /** The fields of one diagnosis, without {@code schemaVersion}. */
  static Map<String, @Nullable Object> fields(Diagnosis diagnosis, @Nullable ClientName name) {
    BounceFacts facts = diagnosis.facts();
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("spfRelated", diagnosis.spfRelated());
    out.put("category", Json.kebab(diagnosis.category()));
    out.put("cause", Json.kebab(diagnosis.cause()));
    out.put("statusCode", facts.statusCode());
    out.put("replyCode", facts.replyCode());
    out.put("replyText", facts.replyText());
    out.put("rejectingHost", facts.rejectingHost());
    out.put("sender", facts.envelopeSender());
    out.put("domain", diagnosis.domain());
    DomainState state = diagnosis.domainState();
    out.put("domainState", state == null ? null : state.code());
    Result claimed = diagnosis.bounceResult();
    out.put("bounceResult", claimed == null ? null : claimed.token());
    IpAddress ip = diagnosis.ip();
    out.put("ip", ip == null ? null : ip.toString());
    out.put("ipName", name == null ? null : name.name());
    out.put("ipNameSource", name == null ? null : Json.kebab(name.source()));
    out.put("helo", facts.helo());
    Map<String, @Nullable Object> sources = new LinkedHashMap<>();
    sources.put("domain", source(diagnosis.sources().domain()));
    sources.put("ip", source(diagnosis.sources().ip()));
    sources.put("helo", source(diagnosis.sources().helo()));
    out.put("sources", sources);
    out.put("forwarding", facts.forwarded());
    List<Map<String, @Nullable Object>> signs = new ArrayList<>();
    for (ForwardingSign sign : facts.forwarding()) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("code", sign.code());
      item.put("args", sign.args());
      signs.add(item);
    }
    out.put("forwardingSigns", signs);
    List<Map<String, @Nullable Object>> evidence = new ArrayList<>();
    for (Evidence item : diagnosis.evidence()) {
      evidence.add(coded(item.code(), item.text()));
    }
    out.put("evidence", evidence);
    List<Map<String, @Nullable Object>> advice = new ArrayList<>();
    for (Advice item : diagnosis.advice()) {
      advice.add(coded(item.code(), item.text()));
    }
    out.put("advice", advice);
    out.put("proposedRecord", diagnosis.proposedRecord());
    Proposal proposal = diagnosis.proposal();
    out.put("proposedRecordDomain", proposal == null ? null : proposal.domain());
    SpfResult spf = diagnosis.spfResult();
    out.put("spf", spf == null ? null : CheckOutput.fields(spf, false, Limits.RFC));
    LintReport lint = diagnosis.lint();
    out.put("lintFindings", lint == null ? null : LintOutput.findings(lint.findings()));
    out.put("problems", diagnosis.problems());
    return out;
  }

  private static Map<String, @Nullable Object> coded(String code, String text) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("text", text);
    return out;
  }

  private static @Nullable String source(@Nullable FactSource source) {
    return source == null ? null : Json.kebab(source);
  }

  // the one-line description of what failed in a bounce not about SPF: said in the first line
  private static final String WHAT_FAILED = "what-failed";

  /** Evidence the report shows in its own fields, so that each fact is printed once. */
  private static final Set<String> SHOWN_AS_FIELDS =
      Set.of("reply", "spf-result", "record", "lookups", "finding", "proposal-verified", WHAT_FAILED);

  /** The advice whose text carries the proposed record; the report shows the record instead. */
  private static final String APPLY_PROPOSAL = "apply-proposal";

  /**
   * The report a person reads: the first line says in plain words what happened, then what to do
   * (the verified record in its place among the steps), then the evidence, each fact once. Stable
   * codes only with {@code verbose}.
   */
  static List<String> text(Diagnosis diagnosis, @Nullable ClientName name, Language language, boolean verbose) {
    BounceFacts facts = diagnosis.facts();
    List<String> lines = new ArrayList<>();
    Texts.wrap(lines, "", "", headline(diagnosis, name, language));

    lines.add("");
    lines.add(language.text(Label.FIX));
    Proposal proposal = diagnosis.proposal();
    int step = 1;
    boolean proposalShown = false;
    for (Advice advice : diagnosis.advice()) {
      String number = "  " + step++ + ". ";
      String indent = " ".repeat(number.length());
      if (advice.code().equals(APPLY_PROPOSAL) && proposal != null) {
        proposal(lines, number, indent, proposal, language, verbose ? advice.code() : null);
        proposalShown = true;
      } else {
        Texts.wrap(lines, number, indent, advice.text() + (verbose ? " [" + advice.code() + "]" : ""));
      }
    }
    if (proposal != null && !proposalShown) {
      String number = "  " + step + ". ";
      proposal(lines, number, " ".repeat(number.length()), proposal, language, null);
    } else if (diagnosis.advice().isEmpty()) {
      lines.add("  " + language.text(Label.NOTHING_TO_DO));
    }

    lines.add("");
    lines.add(language.text(Label.EVIDENCE));
    String status = join(facts.replyCode(), facts.statusCode());
    String host = facts.rejectingHost();
    if (status != null || facts.replyText() != null) {
      String said = status == null ? "" : host == null ? status : language.format(Label.STATUS_FROM, status, host);
      field(lines, language, Label.BOUNCE_LINE, join(said.isEmpty() ? null : said + (facts.replyText() == null ? "" : ":"), facts.replyText()));
    }
    field(lines, language, Label.SENDER, facts.envelopeSender());
    FactSources sources = diagnosis.sources();
    if (!Objects.equals(diagnosis.domain(), domainOf(facts.envelopeSender())) || sources.domain() == FactSource.USER) {
      field(lines, language, Label.DOMAIN, sourced(diagnosis.domain(), sources.domain(), language));
    }
    IpAddress ip = diagnosis.ip();
    if (ip != null) {
      String client = ip + (name == null ? "" : ", " + name.name());
      List<String> whence = new ArrayList<>();
      if (sources.ip() != null) {
        whence.add(sourceText(sources.ip(), language));
      }
      if (name != null) {
        whence.add(language.text(name.source() == ClientName.Source.RECEIVED ? Label.NAME_FROM_RECEIVED : Label.NAME_FROM_PTR));
      }
      field(lines, language, Label.CLIENT, client + (whence.isEmpty() ? "" : " (" + String.join("; ", whence) + ")"));
    }
    field(lines, language, Label.HELO, sourced(facts.helo(), sources.helo(), language));
    field(
        lines,
        language,
        Label.FORWARDING,
        facts.forwarded()
            ? language.format(Label.FORWARDING_SIGNS, facts.forwarding().size())
            : language.text(Label.NONE_SEEN));
    SpfResult spf = diagnosis.spfResult();
    LintReport lint = diagnosis.lint();
    String domain = diagnosis.domain();
    if (spf == null && lint == null) {
      field(lines, language, Label.SPF_NOW, language.text(Label.NO_LIVE_CHECK));
    } else {
      String record = liveRecord(spf, lint);
      // a record is copied from here: never wrapped
      lines.add(label(language, Label.SPF_RECORD) + (record == null ? noRecord(diagnosis.domainState(), language)
          : record + (domain == null ? "" : "  (" + language.format(Label.PUBLISHED_AT, domain) + ")")));
      if (spf != null) {
        field(lines, language, Label.SPF_NOW, check(spf, language));
      }
      if (lint != null) {
        field(lines, language, Label.LOOKUPS, language.format(Label.LOOKUP_COUNTS,
            lint.lookups(), Limits.RFC.maxDnsTerms(), lint.voidLookups(), Limits.RFC.maxVoidLookups()));
        for (Finding finding : lint.findings()) {
          Texts.wrap(lines, "  - ", "    ", Phrase.of(finding).text(language.locale())
              + (verbose ? " [" + Json.kebab(finding.code()) + "]" : ""));
        }
      }
    }
    for (Evidence evidence : diagnosis.evidence()) {
      if (!SHOWN_AS_FIELDS.contains(evidence.code())) {
        Texts.wrap(lines, "  - ", "    ", evidence.text() + (verbose ? " [" + evidence.code() + "]" : ""));
      }
    }

    if (!diagnosis.problems().isEmpty()) {
      lines.add("");
      lines.add(language.text(Label.UNREADABLE));
      for (String problem : diagnosis.problems()) {
        Texts.wrap(lines, "  - ", "    ", problem);
      }
    }
    if (verbose) {
      lines.add("");
      lines.add(language.text(Label.CODES));
      lines.add("  category:  " + Json.kebab(diagnosis.category()));
      lines.add("  cause:     " + Json.kebab(diagnosis.cause()));
      lines.add("  evidence:  " + String.join(", ", diagnosis.evidence().stream().map(Evidence::code).toList()));
      lines.add("  advice:    " + String.join(", ", diagnosis.advice().stream().map(Advice::code).toList()));
    }
    return lines;
  }

  // the proposal as a step: what it is, then the record as a zone-file line, never wrapped
  private static void proposal(List<String> lines, String number, String indent, Proposal proposal,
      Language language, @Nullable String code) {
    Texts.wrap(lines, number, indent, language.format(Label.PUBLISH, proposal.domain(), proposal.verification().ip())
        + (code == null ? "" : " [" + code + "]"));
    lines.add(indent + "  " + proposal.domain() + ". IN TXT " + quoted(proposal.record()));
  }

  /** The report's first line, in plain words, from the {@code Headlines} bundle of the language. */
  static String headline(Diagnosis diagnosis, @Nullable ClientName name, Language language) {
    ResourceBundle bundle = ResourceBundle.getBundle(
        "io.github.spfkit.examples.cli.Headlines", language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    IpAddress ip = diagnosis.ip();
    String client = ip == null ? bundle.getString("unknown.ip") : ip + (name == null ? "" : " (" + name.name() + ")");
    String domain = diagnosis.domain() == null ? bundle.getString("unknown.domain") : diagnosis.domain();
    String helo = diagnosis.facts().helo() == null ? bundle.getString("unknown.helo") : diagnosis.facts().helo();
    String line = new MessageFormat(bundle.getString(Json.kebab(diagnosis.cause())), language.locale())
        .format(new Object[] {client, domain, helo});
    for (Evidence evidence : diagnosis.evidence()) {
      if (evidence.code().equals(WHAT_FAILED)) {
        line += " " + evidence.text();
      }
    }
    return line;
  }

  private static @Nullable String domainOf(@Nullable String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return (at < 0 ? address : address.substring(at + 1)).toLowerCase(Locale.ROOT);
  }

  private static String sourceText(FactSource source, Language language) {
    return language.text(switch (source) {
      case BOUNCE -> Label.FROM_BOUNCE;
      case USER -> Label.FROM_USER;
      case REPORTING_HOST -> Label.FROM_REPORTING_HOST;
    });
  }

  // where a fact came from, after it: "(from the bounce)", "(given by you)"
  private static @Nullable String sourced(@Nullable String value, @Nullable FactSource source, Language language) {
    if (value == null || source == null) {
      return value;
    }
    return value + " (" + sourceText(source, language) + ")";
  }

  private static String noRecord(@Nullable DomainState state, Language language) {
    if (state instanceof DomainState.NoSuchDomain) {
      return language.text(Label.NO_SUCH_DOMAIN);
    }
    return state instanceof DomainState.Unanswered ? language.text(Label.NO_ANSWER) : language.text(Label.NONE);
  }

  private static @Nullable String liveRecord(@Nullable SpfResult spf, @Nullable LintReport lint) {
    if (spf != null && spf.trace().root().record() != null) {
      return spf.trace().root().record();
    }
    LintNode tree = lint == null ? null : lint.tree();
    return tree == null ? null : tree.record();
  }

  private static String check(SpfResult spf, Language language) {
    MatchedTerm match = spf.match();
    String text = language.format(Label.RESULT_FOR_IP, spf.result().token(), spf.ip());
    if (match != null) {
      return text + " (" + language.format(Label.TERM_IN_DOMAIN, match, match.domain()) + ")";
    }
    Problem problem = spf.problem();
    return problem == null ? text : text + " (" + Phrase.of(problem).text(language.locale()) + ")";
  }

  // A TXT record's presentation form: strings of at most 255 characters, quotes escaped.
  static String quoted(String record) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < record.length(); i += 255) {
      String chunk = record.substring(i, Math.min(record.length(), i + 255));
      parts.add('"' + chunk.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return String.join(" ", parts);
  }

  private static @Nullable String join(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }

  private static String label(Language language, Label label) {
    return "  "
        + String.format(Locale.ROOT, "%-" + language.labelWidth() + "s", language.text(label) + ":");
  }

  private static void field(
      List<String> lines, Language language, Label label, @Nullable String value) {
    if (value == null) {
      return;
    }
    String first = label(language, label);
    Texts.wrap(lines, first, " ".repeat(first.length()), value);
  }
}
