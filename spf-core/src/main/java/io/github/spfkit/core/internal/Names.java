package io.github.spfkit.core.internal;

/** Small comparisons of domain names the evaluator makes; case-insensitive, trailing dot ignored. */
final class Names {
  private Names() {}

  static String stripDot(String name) {
    int last = name.length() - 1;
    return last >= 0 && name.charAt(last) == '.' ? name.substring(0, last) : name;
  }

  /** Whether {@code name} is {@code domain} or a name beneath it (RFC 7208 §5.5). */
  static boolean isSameOrSubdomain(String name, String domain) {
    String n = stripDot(name);
    String d = stripDot(domain);
    int extra = n.length() - d.length();
    if (extra < 0) {
      return false;
    }
    if (extra == 0) {
      return n.equalsIgnoreCase(d);
    }
    return n.charAt(extra - 1) == '.' && n.regionMatches(true, extra, d, 0, d.length());
  }
}
