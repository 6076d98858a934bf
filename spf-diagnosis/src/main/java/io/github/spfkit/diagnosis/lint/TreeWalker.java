package io.github.spfkit.diagnosis.lint;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.Qualifier;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.Term;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** One lint run: walks the tree depth first, in evaluation order. Not thread safe; one per lint. */
final class TreeWalker {
  /** Nested includes followed at most; deeper trees are past any limit anyway. */
  private static final int MAX_DEPTH = 12;
  /** Records read at most in one tree. */
  private static final int MAX_NODES = 64;

  private final DnsLookup dns;
  private final Limits limits;
  private final long deadlineNanos;
  private final Map<String, DnsAnswer> cache = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> voidNames = new ArrayList<>();
  private final Deque<String> path = new ArrayDeque<>();
  private int nodes;

  TreeWalker(DnsLookup dns, Limits limits, Duration timeout) {
    this.dns = dns;
    this.limits = limits;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  LintReport lint(String rawDomain, @Nullable String whatIf) {
    String domain = normalize(rawDomain);
    LintNode tree;
    if (!looksLikeDomain(domain)) {
      add(Finding.Code.NO_RECORD, "'" + rawDomain + "' is not a domain name", null, domain);
      tree = null;
    } else {
      tree = visit(domain, Trace.Via.CHECK, whatIf, 0);
    }
    int lookups = tree == null ? 0 : tree.lookups();
    if (tree != null && lookups > limits.maxDnsTerms()) {
      add(
          Finding.Code.TOO_MANY_LOOKUPS,
          lookups + " DNS-querying terms when nothing matches, more than the limit of "
              + limits.maxDnsTerms() + ": " + tree.chain(),
          null,
          domain);
    }
    if (voidNames.size() > limits.maxVoidLookups()) {
      add(
          Finding.Code.TOO_MANY_VOID_LOOKUPS,
          voidNames.size() + " void lookups, more than the limit of " + limits.maxVoidLookups()
              + ": " + String.join(", ", voidNames),
          null,
          domain);
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity));
    return new LintReport(domain, whatIf, lookups, voidNames.size(), voidNames, sorted, tree);
  }

  private LintNode visit(String domain, Trace.Via via, @Nullable String whatIf, int depth) {
    nodes++;
    String record = whatIf == null ? fetchRecord(domain, via) : whatIf.trim();
    if (whatIf == null && via == Trace.Via.CHECK) {
      checkTypeSpf(domain);
    }
    if (record == null) {
      return new LintNode(domain, via, null, 0, 0, List.of());
    }
    checkLength(domain, record, whatIf != null);
    ParseResult parsed;
    try {
      parsed = RecordParser.parse(record);
    } catch (RuntimeException e) {
      add(Finding.Code.SYNTAX_ERROR, "record could not be parsed: " + e, 0, domain);
      return new LintNode(domain, via, record, 0, 0, List.of());
    }
    if (parsed instanceof ParseResult.Invalid invalid) {
      add(
          Finding.Code.SYNTAX_ERROR,
          invalid.error().toString(),
          Math.min(invalid.error().position(), record.length()),
          domain);
      return new LintNode(domain, via, record, 0, 0, List.of());
    }
    ParseResult.Valid valid = (ParseResult.Valid) parsed;
    List<Term> terms = valid.record().terms();
    List<Integer> positions = valid.positions();
    int allIndex = -1;
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof Mechanism.All) {
        allIndex = i;
        break;
      }
    }
    path.push(domain.toLowerCase(Locale.ROOT));
    int own = 0;
    List<LintNode> children = new ArrayList<>();
    Modifier.Redirect redirect = null;
    int redirectPosition = 0;
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      int position = positions.get(i);
      if (allIndex >= 0 && i > allIndex && term instanceof Mechanism) {
        add(
            Finding.Code.TERMS_AFTER_ALL,
            "'" + term + "' comes after '" + terms.get(allIndex) + "' and is never evaluated",
            position,
            domain);
        continue;
      }
      if (term instanceof Mechanism.All all) {
        if (all.qualifier() == Qualifier.PASS) {
          add(Finding.Code.PASS_ALL, "'+all' authorizes every host on the Internet", position, domain);
        } else if (all.qualifier() == Qualifier.NEUTRAL) {
          add(
              Finding.Code.NEUTRAL_ALL,
              "'?all' says nothing about hosts the record does not list",
              position,
              domain);
        }
      } else if (term instanceof Mechanism.Include include) {
        own++;
        String target = literal(include.domain());
        if (target != null) {
          LintNode child = descend(target, Trace.Via.INCLUDE, position, domain, depth);
          if (child != null) {
            children.add(child);
          }
        }
      } else if (term instanceof Mechanism.A a) {
        own++;
        String target = a.domain() == null ? domain : literal(a.domain());
        if (target != null) {
          query(target, RecordType.A, position, domain, "a");
        }
      } else if (term instanceof Mechanism.Mx mx) {
        own++;
        String target = mx.domain() == null ? domain : literal(mx.domain());
        if (target != null) {
          DnsAnswer answer = query(target, RecordType.MX, position, domain, "mx");
          if (answer instanceof DnsAnswer.Records records
              && records.data().size() > limits.maxMxNames()) {
            add(
                Finding.Code.TOO_MANY_MX,
                "'" + term + "': " + target + " has " + records.data().size()
                    + " MX names, more than the limit of " + limits.maxMxNames(),
                position,
                domain);
          }
        }
      } else if (term instanceof Mechanism.Ptr) {
        own++;
        add(
            Finding.Code.PTR_MECHANISM,
            "'" + term + "' is slow, unreliable and discouraged (RFC 7208 5.5); list the addresses",
            position,
            domain);
      } else if (term instanceof Mechanism.Exists exists) {
        own++;
        String target = literal(exists.domain());
        if (target != null) {
          query(target, RecordType.A, position, domain, "exists");
        }
      } else if (term instanceof Modifier.Redirect r) {
        if (allIndex >= 0) {
          add(
              Finding.Code.REDIRECT_WITH_ALL,
              "'" + term + "' is ignored because the record has '" + terms.get(allIndex) + "'",
              position,
              domain);
        } else {
          redirect = r;
          redirectPosition = position;
        }
      } else if (term instanceof Modifier.Explanation exp) {
        checkExplanation(exp, position, domain);
      } else if (term instanceof Modifier.Unknown unknown) {
        add(
            Finding.Code.UNKNOWN_MODIFIER,
            "unknown modifier '" + unknown.name() + "' is ignored by receivers",
            position,
            domain);
      }
    }
    if (redirect != null) {
      own++;
      String target = literal(redirect.domain());
      if (target != null) {
        LintNode child = descend(target, Trace.Via.REDIRECT, redirectPosition, domain, depth);
        if (child != null) {
          children.add(child);
        }
      }
    } else if (allIndex < 0) {
      add(
          Finding.Code.NO_ALL,
          "no 'all' and no 'redirect': hosts the record does not list get neutral",
          null,
          domain);
    }
    path.pop();
    int total = own;
    for (LintNode child : children) {
      total += child.lookups();
    }
    return new LintNode(domain, via, record, own, total, children);
  }

  private @Nullable LintNode descend(
      String target, Trace.Via via, int position, String domain, int depth) {
    String key = normalize(target).toLowerCase(Locale.ROOT);
    if (path.contains(key)) {
      add(
          Finding.Code.INCLUDE_LOOP,
          (via == Trace.Via.REDIRECT ? "redirect=" : "include:") + target
              + " leads back to a domain already being evaluated",
          position,
          domain);
      return null;
    }
    if (depth + 1 > MAX_DEPTH || nodes >= MAX_NODES) {
      return null;
    }
    if (!looksLikeDomain(normalize(target))) {
      add(
          Finding.Code.INCLUDE_NO_RECORD,
          "'" + target + "' is not a domain name",
          position,
          domain);
      return null;
    }
    return visit(normalize(target), via, null, depth + 1);
  }

  private @Nullable String fetchRecord(String domain, Trace.Via via) {
    DnsAnswer answer = lookup(domain, RecordType.TXT);
    if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      add(
          Finding.Code.DNS_ERROR,
          "TXT lookup of " + domain + " failed: " + failure.reason(),
          null,
          domain);
      return null;
    }
    List<String> spf = new ArrayList<>();
    if (answer instanceof DnsAnswer.Records records) {
      for (String text : records.data()) {
        if (RecordParser.isSpfRecord(text)) {
          spf.add(text);
        }
      }
    }
    if (spf.isEmpty()) {
      if (via == Trace.Via.CHECK) {
        add(Finding.Code.NO_RECORD, domain + " publishes no SPF record", null, domain);
      } else {
        if (!(answer instanceof DnsAnswer.Records)) {
          voidNames.add(domain);
        }
        add(
            Finding.Code.INCLUDE_NO_RECORD,
            (via == Trace.Via.REDIRECT ? "redirect=" : "include:") + domain
                + " has no SPF record: receivers get permerror",
            null,
            domain);
      }
      return null;
    }
    if (spf.size() > 1) {
      StringBuilder list = new StringBuilder();
      for (String text : spf) {
        list.append(list.length() == 0 ? "" : " | ").append('"').append(text).append('"');
      }
      add(
          Finding.Code.MULTIPLE_RECORDS,
          domain + " publishes " + spf.size() + " SPF records: " + list,
          null,
          domain);
      return null;
    }
    return spf.get(0);
  }

  private void checkTypeSpf(String domain) {
    DnsAnswer answer = lookup(domain, RecordType.SPF);
    if (answer instanceof DnsAnswer.Records records) {
      for (String text : records.data()) {
        if (RecordParser.isSpfRecord(text)) {
          add(
              Finding.Code.SPF_TYPE_RECORD,
              domain + " also publishes a type-99 SPF record, which no receiver reads: remove it",
              null,
              domain);
          return;
        }
      }
    }
  }

  private void checkLength(String domain, String record, boolean whatIf) {
    int bytes = record.getBytes(StandardCharsets.ISO_8859_1).length;
    if (bytes > 450) {
      add(
          Finding.Code.RECORD_TOO_LONG,
          "the record is " + bytes + " bytes, more than 450: answers may not fit in UDP",
          null,
          domain);
    }
    if (whatIf && bytes > 255) {
      add(
          Finding.Code.STRING_TOO_LONG,
          "the record is " + bytes + " characters: publish it as strings of at most 255",
          null,
          domain);
    }
  }

  private void checkExplanation(Modifier.Explanation exp, int position, String domain) {
    String target = literal(exp.domain());
    if (target == null) {
      return;
    }
    DnsAnswer answer = lookup(target, RecordType.TXT);
    if (answer instanceof DnsAnswer.Records records) {
      if (records.data().size() > 1) {
        add(
            Finding.Code.EXP_PROBLEM,
            "exp=" + target + " has " + records.data().size()
                + " TXT records; receivers need exactly one",
            position,
            domain);
      }
    } else if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      add(
          Finding.Code.EXP_PROBLEM,
          "exp=" + target + " could not be read: " + failure.reason(),
          position,
          domain);
    } else {
      add(
          Finding.Code.EXP_PROBLEM,
          "exp=" + target + " has no TXT record; receivers give no explanation",
          position,
          domain);
    }
  }

  private @Nullable DnsAnswer query(
      String target, RecordType type, int position, String domain, String term) {
    DnsAnswer answer = lookup(target, type);
    if (answer instanceof DnsAnswer.NoRecords || answer instanceof DnsAnswer.NoSuchDomain) {
      voidNames.add(target);
      add(
          Finding.Code.VOID_LOOKUP,
          "'" + term + "' target " + target + " has no " + type + " records"
              + (answer instanceof DnsAnswer.NoSuchDomain ? " (the name does not exist)" : ""),
          position,
          domain);
    } else if (answer instanceof DnsAnswer.TemporaryFailure failure) {
      add(
          Finding.Code.DNS_ERROR,
          type + " lookup of " + target + " failed: " + failure.reason(),
          position,
          domain);
    }
    return answer;
  }

  private DnsAnswer lookup(String name, RecordType type) {
    String key = name.toLowerCase(Locale.ROOT) + "/" + type;
    DnsAnswer cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    DnsAnswer answer;
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      answer = new DnsAnswer.TemporaryFailure("lint deadline exceeded");
    } else {
      try {
        answer = dns.lookup(name, type).toCompletableFuture().get(remaining, TimeUnit.NANOSECONDS);
        if (answer == null) {
          answer = new DnsAnswer.TemporaryFailure("no answer");
        }
      } catch (TimeoutException e) {
        answer = new DnsAnswer.TemporaryFailure("lint deadline exceeded");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer = new DnsAnswer.TemporaryFailure("interrupted");
      } catch (ExecutionException | RuntimeException e) {
        answer = new DnsAnswer.TemporaryFailure("lookup failed: " + e.getMessage());
      }
    }
    cache.put(key, answer);
    return answer;
  }

  private void add(Finding.Code code, String message, @Nullable Integer position, String domain) {
    findings.add(new Finding(code, code.severity(), message, position, domain));
  }

  private static @Nullable String literal(MacroString spec) {
    if (spec.hasMacros()) {
      return null;
    }
    String text = spec.literalText();
    return text.isEmpty() ? null : normalize(text);
  }

  static String normalize(String domain) {
    String d = domain.trim();
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

  static boolean looksLikeDomain(String domain) {
    if (domain.isEmpty() || domain.length() > 253 || domain.indexOf('.') < 0) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (c <= ' ' || c > '~') {
          return false;
        }
      }
    }
    return true;
  }
}
