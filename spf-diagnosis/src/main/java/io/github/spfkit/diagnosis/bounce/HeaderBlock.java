package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Header fields read leniently from text: an RFC 3464 status block, a {@code text/rfc822-headers}
 * part, or headers quoted inside a human-readable part. Continuation lines are unfolded. Lines that
 * are not fields are skipped, so junk never throws.
 */
final class HeaderBlock {
  /** One field: its name as written and its unfolded value. */
  record Field(String name, String value) {}

  private final List<Field> fields;

  private HeaderBlock(List<Field> fields) {
    this.fields = fields;
  }

  static HeaderBlock parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses fields; with {@code lenientContinuation}, a line that is not a field continues the one
   * before it even without leading white space (DSN blocks written by sloppy MTAs).
   */
  static HeaderBlock parse(String text, boolean lenientContinuation) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n", -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (name != null) {
          value.append(' ').append(line.trim());
        }
        continue;
      }
      if (name != null) {
        fields.add(new Field(name, value.toString().trim()));
        name = null;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && isFieldName(line, colon)) {
        name = line.substring(0, colon);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      } else if (!line.isBlank() && !fields.isEmpty() && lenientContinuation) {
        // a reply line some MTAs forget to indent, e.g. "550-mail0.example [192.0.2.1]:25 ..."
        Field last = fields.remove(fields.size() - 1);
        name = last.name();
        value.setLength(0);
        value.append(last.value()).append(' ').append(line.trim());
      }
    }
    if (name != null) {
      fields.add(new Field(name, value.toString().trim()));
    }
    return new HeaderBlock(fields);
  }

  static HeaderBlock of(List<Field> fields) {
    return new HeaderBlock(List.copyOf(fields));
  }

  private static boolean isFieldName(String line, int colon) {
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  List<Field> fields() {
    return fields;
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The first value of the field, ignoring case, or {@code null}. */
  @Nullable String first(String name) {
    for (Field field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        return field.value();
      }
    }
    return null;
  }

  List<String> all(String name) {
    List<String> out = new ArrayList<>();
    for (Field field : fields) {
      if (field.name().equalsIgnoreCase(name)) {
        out.add(field.value());
      }
    }
    return out;
  }

  boolean has(String name) {
    return first(name) != null;
  }

  /**
   * The value of a typed DSN field without its type: {@code rfc822; a@b} gives {@code a@b}, {@code
   * dns; mx.example} gives {@code mx.example}.
   */
  static String untyped(String value) {
    int semi = value.indexOf(';');
    String v = semi >= 0 ? value.substring(semi + 1) : value;
    v = v.trim();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1);
    }
    return v.trim();
  }

  /** Splits an RFC 3464 status body into its blocks (per-message, then per-recipient). */
  static List<HeaderBlock> blocks(String text) {
    List<HeaderBlock> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n", -1)) {
      if (line.trim().isEmpty()) {
        if (current.length() > 0) {
          HeaderBlock block = parse(current.toString(), true);
          if (!block.isEmpty()) {
            blocks.add(block);
          }
          current.setLength(0);
        }
      } else {
        current.append(line).append('\n');
      }
    }
    if (current.length() > 0) {
      HeaderBlock block = parse(current.toString(), true);
      if (!block.isEmpty()) {
        blocks.add(block);
      }
    }
    return blocks;
  }
}
