package io.github.spfkit.diagnosis;

import java.util.Arrays;
import java.util.Locale;

/** Organizational domains for DMARC alignment. */
final class OrgDomains {
  private OrgDomains() {}

  /** Whether two names share their last two labels (a rough organizational-domain test). */
  static boolean aligned(String a, String b) {
    return orgDomain(a).equals(orgDomain(b));
  }

  private static String orgDomain(String name) {
    String[] labels = name.toLowerCase(Locale.ROOT).split("\\.");
    int n = labels.length;
    if (n <= 2) {
      return String.join(".", labels);
    }
    // two-letter country code with a second-level label such as co.jp, ne.jp, co.uk
    boolean cc = labels[n - 1].length() == 2 && labels[n - 2].length() <= 3;
    int keep = cc ? 3 : 2;
    return String.join(".", Arrays.copyOfRange(labels, Math.max(0, n - keep), n));
  }
}
