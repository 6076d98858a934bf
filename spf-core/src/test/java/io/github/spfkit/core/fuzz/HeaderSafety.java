package io.github.spfkit.core.fuzz;

/** What every rendered header must be: one line of printable ASCII, quotes and comments balanced. */
public final class HeaderSafety {
  private HeaderSafety() {}

  /**
   * Fails unless {@code header} is safe.
   *
   * @param header a rendered header field
   */
  public static void assertSafe(String header) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new AssertionError("unsafe character " + (int) c + " in " + header);
      }
      if (c == '\\') {
        if (!quoted && depth == 0) {
          throw new AssertionError("backslash outside quotes and comments in " + header);
        }
        i++;
        continue;
      }
      if (quoted) {
        quoted = c != '"';
      } else if (c == '"' && depth == 0) {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        throw new AssertionError("unbalanced comment in " + header);
      }
    }
    if (quoted || depth != 0) {
      throw new AssertionError("unbalanced quote or comment in " + header);
    }
  }
}
