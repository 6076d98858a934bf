package io.github.spfkit.lint;

import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.Modifier;
import io.github.spfkit.core.record.Qualifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link FlattenPlan.Plan} as TXT records: one record at the domain when it fits in the
 * byte budget, else ranges move, from the longest run, into a chain of records {@code
 * _spf1.DOMAIN}, {@code _spf2.DOMAIN} ... that the domain includes in their place, each within the
 * budget. Kept terms stay in the domain's own record, so {@code %{d}} still means the domain. Pure.
 */
final class Layout {
  private Layout() {}

  /** A run of ranges of one qualifier; the first {@code inline} stay in the domain's record. */
  private static final class Group {
    final Qualifier qualifier;
    final List<String> terms;
    int inline;

    Group(Qualifier qualifier, List<String> terms) {
      this.qualifier = qualifier;
      this.terms = terms;
      this.inline = terms.size();
    }
  }

  static List<FlatRecord> records(String domain, FlattenPlan.Plan plan, int maxBytes) {
    List<Object> pieces = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    for (FlattenPlan.Step step : plan.steps()) {
      if (step instanceof FlattenPlan.Kept kept) {
        pieces.add(kept.term().toString());
      } else {
        FlattenPlan.Ranges ranges = (FlattenPlan.Ranges) step;
        for (Map.Entry<Qualifier, RangeSet> entry : ranges.sets().entrySet()) {
          List<String> terms = new ArrayList<>();
          for (boolean ipv4 : new boolean[] {true, false}) {
            for (RangeSet.Block block : entry.getValue().blocks(ipv4)) {
              terms.add(
                  ipv4
                      ? new Mechanism.Ip4(Qualifier.PASS, block.network(), block.prefix()).toString()
                      : new Mechanism.Ip6(Qualifier.PASS, block.network(), block.prefix()).toString());
            }
          }
          Group group = new Group(entry.getKey(), terms);
          groups.add(group);
          pieces.add(group);
        }
      }
    }
    List<FlatRecord> out = render(domain, plan, pieces);
    while (out.get(0).bytes() > maxBytes) {
      Group longest = null;
      for (Group group : groups) {
        if (group.inline > 0 && (longest == null || group.inline > longest.inline)) {
          longest = group;
        }
      }
      if (longest == null) {
        break;
      }
      longest.inline--;
      out = render(domain, plan, pieces, maxBytes);
    }
    return out;
  }

  private static List<FlatRecord> render(String domain, FlattenPlan.Plan plan, List<Object> pieces) {
    return render(domain, plan, pieces, Integer.MAX_VALUE);
  }

  private static List<FlatRecord> render(
      String domain, FlattenPlan.Plan plan, List<Object> pieces, int maxBytes) {
    StringBuilder root = new StringBuilder("v=spf1");
    List<FlatRecord> chain = new ArrayList<>();
    for (Object piece : pieces) {
      if (piece instanceof String text) {
        root.append(' ').append(text);
        continue;
      }
      Group group = (Group) piece;
      String prefix = prefix(group.qualifier);
      for (String term : group.terms.subList(0, group.inline)) {
        root.append(' ').append(prefix).append(term);
      }
      StringBuilder chunk = new StringBuilder();
      for (String term : group.terms.subList(group.inline, group.terms.size())) {
        if (chunk.length() > 0 && bytes("v=spf1 " + chunk + " " + term + " -all") > maxBytes) {
          chain.add(link(domain, chain.size() + 1, chunk, root, prefix));
          chunk.setLength(0);
        }
        chunk.append(chunk.length() == 0 ? "" : " ").append(term);
      }
      if (chunk.length() > 0) {
        chain.add(link(domain, chain.size() + 1, chunk, root, prefix));
      }
    }
    if (plan.fallback() != null) {
      root.append(' ').append(prefix(plan.fallback())).append("all");
    }
    Modifier.Redirect redirect = plan.redirect();
    if (redirect != null) {
      root.append(' ').append(redirect);
    }
    for (Modifier modifier : plan.modifiers()) {
      root.append(' ').append(modifier);
    }
    List<FlatRecord> out = new ArrayList<>();
    out.add(new FlatRecord(domain, root.toString()));
    out.addAll(chain);
    return out;
  }

  private static FlatRecord link(
      String domain, int number, StringBuilder chunk, StringBuilder root, String prefix) {
    String name = "_spf" + number + "." + domain;
    root.append(' ').append(prefix).append("include:").append(name);
    return new FlatRecord(name, "v=spf1 " + chunk + " -all");
  }

  private static String prefix(Qualifier qualifier) {
    return qualifier == Qualifier.PASS ? "" : String.valueOf(qualifier.symbol());
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1).length;
  }
}
