package io.github.spfkit.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One TXT record to publish.
 *
 * @param name the owner name, without the trailing dot
 * @param text the record's text, {@code v=spf1 ...}
 */
public record FlatRecord(String name, String text) {

  /** The most bytes one character-string of a TXT record holds (RFC 1035 §3.3). */
  public static final int MAX_STRING_BYTES = 255;

  /**
   * Checks the parts.
   *
   * @param name the owner name
   * @param text the record's text
   */
  public FlatRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * The size of the text in bytes.
   *
   * @return the length of the text in ISO-8859-1 bytes
   */
  public int bytes() {
    return text.getBytes(StandardCharsets.ISO_8859_1).length;
  }

  /**
   * The text cut into character-strings of at most 255 bytes, as it must be published (RFC 7208
   * §3.3: receivers join them with nothing in between). Cuts fall between terms where they can, so
   * each string reads on its own.
   *
   * @return one or more strings
   */
  public List<String> strings() {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > MAX_STRING_BYTES) {
      int cut = rest.lastIndexOf(' ', MAX_STRING_BYTES - 1);
      if (cut <= 0) {
        cut = MAX_STRING_BYTES;
      } else {
        cut++;
      }
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    out.add(rest);
    return out;
  }

  /**
   * The record as a zone file line: {@code example.com. IN TXT "v=spf1 ..." "..."}.
   *
   * @return the line, without a line end
   */
  public String zoneLine() {
    StringBuilder line = new StringBuilder(name).append(". IN TXT");
    for (String string : strings()) {
      line.append(" \"").append(string.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return line.toString();
  }
}
