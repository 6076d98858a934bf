package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.Qualifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.Term;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.SpfLinter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes candidate records for a cause and keeps the first one that is proven: evaluated with
 * the candidate in place of the published record against the same DNS it passes for the bounced
 * IP, and it lints without errors.
 */
final class Proposer {
  /** Terms a flattened include may add at most. */
  private static final int MAX_FLAT_TERMS = 40;

  /** What the proposal is for. */
  record Target(
      String domain,
      IpAddress ip,
      String sender,
      boolean helo,
      List<String> records,
      @Nullable LintReport lint) {}

  private final SpfChecker checker;
  private final SpfLinter linter;
  private final DeadlineDns dns;
  private final int maxLookups;

  Proposer(SpfChecker checker, SpfLinter linter, DeadlineDns dns, int maxLookups) {
    this.checker = checker;
    this.linter = linter;
    this.dns = dns;
    this.maxLookups = maxLookups;
  }

  @Nullable Proposal propose(Cause cause, Target target) {
    for (String candidate : candidates(cause, target)) {
      if (dns.expired()) {
        return null;
      }
      Proposal proposal = verify(candidate, target);
      if (proposal != null) {
        return proposal;
      }
    }
    return null;
  }

  @Nullable Proposal verify(String candidate, Target target) {
    SpfResult result;
    try {
      result =
          target.helo()
              ? checker.check().ip(target.ip()).helo(target.domain()).policy(candidate).evaluate()
              : checker
                  .check()
                  .ip(target.ip())
                  .mailFrom(target.sender())
                  .policy(candidate)
                  .evaluate();
    } catch (RuntimeException e) {
      return null;
    }
    if (result.result() != Result.PASS) {
      return null;
    }
    LintReport lint = linter.lint(target.domain(), candidate);
    if (lint.hasErrors()) {
      return null;
    }
    return new Proposal(target.domain(), candidate, result, lint, target.records().isEmpty());
  }

  private List<String> candidates(Cause cause, Target t) {
    Set<String> out = new LinkedHashSet<>();
    String ipTerm = RecordEdits.ipTerm(t.ip());
    String record = t.records().size() == 1 ? t.records().get(0) : null;
    switch (cause) {
      case IP_NOT_AUTHORIZED:
      case RECEIVER_POLICY:
        if (record != null) {
          out.add(RecordEdits.insert(record, ipTerm));
        }
        break;
      case HELO_FAILED:
        if (record == null) {
          out.add("v=spf1 a -all");
          out.add("v=spf1 " + ipTerm + " -all");
        } else {
          out.add(RecordEdits.insert(record, ipTerm));
        }
        break;
      case NO_SPF_RECORD:
        out.add("v=spf1 " + ipTerm + " ~all");
        break;
      case MULTIPLE_RECORDS:
        if (t.records().size() > 1) {
          String merged = RecordEdits.merge(t.records());
          out.add(merged);
          out.add(RecordEdits.insert(merged, ipTerm));
        }
        break;
      case SYNTAX_ERROR:
        if (record != null) {
          String repaired = repair(record);
          if (repaired != null) {
            out.add(repaired);
            out.add(RecordEdits.insert(repaired, ipTerm));
          }
          String dropped = dropBrokenIncludes(record, t);
          if (dropped != null) {
            out.add(dropped);
            out.add(RecordEdits.insert(dropped, ipTerm));
          }
        }
        break;
      case TOO_MANY_VOID_LOOKUPS:
        if (record != null && t.lint() != null) {
          String dropped =
              RecordEdits.dropTargets(record, t.domain(), lower(t.lint().voidNames()));
          out.add(dropped);
          out.add(RecordEdits.insert(dropped, ipTerm));
        }
        break;
      case TOO_MANY_LOOKUPS:
        if (record != null && t.lint() != null && t.lint().tree() != null) {
          for (String c : flatten(record, t.lint().tree())) {
            out.add(c);
            out.add(RecordEdits.insert(c, ipTerm));
          }
        }
        break;
      default:
        break;
    }
    return new ArrayList<>(out);
  }

  /** The record with its syntax errors repaired one by one, or {@code null} if that fails. */
  static @Nullable String repair(String record) {
    String current = record.trim();
    for (int i = 0; i < 8; i++) {
      ParseResult parsed = RecordParser.parse(current);
      if (parsed instanceof ParseResult.Valid) {
        return current.equals(record.trim()) ? null : current;
      }
      int position = ((ParseResult.Invalid) parsed).error().position();
      String next = RecordEdits.fixAt(current, position);
      if (next == null || next.equals(current)) {
        return null;
      }
      current = next;
    }
    return null;
  }

  /** The record without includes of domains whose records are missing or broken. */
  private static @Nullable String dropBrokenIncludes(String record, Target t) {
    LintReport lint = t.lint();
    if (lint == null) {
      return null;
    }
    Set<String> broken = new HashSet<>();
    for (Finding f : lint.findings()) {
      if (!f.domain().equalsIgnoreCase(t.domain())
          && (f.code() == Finding.Code.SYNTAX_ERROR
              || f.code() == Finding.Code.INCLUDE_NO_RECORD
              || f.code() == Finding.Code.MULTIPLE_RECORDS)) {
        broken.add(f.domain().toLowerCase(Locale.ROOT));
      }
    }
    if (broken.isEmpty()) {
      return null;
    }
    String dropped = RecordEdits.dropTargets(record, t.domain(), broken);
    return dropped.equals(record) ? null : dropped;
  }

  /**
   * Candidates under the lookup limit: the biggest includes replaced by the addresses they
   * authorize, then, failing that, the biggest includes removed.
   */
  private List<String> flatten(String record, LintNode tree) {
    List<String> out = new ArrayList<>();
    List<LintNode> includes = new ArrayList<>();
    for (LintNode child : tree.children()) {
      if (child.via() == Trace.Via.INCLUDE) {
        includes.add(child);
      }
    }
    includes.sort(Comparator.comparingInt(LintNode::lookups).reversed());
    String flat = record;
    int total = tree.lookups();
    for (LintNode include : includes) {
      if (total <= maxLookups) {
        break;
      }
      List<String> terms = addresses(include, 0);
      if (terms == null) {
        continue;
      }
      String replaced = replaceInclude(flat, include.domain(), terms);
      if (replaced != null) {
        flat = replaced;
        total -= include.lookups();
      }
    }
    if (total <= maxLookups && !flat.equals(record)) {
      out.add(flat);
    }
    String dropped = record;
    total = tree.lookups();
    for (LintNode include : includes) {
      if (total <= maxLookups) {
        break;
      }
      String next = replaceInclude(dropped, include.domain(), List.of());
      if (next != null) {
        dropped = next;
        total -= include.lookups();
      }
    }
    if (total <= maxLookups && !dropped.equals(record)) {
      out.add(dropped);
    }
    return out;
  }

  private static @Nullable String replaceInclude(String record, String domain, List<String> terms) {
    List<String> tokens = RecordEdits.tokens(record);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String name = RecordEdits.name(token);
      String target = RecordEdits.target(token);
      boolean pass = token.charAt(0) != '-' && token.charAt(0) != '~' && token.charAt(0) != '?';
      if (name.equals("include") && pass && domain.equalsIgnoreCase(target)) {
        tokens.remove(i);
        tokens.addAll(i, terms);
        return RecordEdits.join(tokens);
      }
    }
    return null;
  }

  /**
   * The ip4:/ip6: terms that a node's record authorizes (pass qualifiers only), resolving {@code a}
   * and {@code mx}; {@code null} when it cannot be flattened (macros, {@code exists}, {@code ptr},
   * too many terms, DNS failures).
   */
  private @Nullable List<String> addresses(LintNode node, int depth) {
    String record = node.record();
    if (record == null || depth > 5) {
      return null;
    }
    ParseResult parsed = RecordParser.parse(record);
    if (!(parsed instanceof ParseResult.Valid valid)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Term term : valid.record().terms()) {
      if (term instanceof Mechanism.All) {
        break;
      }
      if (term instanceof Modifier.Redirect redirect) {
        if (valid.record().mechanisms().stream().anyMatch(m -> m instanceof Mechanism.All)) {
          continue;
        }
        LintNode child = child(node, literal(redirect.domain()));
        List<String> more = child == null ? null : addresses(child, depth + 1);
        if (more == null) {
          return null;
        }
        out.addAll(more);
        continue;
      }
      if (!(term instanceof Mechanism mechanism)) {
        continue;
      }
      if (mechanism.qualifier() != Qualifier.PASS) {
        if (mechanism.queriesDns()) {
          return null;
        }
        continue;
      }
      if (mechanism instanceof Mechanism.Ip4 || mechanism instanceof Mechanism.Ip6) {
        out.add(mechanism.toString());
      } else if (mechanism instanceof Mechanism.A a) {
        String target = a.domain() == null ? node.domain() : literal(a.domain());
        if (target == null || !resolve(target, a.ip4Prefix(), a.ip6Prefix(), out)) {
          return null;
        }
      } else if (mechanism instanceof Mechanism.Mx mx) {
        String target = mx.domain() == null ? node.domain() : literal(mx.domain());
        if (target == null) {
          return null;
        }
        DnsAnswer answer = dns.get(target, RecordType.MX);
        if (answer instanceof DnsAnswer.Records records) {
          for (String host : records.data()) {
            if (!resolve(host, mx.ip4Prefix(), mx.ip6Prefix(), out)) {
              return null;
            }
          }
        } else if (answer instanceof DnsAnswer.TemporaryFailure) {
          return null;
        }
      } else if (mechanism instanceof Mechanism.Include include) {
        LintNode child = child(node, literal(include.domain()));
        List<String> more = child == null ? null : addresses(child, depth + 1);
        if (more == null) {
          return null;
        }
        out.addAll(more);
      } else {
        return null;
      }
      if (out.size() > MAX_FLAT_TERMS) {
        return null;
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(out));
  }

  private boolean resolve(String host, int prefix4, int prefix6, List<String> out) {
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
      DnsAnswer answer = dns.get(host, type);
      if (answer instanceof DnsAnswer.TemporaryFailure) {
        return false;
      }
      if (answer instanceof DnsAnswer.Records records) {
        for (String address : records.data()) {
          boolean v4 = type == RecordType.A;
          int prefix = v4 ? prefix4 : prefix6;
          int full = v4 ? 32 : 128;
          out.add((v4 ? "ip4:" : "ip6:") + address + (prefix == full ? "" : "/" + prefix));
        }
      }
    }
    return true;
  }

  private static @Nullable LintNode child(LintNode node, @Nullable String domain) {
    if (domain == null) {
      return null;
    }
    for (LintNode child : node.children()) {
      if (child.domain().equalsIgnoreCase(domain)) {
        return child;
      }
    }
    return null;
  }

  private static @Nullable String literal(MacroString spec) {
    if (spec.hasMacros()) {
      return null;
    }
    String text = spec.literalText();
    while (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.isEmpty() ? null : text;
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
