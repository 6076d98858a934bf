package io.github.spfkit.diagnosis.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text from the HTML part of a notice: tags dropped, line breaks kept, entities decoded. */
final class HtmlText {
  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<\\s*(br|/p|p|/div|/tr|/h\\d|/li|/table)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

  private HtmlText() {}

  static String toText(String html) {
    String text = INVISIBLE.matcher(html).replaceAll(" ");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString().replace('\u00a0', ' ');
  }

  private static String decode(String name, String whole) {
    if (name.startsWith("#")) {
      try {
        int code =
            name.startsWith("#x") || name.startsWith("#X")
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : whole;
      } catch (NumberFormatException e) {
        return whole;
      }
    }
    switch (name) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "nbsp":
        return " ";
      default:
        return whole;
    }
  }
}
