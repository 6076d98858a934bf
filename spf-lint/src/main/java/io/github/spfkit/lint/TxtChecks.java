package io.github.spfkit.lint;

import io.github.spfkit.core.record.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks of TXT data as published: near-miss records and the size of the answer. Pure. */
final class TxtChecks {
  /** The largest DNS message every resolver takes over UDP without EDNS0 (RFC 1035 §4.2.1). */
  static final int UDP_LIMIT = 512;

  private TxtChecks() {}

  /**
   * Why {@code text}, which is not an SPF record, looks like one that was meant: it becomes one
   * once case, quotes and white space are put right. {@code null} if it does not.
   */
  static @Nullable String nearMiss(String text) {
    if (RecordParser.isSpfRecord(text)) {
      return null;
    }
    String fixed = text.strip();
    if (fixed.length() >= 2 && fixed.startsWith("\"") && fixed.endsWith("\"")) {
      fixed = fixed.substring(1, fixed.length() - 1).strip();
    }
    fixed = fixed.replaceAll("\\s+", " ").replaceFirst("^(?i)v\\s*=\\s*spf\\s*1", "v=spf1");
    if (!RecordParser.isSpfRecord(fixed)) {
      return null;
    }
    return "\"" + text + "\" is not an SPF record, but \"" + fixed
        + "\" would be (it differs only in quotes or white space): receivers ignore it";
  }

  /** Why a selected record is read differently by receivers that compare exactly, or {@code null}. */
  static @Nullable String looseButValid(String text) {
    if (!text.startsWith("v=spf1")) {
      return "the record starts '" + text.substring(0, 6)
          + "': RFC 7208 §4.5 accepts the version in any case, but receivers that compare exactly"
          + " ignore the record; write 'v=spf1'";
    }
    if (!text.equals(text.strip()) || text.contains("  ") || text.indexOf('\t') >= 0) {
      return "the record has extra white space (" + describe(text)
          + "): receivers that split on single spaces read empty terms; remove it";
    }
    return null;
  }

  private static String describe(String text) {
    if (text.indexOf('\t') >= 0) {
      return "a tab";
    }
    if (text.contains("  ")) {
      return "two spaces in a row";
    }
    return text.startsWith(" ") || text.startsWith("\t") ? "leading" : "trailing";
  }

  /**
   * The size of the DNS response carrying {@code txt} at {@code name}: header, question, and per
   * record a compressed owner name, type, class, TTL, length, and the character-strings (each
   * record split into strings of at most 255 bytes, one length byte each). No OPT record.
   */
  static int answerBytes(String name, List<String> txt) {
    int size = 12 + wireLength(name) + 4;
    for (String text : txt) {
      int bytes = text.getBytes(StandardCharsets.ISO_8859_1).length;
      int strings = Math.max(1, (bytes + 254) / 255);
      size += 2 + 10 + bytes + strings;
    }
    return size;
  }

  private static int wireLength(String name) {
    String n = Names.normalize(name).toLowerCase(Locale.ROOT);
    return n.isEmpty() ? 1 : n.getBytes(StandardCharsets.ISO_8859_1).length + 2;
  }
}
