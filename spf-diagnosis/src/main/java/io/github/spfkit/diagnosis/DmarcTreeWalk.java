package io.github.spfkit.diagnosis;

import io.github.spfkit.core.dns.DnsAnswer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The DNS Tree Walk of DMARC (RFC 9989 §4.10), which replaced the Public Suffix List: the DMARC
 * policy that applies to a domain, and its Organizational Domain, found by asking {@code _dmarc}
 * names from the domain towards the top-level domain, at most {@value #MAX_QUERIES} of them. Pure
 * over the TXT lookup it is given.
 */
final class DmarcTreeWalk {
  /** A walk asks the name itself and then at most seven shorter names (RFC 9989 §4.10). */
  static final int MAX_QUERIES = 8;

  private DmarcTreeWalk() {}

  /**
   * What the walk found.
   *
   * @param domain the domain the walk started at
   * @param organizational its Organizational Domain
   * @param policyDomain where the policy that applies was found, or {@code null} if none was
   * @param policy that DMARC record, or {@code null}
   * @param queried the {@code _dmarc} names asked, in order
   */
  record Walk(
      String domain,
      String organizational,
      @Nullable String policyDomain,
      @Nullable String policy,
      List<String> queried) {

    /** The SPF alignment mode of the policy: {@code s} (strict) or {@code r} (relaxed, the default). */
    String spfMode() {
      String p = policy;
      return p != null && "s".equalsIgnoreCase(tag(p, "aspf")) ? "s" : "r";
    }
  }

  /**
   * Walks from {@code domain}; {@code null} when a lookup failed temporarily, since the walk's
   * answer then cannot be known.
   */
  static @Nullable Walk walk(String domain, Function<String, DnsAnswer> txt) {
    String name = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    List<String> labels = Arrays.asList(name.split("\\."));
    List<String> targets = new ArrayList<>();
    targets.add(name);
    int n = labels.size();
    for (int keep = Math.min(n - 1, MAX_QUERIES - 1); keep >= 1; keep--) {
      targets.add(String.join(".", labels.subList(n - keep, n)));
    }
    List<String> queried = new ArrayList<>();
    String policyDomain = null;
    String policy = null;
    String fewest = null;
    String previous = null;
    for (String target : targets) {
      queried.add("_dmarc." + target);
      DnsAnswer answer = txt.apply("_dmarc." + target);
      if (answer instanceof DnsAnswer.TemporaryFailure) {
        return null;
      }
      String record = dmarcRecord(answer);
      if (record != null) {
        if (policy == null) {
          policyDomain = target;
          policy = record;
        }
        String psd = tag(record, "psd");
        if ("n".equalsIgnoreCase(psd)) {
          return new Walk(name, target, policyDomain, policy, queried);
        }
        if ("y".equalsIgnoreCase(psd)) {
          // a public suffix operator's record: the organization is the name one label below it
          String below = previous == null ? target : oneLabelBelow(name, target);
          return new Walk(name, below, policyDomain, policy, queried);
        }
        fewest = target;
      }
      previous = target;
    }
    return new Walk(name, fewest == null ? name : fewest, policyDomain, policy, queried);
  }

  private static String oneLabelBelow(String name, String target) {
    int labels = target.split("\\.").length + 1;
    String[] all = name.split("\\.");
    return String.join(".", Arrays.copyOfRange(all, Math.max(0, all.length - labels), all.length));
  }

  /** The one {@code v=DMARC1} record of an answer; none when there are zero or several. */
  private static @Nullable String dmarcRecord(DnsAnswer answer) {
    if (!(answer instanceof DnsAnswer.Records records)) {
      return null;
    }
    String found = null;
    for (String text : records.data()) {
      if (text.strip().regionMatches(true, 0, "v=DMARC1", 0, 8)
          && (text.strip().length() == 8 || text.strip().charAt(8) == ';' || Character.isWhitespace(text.strip().charAt(8)))) {
        if (found != null) {
          return null;
        }
        found = text.strip();
      }
    }
    return found;
  }

  static @Nullable String tag(String record, String name) {
    for (String part : record.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
        return part.substring(eq + 1).strip();
      }
    }
    return null;
  }
}
