package io.github.spfkit.benchmarks;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * DNS data read once from a zone file, for both libraries to load: {@link #toInMemoryDns()} for
 * this library, {@link JspfDns} for jSPF. Immutable and thread safe.
 *
 * <p>Reads the subset of the master-file format the benchmark data uses: one record per line,
 * {@code name [ttl] [IN] TYPE data}, absolute names, {@code ;} comments, TXT data as one or more
 * quoted strings (joined without separator, RFC 7208 §3.3), MX data as {@code preference
 * exchange}. A line it cannot read is an {@link IllegalArgumentException} naming the line: the data
 * ships with the benchmarks, so a bad line is a bug, not input.
 *
 * @param records the records, in file order
 */
public record ZoneData(List<Entry> records) {

  /** The resource holding the tree behind the jSPF figures in the benchmarks issue. */
  public static final String REALISTIC_TREE = "realistic-tree.zone";

  /**
   * One resource record.
   *
   * @param name owner name, lower case, without the trailing dot
   * @param type record type
   * @param data presentation data as {@link io.github.spfkit.core.dns.DnsAnswer.Records} defines
   *     it (TXT strings joined, MX exchange without preference or trailing dot)
   */
  public record Entry(String name, RecordType type, String data) {
    /** Checks the parts are present. */
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(data, "data");
    }
  }

  /** Copies the list. */
  public ZoneData {
    records = List.copyOf(records);
  }

  /** The realistic tree, read from this module's resources. */
  public static ZoneData realisticTree() {
    return fromResource(REALISTIC_TREE);
  }

  /**
   * Reads a zone file shipped next to this class.
   *
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if a line is not in the supported format
   */
  public static ZoneData fromResource(String resource) {
    try (InputStream in = ZoneData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("no resource " + resource));
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses zone-file lines.
   *
   * @throws IllegalArgumentException if a line is not in the supported format
   */
  public static ZoneData parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      List<String> fields = fields(line, number);
      if (fields.isEmpty()) {
        continue;
      }
      int at = 1;
      if (at < fields.size() && fields.get(at).chars().allMatch(Character::isDigit)) {
        at++; // TTL
      }
      if (at < fields.size() && fields.get(at).equalsIgnoreCase("IN")) {
        at++;
      }
      if (at + 1 >= fields.size()) {
        throw new IllegalArgumentException("line " + number + ": no type and data: " + line);
      }
      String name = name(fields.get(0));
      String typeName = fields.get(at).toUpperCase(Locale.ROOT);
      List<String> data = fields.subList(at + 1, fields.size());
      RecordType type;
      String value;
      switch (typeName) {
        case "TXT", "SPF" -> {
          type = typeName.equals("TXT") ? RecordType.TXT : RecordType.SPF;
          value = String.join("", data);
        }
        case "MX" -> {
          if (data.size() != 2) {
            throw new IllegalArgumentException("line " + number + ": MX needs preference and host");
          }
          type = RecordType.MX;
          value = name(data.get(1));
        }
        case "A", "AAAA", "PTR" -> {
          type = RecordType.valueOf(typeName);
          value = typeName.equals("PTR") ? name(data.get(0)) : data.get(0);
        }
        default -> throw new IllegalArgumentException("line " + number + ": type " + typeName);
      }
      entries.add(new Entry(name, type, value));
    }
    return new ZoneData(entries);
  }

  /** The data as this library's in-memory DNS. */
  public InMemoryDns toInMemoryDns() {
    InMemoryDns.Builder builder = InMemoryDns.builder();
    for (Entry entry : records) {
      builder.add(entry.name(), entry.type(), entry.data());
    }
    return builder.build();
  }

  private static String name(String field) {
    String lower = field.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Splits a line into fields; a quoted string is one field, its quotes removed. */
  private static List<String> fields(String line, int number) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ';') {
        break;
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder text = new StringBuilder();
        i++;
        while (i < n && line.charAt(i) != '"') {
          if (line.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          text.append(line.charAt(i++));
        }
        if (i >= n) {
          throw new IllegalArgumentException("line " + number + ": unterminated string");
        }
        i++;
        fields.add(text.toString());
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != ';') {
          i++;
        }
        fields.add(line.substring(start, i));
      }
    }
    return fields;
  }
}
