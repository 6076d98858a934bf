package io.github.spfkit.dns;

import io.github.spfkit.core.conformance.Rfc7208Suite;
import io.github.spfkit.core.conformance.Rfc7208Suite.Scenario;
import io.github.spfkit.core.conformance.Rfc7208Suite.ZoneEntry;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a scenario of the RFC 7208 suite as RFC 1035 zone files, after the suite driver's rules
 * ({@link Rfc7208Suite#servedEntries}).
 *
 * <ul>
 *   <li>Everything is served from the root zone {@code "."}, so every name of the scenario exists
 *       in one zone and NXDOMAIN/NODATA come out as the in-memory driver gives them.
 *   <li>A {@code TIMEOUT} name without data becomes a zone of its own whose file does not load, so
 *       Knot answers SERVFAIL (a temporary error) for it. A real server fails the whole zone, names
 *       beneath it included, so each name with data beneath such a name gets a zone of its own.
 *   <li>A {@code TIMEOUT} name with data (the driver: its types with data answer, the others time
 *       out) cannot be rendered exactly: a server fails a zone, not one type at one name. Its data
 *       is served and its other types answer NODATA. Only {@code spftimeout.example.net} is such a
 *       name, and RFC 7208 evaluators ask it only for its TXT record.
 *   <li>TXT strings: each char is one byte (chars above U+00FF as UTF-8); bytes outside printable
 *       ASCII, {@code "} and {@code \} are written as {@code \DDD}; strings over 255 bytes are
 *       split. A TXT entry of zero strings cannot be written in a zone file: it is written as one
 *       empty string, which joins to the same (empty) text.
 * </ul>
 */
public final class SuiteZones {

  private static final String SOA =
      " 300 IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300\n";

  private SuiteZones() {}

  /** The zones serving {@code scenario}, root zone first. */
  static List<KnotServer.Zone> zones(Scenario scenario) {
    List<ZoneEntry> served = Rfc7208Suite.servedEntries(scenario);
    Set<String> timeouts = failingZones(scenario);
    Map<String, StringBuilder> zones = new LinkedHashMap<>();
    zones.put("", new StringBuilder());
    for (ZoneEntry entry : served) {
      if (entry.type().equals("TIMEOUT")) {
        continue;
      }
      String owner = key(entry.name());
      if (timeouts.contains(owner)) {
        continue; // the whole name times out
      }
      String apex = beneathTimeout(owner, timeouts) ? owner : "";
      zones.computeIfAbsent(apex, a -> new StringBuilder()).append(record(entry));
    }
    List<KnotServer.Zone> out = new ArrayList<>();
    zones.forEach(
        (apex, records) -> {
          String origin = apex.isEmpty() ? "." : name(apex);
          String text = "$TTL 300\n" + origin + SOA + origin + " 300 IN NS ns.invalid.\n" + records;
          out.add(KnotServer.Zone.of(apex.isEmpty() ? "." : apex, text));
        });
    for (String timeout : timeouts) {
      out.add(KnotServer.Zone.broken(timeout));
    }
    return out;
  }

  /** One text holding every zone that loads, for {@link ZoneFileLookup}. */
  static String zoneText(Scenario scenario) {
    StringBuilder text = new StringBuilder();
    for (KnotServer.Zone zone : zones(scenario)) {
      if (zone.loads()) {
        text.append(zone.text());
      }
    }
    return text.toString();
  }

  /** The TIMEOUT names without served data: zones that fail to load, lower case. */
  static Set<String> failingZones(Scenario scenario) {
    Set<String> names = timeouts(scenario);
    for (ZoneEntry entry : Rfc7208Suite.servedEntries(scenario)) {
      if (!entry.type().equals("TIMEOUT")) {
        names.remove(key(entry.name()));
      }
    }
    return names;
  }

  /** The scenario's TIMEOUT names, lower case without the trailing dot. */
  static Set<String> timeouts(Scenario scenario) {
    Set<String> names = new LinkedHashSet<>();
    for (ZoneEntry entry : scenario.zone()) {
      if (entry.type().equals("TIMEOUT")) {
        names.add(key(entry.name()));
      }
    }
    return names;
  }

  /**
   * {@code zones} with the scenario's TIMEOUT names answering a temporary failure for the types
   * they have no records of, as the suite's driver does: for the zone-file lookup, which has no
   * notion of a server failing.
   */
  static DnsLookup withTimeouts(Scenario scenario, DnsLookup zones) {
    Set<String> timeouts = timeouts(scenario);
    return (name, type) ->
        zones
            .lookup(name, type)
            .thenApply(
                answer ->
                    timeouts.contains(key(name)) && !(answer instanceof DnsAnswer.Records)
                        ? new DnsAnswer.TemporaryFailure("TIMEOUT " + name)
                        : answer);
  }

  private static boolean beneathTimeout(String owner, Set<String> timeouts) {
    for (String timeout : timeouts) {
      if (owner.endsWith("." + timeout)) {
        return true;
      }
    }
    return false;
  }

  private static String record(ZoneEntry entry) {
    String owner = name(entry.name());
    return switch (entry.type()) {
      case "TXT" -> owner + " IN TXT " + txt(entry.strings()) + "\n";
      case "A" -> owner + " IN A " + entry.value() + "\n";
      case "AAAA" -> owner + " IN AAAA " + entry.value() + "\n";
      case "MX" -> owner + " IN MX " + entry.strings().get(0) + " " + name(entry.value()) + "\n";
      case "PTR" -> owner + " IN PTR " + name(entry.value()) + "\n";
      case "CNAME" -> owner + " IN CNAME " + name(entry.value()) + "\n";
      default -> throw new IllegalStateException("cannot render " + entry);
    };
  }

  /** The strings as zone-file character-strings; zero strings are written as one empty string. */
  public static String txt(List<String> strings) {
    List<byte[]> pieces = new ArrayList<>();
    for (String string : strings) {
      byte[] bytes = bytes(string);
      if (bytes.length == 0) {
        pieces.add(bytes);
      }
      for (int from = 0; from < bytes.length; from += 255) {
        int to = Math.min(bytes.length, from + 255);
        byte[] piece = new byte[to - from];
        System.arraycopy(bytes, from, piece, 0, piece.length);
        pieces.add(piece);
      }
    }
    if (pieces.isEmpty()) {
      pieces.add(new byte[0]);
    }
    StringBuilder out = new StringBuilder();
    for (byte[] piece : pieces) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append('"');
      for (byte b : piece) {
        int c = b & 0xff;
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
          out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
        } else {
          out.append((char) c);
        }
      }
      out.append('"');
    }
    return out.toString();
  }

  /** Each char one byte, as the suite means; a char above U+00FF as its UTF-8 bytes. */
  static byte[] bytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0xff) {
        out.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      }
    }
    return out.toByteArray();
  }

  /** An absolute zone-file name; bytes other than letters, digits, '-', '_' and '*' escaped. */
  public static String name(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    StringBuilder out = new StringBuilder();
    for (byte b : bytes(name)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '*'
              || c == '.';
      if (plain) {
        out.append((char) c);
      } else {
        out.append('\\').append(String.format(Locale.ROOT, "%03d", c));
      }
    }
    return out.append('.').toString();
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
