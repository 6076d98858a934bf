package io.github.spfkit.core.internal;

import java.net.IDN;
import org.jspecify.annotations.Nullable;

/**
 * The one check of whether text is a usable domain name: at most 253 characters, labels of 1 to
 * 63 characters. Used for the checked domain (RFC 7208 §4.3), for literal domain-specs in the
 * parser, and for names produced by macro expansion (§7.3).
 */
public final class DomainNames {

  /** The longest domain name, without the trailing dot (RFC 7208 §4.3, §7.3). */
  public static final int MAX_LENGTH = 253;

  private DomainNames() {}

  /**
   * Why {@code text[from, to)} is not a usable domain name.
   *
   * @param text the text holding the name, without a trailing dot
   * @param from the index of the name's first character
   * @param to the index after its last character
   * @return a message naming the problem, or {@code null} if the name is usable
   */
  public static @Nullable String problem(String text, int from, int to) {
    if (to - from > MAX_LENGTH) {
      return "domain name longer than 253 characters";
    }
    return labelProblem(text, from, to);
  }

  /**
   * Why {@code domain} cannot be the domain of {@code check_host()} (RFC 7208 §4.3): an address
   * literal, an unusable name, or a name of one label only.
   *
   * @param domain the name, without a trailing dot
   * @return a message naming the problem, or {@code null} if the domain can be checked
   */
  public static @Nullable String checkHostProblem(String domain) {
    if (domain.startsWith("[")) {
      return "'" + domain + "' is an address literal, not a domain name";
    }
    String problem = problem(domain, 0, domain.length());
    if (problem != null) {
      return problem;
    }
    return domain.indexOf('.') < 0 ? "'" + domain + "' is not a fully qualified domain name" : null;
  }

  /**
   * Why the labels of {@code text[from, to)} are not usable, whatever its length: a literal
   * domain-spec longer than 253 characters is shortened from the left before the lookup, as RFC
   * 7208 §7.3 says for expanded names (pyspf and Mail::SPF do the same).
   *
   * @param text the text holding the name, without a trailing dot
   * @param from the index of the name's first character
   * @param to the index after its last character
   * @return a message naming the problem (an empty label, a label over 63 characters), or {@code
   *     null} if every label is usable
   */
  public static @Nullable String labelProblem(String text, int from, int to) {
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0) {
          return "empty label in domain name '" + text.substring(from, to) + "'";
        }
        if (length > 63) {
          return "label longer than 63 characters in '" + text.substring(from, to) + "'";
        }
        labelStart = i + 1;
      }
    }
    return null;
  }

  /**
   * The name with its U-labels converted to A-labels (RFC 8616 §3, §4): {@code bücher.example}
   * becomes {@code xn--bcher-kva.example}. All-ASCII names are returned as they are.
   *
   * <p>The conversion is {@link IDN#toASCII(String, int)} without {@link IDN#ALLOW_UNASSIGNED}:
   * IDNA2003 (RFC 3490) with Nameprep, the JDK's only IDNA. RFC 8616 points to IDNA2008; the two,
   * and UTS #46 between them, differ for a few characters: {@code ß}, final sigma {@code ς}, and
   * the joiners U+200C/U+200D are mapped away by IDNA2003 ({@code faß.de} becomes {@code
   * fass.de}) but kept as themselves by IDNA2008 ({@code xn--fa-hia.de}); symbols and code points
   * assigned after Unicode 3.2 are accepted by IDNA2008 or UTS #46 and rejected here. Names that
   * use them are rare in mail and meet the same DNS data only when their owner published both
   * spellings; a name the JDK rejects is treated as an invalid name.
   *
   * @param name a domain name, possibly with U-labels and IDNA's other full stops ({@code 。})
   * @return the name in A-labels, or {@code null} if it is not a valid internationalized name
   */
  public static @Nullable String toAscii(String name) {
    if (isAscii(name)) {
      return name;
    }
    try {
      return IDN.toASCII(name, 0);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
