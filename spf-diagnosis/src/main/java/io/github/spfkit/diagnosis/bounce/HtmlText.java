package io.github.spfkit.diagnosis.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text from the HTML part of a notice: tags dropped, line breaks kept, entities decoded. */
final class HtmlText {
  private static final Pattern BREAK =
      Pattern.compile("(?i)<\\s*(br|/p|p|/div|/tr|/h\\d|/li|/table)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

  private HtmlText() {}

  static String toText(String html) {
    String text = dropInvisible(html);
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

  /** Drops style, script and head elements; an unclosed one runs to the end. Linear time. */
  private static String dropInvisible(String html) {
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      int open = -1;
      String tag = null;
      for (String t : new String[] {"style", "script", "head"}) {
        int at = lower.indexOf("<" + t, i);
        if (at >= 0 && (open < 0 || at < open)) {
          open = at;
          tag = t;
        }
      }
      if (open < 0 || tag == null) {
        out.append(html, i, html.length());
        break;
      }
      out.append(html, i, open).append(' ');
      int close = lower.indexOf("</" + tag, open);
      if (close < 0) {
        break;
      }
      int end = lower.indexOf('>', close);
      i = end < 0 ? html.length() : end + 1;
    }
    return out.toString();
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
