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
    if (n.length() == d.length()) {
      return n.equalsIgnoreCase(d);
    }
    return n.length() > d.length()
        && n.charAt(n.length() - d.length() - 1) == '.'
        && n.regionMatches(true, n.length() - d.length(), d, 0, d.length());
  }
}
