package io.github.spfkit.diagnosis;

import io.github.spfkit.core.net.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Text edits on SPF records that keep everything else as the owner wrote it: add a term before
 * {@code all}, drop terms, merge records, fix a misspelt term. The results are only candidates:
 * the diagnoser verifies each one before offering it.
 */
final class RecordEdits {
  private static final List<String> NAMES =
      List.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists", "redirect", "exp");

  private RecordEdits() {}

  static List<String> tokens(String record) {
    List<String> out = new ArrayList<>();
    for (String t : record.trim().split("\\s+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  static String join(List<String> tokens) {
    return String.join(" ", tokens);
  }

  /** The ip4:/ip6: term for an address. */
  static String ipTerm(IpAddress ip) {
    return (ip.ipv4() ? "ip4:" : "ip6:") + ip;
  }

  /** The mechanism name of a token, without qualifier and argument, in lower case. */
  static String name(String token) {
    String t = token;
    if (!t.isEmpty() && "+-~?".indexOf(t.charAt(0)) >= 0) {
      t = t.substring(1);
    }
    int end = t.length();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ':' || c == '=' || c == '/') {
        end = i;
        break;
      }
    }
    return t.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /** The target domain of a token ({@code include:x}, {@code a:x/24}), or {@code null}. */
  static @Nullable String target(String token) {
    int colon = token.indexOf(':');
    int eq = token.indexOf('=');
    int start = colon >= 0 ? colon : eq;
    if (start < 0) {
      return null;
    }
    String rest = token.substring(start + 1);
    int slash = rest.indexOf('/');
    return (slash >= 0 ? rest.substring(0, slash) : rest).toLowerCase(Locale.ROOT);
  }

  /** {@code term} inserted before {@code all} (or before {@code redirect=} without it), else at the end. */
  static String insert(String record, String term) {
    List<String> tokens = tokens(record);
    int at = -1;
    for (int i = 1; i < tokens.size(); i++) {
      if (name(tokens.get(i)).equals("all")) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      for (int i = 1; i < tokens.size(); i++) {
        if (name(tokens.get(i)).equals("redirect")) {
          at = i;
          break;
        }
      }
    }
    if (at < 0) {
      tokens.add(term);
    } else {
      tokens.add(at, term);
    }
    return join(tokens);
  }

  /** The record without the tokens whose target is one of {@code names}. */
  static String dropTargets(String record, String domain, Set<String> names) {
    List<String> out = new ArrayList<>();
    for (String token : tokens(record)) {
      String n = name(token);
      String target = target(token);
      if (target == null && (n.equals("a") || n.equals("mx"))) {
        target = domain.toLowerCase(Locale.ROOT);
      }
      if (target != null
          && names.contains(target)
          && List.of("a", "mx", "include", "exists", "redirect").contains(n)) {
        continue;
      }
      out.add(token);
    }
    return join(out);
  }

  /** One record from several: the terms of all, each once, one {@code all} at the end. */
  static String merge(List<String> records) {
    Set<String> terms = new LinkedHashSet<>();
    String all = null;
    String redirect = null;
    for (String record : records) {
      List<String> tokens = tokens(record);
      for (int i = 1; i < tokens.size(); i++) {
        String token = tokens.get(i);
        String n = name(token);
        if (n.equals("all")) {
          if (all == null) {
            all = token;
          }
        } else if (n.equals("redirect")) {
          if (redirect == null) {
            redirect = token;
          }
        } else {
          terms.add(token);
        }
      }
    }
    List<String> out = new ArrayList<>();
    out.add("v=spf1");
    out.addAll(terms);
    if (all != null) {
      out.add(all);
    } else if (redirect != null) {
      out.add(redirect);
    }
    return join(out);
  }

  /**
   * The record with the token at {@code position} repaired: a misspelt mechanism name corrected
   * (edit distance up to 2), {@code ip:}/{@code ipv4:} made {@code ip4:}/{@code ip6:} by the
   * address, and anything else removed. {@code null} if there is no token there.
   */
  static @Nullable String fixAt(String record, int position) {
    List<String> tokens = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int i = 0;
    while (i < record.length()) {
      while (i < record.length() && record.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < record.length() && record.charAt(i) != ' ') {
        i++;
      }
      if (i > start) {
        tokens.add(record.substring(start, i));
        starts.add(start);
      }
    }
    int index = -1;
    for (int k = 0; k < tokens.size(); k++) {
      if (position >= starts.get(k)) {
        index = k;
      }
    }
    if (index <= 0) {
      return null;
    }
    String token = tokens.get(index);
    String fixed = fixToken(token);
    if (fixed == null || fixed.equals(token)) {
      tokens.remove(index);
    } else {
      tokens.set(index, fixed);
    }
    return join(tokens);
  }

  static @Nullable String fixToken(String token) {
    String qualifier = "";
    String t = token;
    if (!t.isEmpty() && "+-~?".indexOf(t.charAt(0)) >= 0) {
      qualifier = t.substring(0, 1);
      t = t.substring(1);
    }
    int sep = -1;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c == ':' || c == '=') {
        sep = k;
        break;
      }
    }
    String name = (sep < 0 ? t : t.substring(0, sep)).toLowerCase(Locale.ROOT);
    String arg = sep < 0 ? "" : t.substring(sep + 1);
    if (!arg.isEmpty() && (name.startsWith("ip") || name.equals("inet"))) {
      String address = arg.contains("/") ? arg.substring(0, arg.indexOf('/')) : arg;
      var ip = IpAddress.parse(address);
      if (ip.isPresent()) {
        return qualifier + (ip.get().ipv4() ? "ip4:" : "ip6:") + arg;
      }
      return null;
    }
    String best = null;
    int bestDistance = 3;
    for (String candidate : NAMES) {
      int d = distance(name, candidate);
      if (d < bestDistance && candidate.length() > 2) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    char separator = best.equals("redirect") || best.equals("exp") ? '=' : ':';
    if (bestDistance == 0) {
      // the name is right: only a wrong separator can be repaired ("include=x", "redirect:x")
      if (sep >= 0 && !separatorOk(best, t.charAt(sep)) && !arg.isEmpty()) {
        return qualifier + best + separator + arg;
      }
      return null;
    }
    boolean needsArgument = !best.equals("all") && !best.equals("ptr");
    if (arg.isEmpty() && needsArgument) {
      return null;
    }
    return qualifier + best + (arg.isEmpty() ? "" : separator + arg);
  }

  private static boolean separatorOk(String name, char separator) {
    return (name.equals("redirect") || name.equals("exp")) ? separator == '=' : separator == ':';
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], prev[j - 1]);
        }
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
