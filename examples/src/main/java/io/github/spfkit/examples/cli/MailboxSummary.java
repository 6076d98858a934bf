package io.github.spfkit.examples.cli;

import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.examples.cli.Language.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a run of {@code spf diagnose} over several messages found: counts by category and by
 * cause, then one short entry per message, as a text table or the JSON document of {@code
 * examples/schemas/mailbox-summary.schema.json}. Keeps a few strings per message, never a
 * message itself. Not thread safe.
 */
final class MailboxSummary {

  /** One message's entry: its diagnosis in brief, or why it has none ({@code error}). */
  private record Entry(
      String file,
      int index,
      @Nullable String category,
      @Nullable String cause,
      @Nullable String domain,
      @Nullable String ip,
      @Nullable String error,
      @Nullable String reason) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> byCategory = new HashMap<>();
  private final Map<String, Integer> byCause = new HashMap<>();
  private int diagnosed;
  private int notBounces;
  private int unreadable;

  void diagnosed(String file, int index, Diagnosis diagnosis) {
    String category = Json.kebab(diagnosis.category());
    String cause = Json.kebab(diagnosis.cause());
    diagnosed++;
    byCategory.merge(category, 1, Integer::sum);
    byCause.merge(cause, 1, Integer::sum);
    entries.add(new Entry(file, index, category, cause, diagnosis.domain(),
        diagnosis.ip() == null ? null : diagnosis.ip().toString(), null, null));
  }

  void notABounce(String file, int index, String reason) {
    notBounces++;
    entries.add(new Entry(file, index, null, null, null, null, "not-a-bounce", reason));
  }

  void unreadable(String file, int index, String reason) {
    unreadable++;
    entries.add(new Entry(file, index, null, null, null, null, "unreadable-input", reason));
  }

  /** Messages that could not be read: the run exits 1 when there are any. */
  int unreadable() {
    return unreadable;
  }

  /** The {@code diagnose --json --summary} document. */
  Map<String, @Nullable Object> document(int skipped) {
    Map<String, @Nullable Object> out = Json.document();
    out.put("messages", entries.size());
    out.put("diagnosed", diagnosed);
    out.put("notBounces", notBounces);
    out.put("unreadable", unreadable);
    out.put("skipped", skipped);
    out.put("byCategory", sorted(byCategory));
    out.put("byCause", sorted(byCause));
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    for (Entry entry : entries) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("file", entry.file());
      item.put("index", entry.index());
      if (entry.error() == null) {
        item.put("category", entry.category());
        item.put("cause", entry.cause());
        item.put("domain", entry.domain());
        item.put("ip", entry.ip());
      } else {
        item.put("error", entry.error());
      }
      items.add(item);
    }
    out.put("items", items);
    return out;
  }

  /** The table: the counts, by category, by cause, then one line per message. */
  List<String> text(Language language, int skipped) {
    List<String> lines = new ArrayList<>();
    lines.add(language.format(Label.MAILBOX_COUNTS, entries.size(), diagnosed, notBounces, unreadable));
    if (skipped > 0) {
      lines.add(language.format(Label.MAILBOX_SKIPPED, skipped));
    }
    counts(lines, language.text(Label.BY_CATEGORY), byCategory);
    counts(lines, language.text(Label.BY_CAUSE), byCause);
    if (entries.isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.add(language.text(Label.MESSAGES));
    Set<String> mailboxes = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.index() > 1) {
        mailboxes.add(entry.file());
      }
    }
    List<String[]> rows = new ArrayList<>();
    for (Entry entry : entries) {
      String name = mailboxes.contains(entry.file()) ? entry.file() + "#" + entry.index() : entry.file();
      if (entry.error() == null) {
        rows.add(new String[] {name, entry.category(), entry.cause(), orDash(entry.domain()), orDash(entry.ip())});
      } else {
        Label label = entry.error().equals("not-a-bounce") ? Label.NOT_A_BOUNCE : Label.UNREADABLE_MESSAGE;
        rows.add(new String[] {name, language.text(label) + ": " + entry.reason()});
      }
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < Math.min(4, row.length - 1); i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.length - 1; i++) {
        line.append(pad(row[i], widths[i])).append("  ");
      }
      line.append(row[row.length - 1]);
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static void counts(List<String> lines, String heading, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(heading);
    Map<String, Integer> sorted = sorted(counts);
    int width = sorted.keySet().stream().mapToInt(String::length).max().orElse(0);
    int digits = sorted.values().stream().mapToInt(n -> Integer.toString(n).length()).max().orElse(1);
    sorted.forEach((name, n) ->
        lines.add("  " + pad(name, width) + "  " + String.format(Locale.ROOT, "%" + digits + "d", n)));
  }

  // most frequent first, then by name
  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String orDash(@Nullable String text) {
    return text == null ? "-" : text;
  }
}
