package io.github.spfkit.policyd;

/**
 * {@code Reason_Message}: Python's {@code str.format} with the three names policyd-spf passes,
 * {@code {rejectdefer}}, {@code {spf}} and {@code {url}}; {@code {{} and {@code }}} are literal
 * braces. Any other brace is kept as written (policyd-spf fails on it; a warning at start says so).
 */
final class ReasonMessage {
  private ReasonMessage() {}

  static String format(String template, String rejectDefer, String spf, String url) {
    StringBuilder out = new StringBuilder(template.length() + spf.length() + url.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && template.startsWith("{{", i)) {
        out.append('{');
        i += 2;
      } else if (c == '}' && template.startsWith("}}", i)) {
        out.append('}');
        i += 2;
      } else if (template.startsWith("{rejectdefer}", i)) {
        out.append(rejectDefer);
        i += "{rejectdefer}".length();
      } else if (template.startsWith("{spf}", i)) {
        out.append(spf);
        i += "{spf}".length();
      } else if (template.startsWith("{url}", i)) {
        out.append(url);
        i += "{url}".length();
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
