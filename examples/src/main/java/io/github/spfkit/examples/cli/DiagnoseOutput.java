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
import io.github.spfkit.diagnosis.Evidence;
import io.github.spfkit.diagnosis.Proposal;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.ForwardingSign;
import io.github.spfkit.diagnosis.lint.Finding;
import io.github.spfkit.diagnosis.lint.LintNode;
import io.github.spfkit.diagnosis.lint.LintReport;
import io.github.spfkit.examples.cli.Language.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    out.put("lintFindings", lint == null ? null : findings(lint.findings()));
    out.put("problems", diagnosis.problems());
    return out;
  }

  private static Map<String, @Nullable Object> coded(String code, String text) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("text", text);
    return out;
  }

  private static List<Map<String, @Nullable Object>> findings(List<Finding> findings) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Finding finding : findings) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("code", Json.kebab(finding.code()));
      item.put("severity", Json.kebab(finding.severity()));
      item.put("message", finding.message());
      item.put("position", finding.position());
      item.put("domain", finding.domain());
      out.add(item);
    }
    return out;
  }

  private static @Nullable String source(@Nullable FactSource source) {
    return source == null ? null : Json.kebab(source);
  }

  /** The report: the bounce, DNS now, the cause with its evidence, the steps, the record. */
  static List<String> text(Diagnosis diagnosis, Language language, Limits limits) {
    BounceFacts facts = diagnosis.facts();
    List<String> lines = new ArrayList<>();

    lines.add(language.text(Label.BOUNCE));
    String status = join(facts.replyCode(), facts.statusCode());
    field(lines, language, Label.STATUS, status);
    field(lines, language, Label.REPLY, facts.replyText());
    field(lines, language, Label.REJECTED_BY, facts.rejectingHost());
    field(lines, language, Label.CATEGORY, diagnosis.category().name());
    field(lines, language, Label.SENDER, facts.envelopeSender());
    FactSources sources = diagnosis.sources();
    field(lines, language, Label.DOMAIN, sourced(diagnosis.domain(), sources.domain(), language));
    field(lines, language, Label.CLIENT_IP,
        sourced(diagnosis.ip() == null ? null : diagnosis.ip().toString(), sources.ip(), language));
    field(lines, language, Label.HELO, sourced(facts.helo(), sources.helo(), language));
    field(
        lines,
        language,
        Label.FORWARDING,
        facts.forwarded()
            ? language.format(Label.FORWARDING_SIGNS, facts.forwarding().size())
            : language.text(Label.NONE_SEEN));

    lines.add("");
    lines.add(language.text(Label.DNS));
    SpfResult spf = diagnosis.spfResult();
    LintReport lint = diagnosis.lint();
    String record = liveRecord(spf, lint);
    if (spf == null && lint == null) {
      lines.add("  " + language.text(Label.NO_LIVE_CHECK));
    } else {
      // a record is copied from here: never wrapped
      lines.add(label(language, Label.SPF_RECORD) + (record == null ? noRecord(diagnosis.domainState(), language) : record));
      if (spf != null) {
        field(lines, language, Label.SPF_CHECK, check(spf, language));
      }
      if (lint != null) {
        field(
            lines,
            language,
            Label.LOOKUPS,
            lint.lookups()
                + "/"
                + limits.maxDnsTerms()
                + ", void "
                + lint.voidLookups()
                + "/"
                + limits.maxVoidLookups());
        if (language == Language.EN) {
          // the lint's own wording is English; in other languages the evidence below says it
          lines.addAll(LintOutput.findingLines(lint.findings(), "  "));
        }
      }
    }

    lines.add("");
    lines.add(language.text(Label.CAUSE) + ": " + diagnosis.cause().name());
    for (Evidence evidence : diagnosis.evidence()) {
      Texts.wrap(lines, "  - ", "    ", evidence.text());
    }

    lines.add("");
    lines.add(language.text(Label.STEPS));
    int step = 1;
    for (Advice advice : diagnosis.advice()) {
      String number = "  " + step++ + ". ";
      Texts.wrap(lines, number, " ".repeat(number.length()), advice.text());
    }
    if (diagnosis.advice().isEmpty()) {
      lines.add("  " + language.text(Label.NONE));
    }

    lines.add("");
    Proposal proposal = diagnosis.proposal();
    if (proposal == null) {
      lines.add(language.text(Label.PROPOSAL) + ": " + language.text(Label.NO_PROPOSAL));
    } else {
      SpfResult verification = proposal.verification();
      lines.add(
          language.text(Label.PROPOSAL)
              + " ("
              + language.format(
                  Label.VERIFIED, verification.result().token(), verification.ip())
              + ")");
      lines.add("  " + proposal.domain() + ". IN TXT " + quoted(proposal.record()));
    }

    if (!diagnosis.problems().isEmpty()) {
      lines.add("");
      lines.add(language.text(Label.UNREADABLE));
      for (String problem : diagnosis.problems()) {
        Texts.wrap(lines, "  - ", "    ", problem);
      }
    }
    return lines;
  }

  // where a fact came from, after it: "(from the bounce)", "(given: --ip)"
  private static @Nullable String sourced(@Nullable String value, @Nullable FactSource source, Language language) {
    if (value == null || source == null) {
      return value;
    }
    Label label = switch (source) {
      case BOUNCE -> Label.FROM_BOUNCE;
      case USER -> Label.FROM_USER;
      case REPORTING_HOST -> Label.FROM_REPORTING_HOST;
    };
    return value + " (" + language.text(label) + ")";
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
    // check_host()'s problem text is English; the evidence below says it in the report's language
    return problem == null || language != Language.EN ? text : text + " (" + problem.message() + ")";
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
