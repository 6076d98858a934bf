package io.github.spfkit.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Name;

/**
 * Converts between the seam's names (text without the trailing dot) and dnsjava {@link Name}s,
 * byte for byte: no escapes are interpreted, so a backslash in a policy stays a backslash.
 */
final class DnsNames {

  private static final int MAX_LABEL = 63;
  private static final int MAX_WIRE = 255;

  private DnsNames() {}

  /**
   * The absolute name for a seam name. A char up to U+00FF is the byte of the same value (the
   * seam's ISO-8859-1 convention); a char above is encoded as UTF-8.
   *
   * @return the name, or {@code null} if it cannot exist in DNS (an empty label, a label over 63
   *     bytes, over 255 bytes in all)
   */
  static @Nullable Name toName(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (name.isEmpty()) {
      return Name.root;
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream(name.length() + 2);
    int start = 0;
    while (true) {
      int dot = name.indexOf('.', start);
      int end = dot < 0 ? name.length() : dot;
      byte[] label = labelBytes(name.substring(start, end));
      if (label.length == 0 || label.length > MAX_LABEL) {
        return null;
      }
      wire.write(label.length);
      wire.write(label, 0, label.length);
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    wire.write(0);
    if (wire.size() > MAX_WIRE) {
      return null;
    }
    try {
      return new Name(wire.toByteArray());
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] labelBytes(String label) {
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) > 0xFF) {
        return label.getBytes(StandardCharsets.UTF_8);
      }
    }
    return label.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The seam's text for a name: labels joined by dots, bytes as ISO-8859-1 chars, no final dot. */
  static String toText(Name name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.labels(); i++) {
      byte[] label = name.getLabel(i);
      if (label.length <= 1) {
        continue; // the root label
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(new String(label, 1, label.length - 1, StandardCharsets.ISO_8859_1));
    }
    return out.toString();
  }

  /**
   * The name without a trailing dot, in ASCII lower case: DNS compares names ignoring ASCII case
   * and nothing else.
   */
  static String asciiLower(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    char[] chars = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (chars == null) {
          chars = name.toCharArray();
        }
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return chars == null ? name : new String(chars);
  }
}
