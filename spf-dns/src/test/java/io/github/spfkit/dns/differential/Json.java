package io.github.spfkit.dns.differential;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The little JSON the drivers speak: flat objects whose values are strings or null. */
final class Json {

  private Json() {}

  /** {@code text} as a JSON string, non-ASCII escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A flat object: {@code {"key": "value" | null, ...}}.
   *
   * @throws IllegalArgumentException if {@code line} is not such an object
   */
  static Map<String, @Nullable String> object(String line) {
    Reader reader = new Reader(line.strip());
    Map<String, @Nullable String> out = new LinkedHashMap<>();
    reader.expect('{');
    reader.skipSpace();
    if (reader.peek() == '}') {
      return out;
    }
    while (true) {
      reader.skipSpace();
      String key = reader.string();
      reader.skipSpace();
      reader.expect(':');
      reader.skipSpace();
      out.put(key, reader.peek() == 'n' ? reader.nullLiteral() : reader.string());
      reader.skipSpace();
      if (reader.peek() == ',') {
        reader.expect(',');
        continue;
      }
      reader.expect('}');
      return out;
    }
  }

  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    char peek() {
      if (at >= text.length()) {
        throw new IllegalArgumentException("unexpected end of " + text);
      }
      return text.charAt(at);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at + " of " + text);
      }
      at++;
    }

    void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    @Nullable String nullLiteral() {
      if (!text.startsWith("null", at)) {
        throw new IllegalArgumentException("expected null at " + at + " of " + text);
      }
      at += 4;
      return null;
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = peek();
        at++;
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = peek();
        at++;
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
