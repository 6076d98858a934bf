package io.github.spfkit.core.internal;

import io.github.spfkit.core.record.MacroString;
import io.github.spfkit.core.record.MacroToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Expands macro strings (RFC 7208 §7): letters, the digit and {@code r} transformers, delimiters,
 * URL escaping for upper-case letters, and the domain-name rules applied before a lookup. Stateless.
 */
public final class MacroExpander {

  private MacroExpander() {}

  /**
   * Expands a macro string.
   *
   * @param string the macro string
   * @param context the evaluation's values
   * @param domain the current domain, for {@code %{d}}
   * @param validatedName the validated domain name of the client, for {@code %{p}}; {@code null}
   *     gives {@code unknown}
   * @return the expanded text
   */
  public static String expand(
      MacroString string, MacroContext context, String domain, @Nullable String validatedName) {
    List<MacroToken> tokens = string.tokens();
    if (tokens.size() == 1 && tokens.get(0) instanceof MacroToken.Literal literal) {
      return literal.text();
    }
    StringBuilder out = new StringBuilder(64);
    for (MacroToken token : tokens) {
      if (token instanceof MacroToken.Literal literal) {
        out.append(literal.text());
      } else if (token instanceof MacroToken.Macro macro) {
        String value = value(macro.letter(), context, domain, validatedName);
        String transformed = transform(value, macro);
        if (macro.urlEscape()) {
          urlEscape(transformed, out);
        } else {
          out.append(transformed);
        }
      }
    }
    return out.toString();
  }

  /** Whether a macro string uses {@code %{p}}, which needs DNS before expansion. */
  static boolean needsValidatedName(MacroString string) {
    for (MacroToken token : string.tokens()) {
      if (token instanceof MacroToken.Macro macro && macro.letter() == 'p') {
        return true;
      }
    }
    return false;
  }

  private static String value(
      char letter, MacroContext context, String domain, @Nullable String validatedName) {
    return switch (letter) {
      case 's' -> context.sender();
      case 'l' -> context.localPart();
      case 'o' -> context.senderDomain();
      case 'd' -> domain;
      case 'i' -> context.ip().macroForm();
      case 'p' -> validatedName == null ? "unknown" : validatedName;
      case 'v' -> context.ip().ipv4() ? "in-addr" : "ip6";
      case 'h' -> orUnknown(context.helo());
      case 'c' -> context.ip().toString();
      case 'r' -> orUnknown(context.receiver());
      case 't' -> Long.toString(context.timestamp());
      default -> throw new IllegalArgumentException("not a macro letter: " + letter);
    };
  }

  private static String orUnknown(@Nullable String value) {
    return value == null ? "unknown" : value;
  }

  /** Splits on the delimiters, reverses, keeps the right-most parts, joins with dots (§7.3). */
  static String transform(String value, MacroToken.Macro macro) {
    String delimiters = macro.delimiters();
    if (!macro.reverse() && macro.digits() == 0 && (delimiters.isEmpty() || delimiters.equals("."))) {
      return value;
    }
    String splitOn = delimiters.isEmpty() ? "." : delimiters;
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (splitOn.indexOf(value.charAt(i)) >= 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    if (macro.reverse()) {
      java.util.Collections.reverse(parts);
    }
    int keep = macro.digits() == 0 ? parts.size() : Math.min(macro.digits(), parts.size());
    return String.join(".", parts.subList(parts.size() - keep, parts.size()));
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8 (§7.3). */
  static void urlEscape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        i = end - 1;
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * The name to look up for an expanded domain-spec: U-labels converted to A-labels (RFC 8616 §4,
   * see {@link DomainNames#toAscii(String)}), without a trailing dot, and if longer than 253
   * characters, with labels dropped from the left until it fits (RFC 7208 §7.3).
   *
   * @param expanded an expanded domain-spec
   * @return the name, or {@code null} when it is not a usable name (an invalid internationalized
   *     name, an empty label, a label over 63 characters, or nothing left)
   */
  public static @Nullable String toDomainName(String expanded) {
    // RFC 8616 §4: U-labels (from a UTF-8 local part or HELO name) are looked up as A-labels
    String name = DomainNames.toAscii(expanded);
    if (name == null) {
      return null;
    }
    name = Names.stripDot(name);
    while (name.length() > DomainNames.MAX_LENGTH) {
      int dot = name.indexOf('.');
      if (dot < 0) {
        return null;
      }
      name = name.substring(dot + 1);
    }
    return DomainNames.problem(name, 0, name.length()) == null ? name : null;
  }
}
