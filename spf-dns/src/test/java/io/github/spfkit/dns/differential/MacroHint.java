package io.github.spfkit.dns.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The generator's own, small RFC 7208 §7 macro expander: it tells where a domain-spec will point so
 * that the world can have a record there. It is a hint for building worlds, not an oracle; where it
 * cannot tell ({@code %{p}}, time, syntax errors) it gives no name.
 *
 * @param sender the {@code <sender>} as checked (with {@code postmaster@} filled in)
 * @param domain the current domain
 * @param client the client's address as a literal (IPv4 for IPv4-mapped clients)
 * @param helo the HELO name
 */
record MacroHint(String sender, String domain, String client, String helo) {

  /**
   * A domain-spec and, if known, the name it expands to.
   *
   * @param text the domain-spec as written in the record
   * @param name the expansion, truncated as §7.3 says, or null if the hint cannot tell
   */
  record Expanded(String text, @Nullable String name) {}

  /**
   * Notes in {@code facts} what the macros of an explanation text do (the text itself is not a
   * name, so nothing else is told).
   */
  void scan(String text, Set<Fact> facts) {
    for (int i = text.indexOf("%{"); i >= 0; i = text.indexOf("%{", i + 1)) {
      int close = text.indexOf('}', i);
      if (close < 0) {
        return;
      }
      value(text.substring(i + 2, close), facts);
    }
  }

  /** Expands {@code spec}, noting in {@code facts} what the disagreement rules look for. */
  Expanded expand(String spec, Set<Fact> facts) {
    StringBuilder out = new StringBuilder();
    boolean known = true;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int close = spec.indexOf('}', i);
      if (i + 1 >= spec.length() || spec.charAt(i + 1) != '{' || close < 0) {
        known = false;
        break;
      }
      String body = spec.substring(i + 2, close);
      i = close;
      @Nullable String value = value(body, facts);
      if (value == null) {
        known = false;
        break;
      }
      out.append(value);
    }
    if (!known) {
      return new Expanded(spec, null);
    }
    String name = out.toString();
    if (name.length() > 253) {
      facts.add(Fact.LONG_EXPANSION);
      while (name.length() > 253 && name.indexOf('.') >= 0) {
        name = name.substring(name.indexOf('.') + 1);
      }
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        facts.add(Fact.ODD_DOMAIN_SPEC);
        return new Expanded(spec, null);
      }
    }
    return new Expanded(spec, name);
  }

  private @Nullable String value(String body, Set<Fact> facts) {
    if (body.isEmpty()) {
      return null;
    }
    char letter = body.charAt(0);
    boolean upper = Character.isUpperCase(letter);
    int at = 1;
    int digits = 0;
    boolean hasDigits = false;
    while (at < body.length() && Character.isDigit(body.charAt(at))) {
      digits = digits * 10 + (body.charAt(at) - '0');
      hasDigits = true;
      at++;
    }
    if (hasDigits && digits == 0) {
      return null;
    }
    boolean reverse = at < body.length() && (body.charAt(at) == 'r' || body.charAt(at) == 'R');
    if (reverse) {
      at++;
    }
    String delimiters = body.substring(at);
    if (delimiters.isEmpty()) {
      delimiters = ".";
    }
    String splitters = delimiters.replace(".", "");
    String raw =
        switch (Character.toLowerCase(letter)) {
          case 's' -> sender;
          case 'l' -> sender.substring(0, sender.lastIndexOf('@'));
          case 'o' -> sender.substring(sender.lastIndexOf('@') + 1);
          case 'd' -> domain;
          case 'i' -> dottedClient();
          case 'v' -> client.indexOf(':') >= 0 ? "ip6" : "in-addr";
          case 'h' -> helo;
          default -> null;
        };
    if (raw == null) {
      return null;
    }
    for (int i = 0; i < splitters.length(); i++) {
      if (raw.indexOf(splitters.charAt(i)) >= 0) {
        facts.add(Fact.DELIMITER_SPLITS);
      }
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      if (delimiters.indexOf(raw.charAt(i)) >= 0) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(raw.charAt(i));
      }
    }
    parts.add(part.toString());
    if (reverse) {
      Collections.reverse(parts);
    }
    if (hasDigits && digits < parts.size()) {
      parts = parts.subList(parts.size() - digits, parts.size());
    }
    String value = String.join(".", parts);
    if (upper) {
      String escaped = escape(value);
      if (!escaped.equals(value)) {
        facts.add(Fact.UPPER_CASE_ESCAPE);
      }
      value = escaped;
    }
    return value;
  }

  private String dottedClient() {
    if (client.indexOf(':') < 0) {
      return client;
    }
    String reverse = World.reverse(client);
    List<String> nibbles = new ArrayList<>(List.of(reverse.split("\\.")));
    nibbles = nibbles.subList(0, 32);
    Collections.reverse(nibbles);
    return String.join(".", nibbles);
  }

  /** RFC 3986 escaping of everything but unreserved characters, as §7.3 asks for upper case. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
