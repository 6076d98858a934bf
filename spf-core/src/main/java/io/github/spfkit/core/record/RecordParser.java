package io.github.spfkit.core.record;

import io.github.spfkit.core.internal.DomainNames;
import io.github.spfkit.core.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses SPF records by the ABNF of RFC 7208 §12, without regular expressions.
 *
 * <p>Parsing never throws for bad input: a record that does not follow the grammar gives a {@link
 * ParseResult.Invalid} with the first {@link SyntaxError}, its 0-based position and, where the
 * mistake is a common one, a hint ({@code ip:} for {@code ip4:}, a {@code -all} glued to the
 * previous term, a missing colon, {@code redirect:} for {@code redirect=}). Beyond the ABNF, a
 * domain-spec without macros must have usable labels: none empty, none over 63 characters (a
 * longer name than 253 characters is shortened from the left when looked up, RFC 7208 §7.3). Thread safe: the class has no state.
 */
public final class RecordParser {

  private static final String[] MECHANISMS = {
    "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"
  };

  private RecordParser() {}

  /**
   * The terms that carry nothing but their qualifier ({@code all}, and {@code a}, {@code mx} and
   * {@code ptr} without a domain or CIDR lengths), one immutable value per qualifier, shared by
   * every record that has them: records compare by value, so sharing them changes nothing a caller
   * can see but the garbage a parse leaves.
   */
  private static final Mechanism.All[] ALL = new Mechanism.All[4];

  private static final Mechanism.A[] A = new Mechanism.A[4];

  private static final Mechanism.Mx[] MX = new Mechanism.Mx[4];

  private static final Mechanism.Ptr[] PTR = new Mechanism.Ptr[4];

  static {
    for (Qualifier q : Qualifier.values()) {
      ALL[q.ordinal()] = new Mechanism.All(q);
      A[q.ordinal()] = new Mechanism.A(q, null, 32, 128);
      MX[q.ordinal()] = new Mechanism.Mx(q, null, 32, 128);
      PTR[q.ordinal()] = new Mechanism.Ptr(q, null);
    }
  }

  /**
   * Whether {@code text} is an SPF version 1 record: {@code v=spf1} in any case, followed by a
   * space or the end (RFC 7208 §4.5). Records for which this is false are not SPF's business.
   *
   * @param text a TXT record's text, its strings joined; not null
   * @return true if it starts with the SPF version 1 tag, false for any other text (empty included)
   */
  public static boolean isSpfRecord(String text) {
    // letters compared with bit 0x20 set (it maps exactly 'V' and 'v' to 'v'), the rest exactly
    return text.length() >= 6
        && (text.charAt(0) | 0x20) == 'v'
        && text.charAt(1) == '='
        && (text.charAt(2) | 0x20) == 's'
        && (text.charAt(3) | 0x20) == 'p'
        && (text.charAt(4) | 0x20) == 'f'
        && text.charAt(5) == '1'
        && (text.length() == 6 || text.charAt(6) == ' ');
  }

  /**
   * Parses one record.
   *
   * @param text the record, e.g. {@code v=spf1 mx -all}
   * @return the record with the position of each term, or the first syntax error
   */
  public static ParseResult parse(String text) {
    if (!isSpfRecord(text)) {
      String hint =
          text.regionMatches(true, 0, "v=spf", 0, 5) || text.regionMatches(true, 0, "spf1", 0, 4)
              ? "a record starts with exactly 'v=spf1' and a space"
              : null;
      return new ParseResult.Invalid(
          new SyntaxError("not an SPF record: it must start with 'v=spf1'", 0, hint));
    }
    // each term follows a space: as many terms as spaces at most, exactly as many in a record
    // written with single spaces
    int capacity = 0;
    for (int k = text.indexOf(' '); k != -1; k = text.indexOf(' ', k + 1)) {
      capacity++;
    }
    Term[] terms = new Term[capacity];
    int[] positions = new int[capacity];
    int count = 0;
    boolean redirect = false;
    boolean exp = false;
    int length = text.length();
    TermParser parser = new TermParser(text);
    parser.printable = isPrintable(text);
    int i = 6;
    while (i < length) {
      if (text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int end = text.indexOf(' ', i);
      if (end == -1) {
        end = length;
      }
      Term term = parser.parse(i, end);
      SyntaxError error = parser.error;
      if (error != null) {
        return new ParseResult.Invalid(error);
      }
      if (term instanceof Modifier.Redirect) {
        if (redirect) {
          return invalid("'redirect' appears twice; it may appear once", i, null);
        }
        redirect = true;
      } else if (term instanceof Modifier.Explanation) {
        if (exp) {
          return invalid("'exp' appears twice; it may appear once", i, null);
        }
        exp = true;
      }
      if (term != null) {
        terms[count] = term;
        positions[count] = i;
        count++;
      }
      i = end;
    }
    List<Term> list = new ArrayView<>(count == terms.length ? terms : Arrays.copyOf(terms, count));
    return new ParseResult.Valid(new SpfRecord(list), new Positions(positions, count));
  }

  /**
   * Parses an explanation string, the TXT text an {@code exp=} modifier points at (RFC 7208 §6.2):
   * a macro-string in which spaces are literal and the {@code c}, {@code r} and {@code t} macros
   * are allowed.
   *
   * @param text the explanation text
   * @return the macro string, or empty if the text has a syntax error or characters outside ASCII
   */
  public static Optional<MacroString> parseExplanation(String text) {
    // the macro parser refuses every character outside printable ASCII and the space
    MacroParser parser = new MacroParser(text);
    MacroString result = parser.parse(0, text.length(), true, true);
    return parser.error == null ? Optional.of(result) : Optional.empty();
  }

  /**
   * Parses a domain-spec (RFC 7208 §7.1) on its own, as it would appear after {@code include:}.
   *
   * @param text the domain-spec, e.g. {@code _spf.%{d}}
   * @return the macro string or the syntax error, its position relative to {@code text}
   */
  public static DomainSpecResult parseDomainSpec(String text) {
    TermParser parser = new TermParser(text);
    parser.start = 0;
    parser.end = text.length();
    MacroString spec = parser.domainSpec(0, text.length(), "domain");
    SyntaxError error = parser.error;
    return error == null
        ? new DomainSpecResult.Valid(spec == null ? MacroString.literal("") : spec)
        : new DomainSpecResult.Invalid(error);
  }

  /** What {@link #parseDomainSpec(String)} gave. */
  public sealed interface DomainSpecResult {
    /**
     * A valid domain-spec.
     *
     * @param spec the parsed macro string
     */
    record Valid(MacroString spec) implements DomainSpecResult {}

    /**
     * An invalid domain-spec.
     *
     * @param error the syntax error
     */
    record Invalid(SyntaxError error) implements DomainSpecResult {}
  }

  /** Whether every character is printable ASCII or a space: then no term needs its own check. */
  private static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static ParseResult invalid(String message, int position, @Nullable String hint) {
    return new ParseResult.Invalid(new SyntaxError(message, position, hint));
  }

  /**
   * Parses one term at a time of one record: {@link #parse(int, int)} gives the term in {@code
   * text[start, end)}, or {@code null} with {@link #error} set.
   */
  private static final class TermParser {
    private final String text;
    private int start;
    private int end;
    @Nullable SyntaxError error;
    /**
     * Whether the whole text is known to be printable ASCII and spaces, so the terms (which hold
     * no space) need no check of their characters.
     */
    boolean printable;

    /** The record's macro-string parser, made when the first macro-string with macros comes. */
    private @Nullable MacroParser macros;

    TermParser(String text) {
      this.text = text;
    }

    private MacroParser macros() {
      MacroParser parser = macros;
      if (parser == null) {
        parser = new MacroParser(text);
        macros = parser;
      }
      return parser;
    }

    @Nullable Term parse(int start, int end) {
      this.start = start;
      this.end = end;
      for (int i = printable ? end : start; i < end; i++) {
        char c = text.charAt(i);
        if (c > 0x7e) {
          fail(
              "non-ASCII character U+" + String.format(Locale.ROOT, "%04X", (int) c),
              i,
              "SPF records are 7-bit ASCII (RFC 7208 §3.1)");
          return null;
        }
        if (c < 0x21) {
          fail(
              "control character 0x" + String.format(Locale.ROOT, "%02X", (int) c),
              i,
              "terms are separated by single spaces only");
          return null;
        }
      }
      int i = start;
      Qualifier qualifier = Qualifier.of(text.charAt(i));
      if (qualifier != null) {
        i++;
      }
      int nameStart = i;
      while (i < end && isNameChar(text.charAt(i))) {
        i++;
      }
      if (i < end && text.charAt(i) == '=') {
        return modifier(qualifier, nameStart, i);
      }
      // not a modifier: a mechanism name is letters and digits only
      i = nameStart;
      while (i < end && (isAlpha(text.charAt(i)) || isDigit(text.charAt(i)))) {
        i++;
      }
      String known = knownMechanism(nameStart, i);
      if (known == null) {
        unknownMechanism(text.substring(nameStart, i), nameStart);
        return null;
      }
      Qualifier q = qualifier == null ? Qualifier.PASS : qualifier;
      return switch (known) {
        case "all" -> all(q, i);
        case "include", "exists" -> includeOrExists(q, known, i);
        case "a", "mx" -> aOrMx(q, known, i);
        case "ptr" -> ptr(q, i);
        default -> ip(q, known, i); // ip4, ip6
      };
    }

    /** The mechanism name in {@code text[from, to)}, in any case, as the RFC writes it; else null. */
    private @Nullable String knownMechanism(int from, int to) {
      int length = to - from;
      if (length == 0) {
        return null;
      }
      // at most one candidate by length and first letter, compared once
      char first = (char) (text.charAt(from) | 0x20);
      String candidate =
          switch (length) {
            case 1 -> first == 'a' ? "a" : null;
            case 2 -> first == 'm' ? "mx" : null;
            case 3 ->
                first == 'a'
                    ? "all"
                    : first == 'p'
                        ? "ptr"
                        : first == 'i' ? (text.charAt(to - 1) == '4' ? "ip4" : "ip6") : null;
            case 6 -> first == 'e' ? "exists" : null;
            case 7 -> first == 'i' ? "include" : null;
            default -> null;
          };
      return candidate != null && sameLetters(from, candidate) ? candidate : null;
    }

    /**
     * Whether {@code text} from {@code from} spells {@code known}, in any case; the range holds
     * letters and digits only, and setting bit 0x20 lowers a letter and leaves a digit as it is.
     */
    private boolean sameLetters(int from, String known) {
      for (int k = 0; k < known.length(); k++) {
        if ((text.charAt(from + k) | 0x20) != known.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private @Nullable Term all(Qualifier q, int i) {
      if (i < end) {
        fail("'all' takes no argument", i, gluedHint(i));
        return null;
      }
      return ALL[q.ordinal()];
    }

    private @Nullable Term includeOrExists(Qualifier q, String lower, int i) {
      if (i == end || text.charAt(i) != ':') {
        fail(
            "'" + lower + "' needs ':' and a domain",
            i,
            i < end && text.charAt(i) != '=' ? "missing ':' after '" + lower + "'?" : null);
        return null;
      }
      MacroString domain = domainSpec(i + 1, end, lower);
      if (domain == null) {
        return null;
      }
      return ok(
          lower.equals("include")
              ? new Mechanism.Include(q, domain)
              : new Mechanism.Exists(q, domain));
    }

    private @Nullable Term ptr(Qualifier q, int i) {
      if (i == end) {
        return PTR[q.ordinal()];
      }
      if (text.charAt(i) != ':') {
        fail("'ptr' takes only ':domain'", i, gluedHint(i));
        return null;
      }
      MacroString domain = domainSpec(i + 1, end, "ptr");
      if (domain == null) {
        return null;
      }
      return ok(new Mechanism.Ptr(q, domain));
    }

    private @Nullable Term modifier(@Nullable Qualifier qualifier, int nameStart, int eq) {
      int nameLength = eq - nameStart;
      if (qualifier == null
          && (nameLength == 8 || nameLength == 3)
          && text.regionMatches(true, nameStart, nameLength == 8 ? "redirect" : "exp", 0, nameLength)) {
        // the two modifiers RFC 7208 defines, named without making the name a string
        boolean redirect = nameLength == 8;
        MacroString domain = domainSpec(eq + 1, end, redirect ? "redirect" : "exp");
        if (domain == null) {
          return null;
        }
        return ok(redirect ? new Modifier.Redirect(domain) : new Modifier.Explanation(domain));
      }
      String name = text.substring(nameStart, eq);
      if (qualifier != null) {
        fail("a modifier takes no qualifier", start, null);
        return null;
      }
      if (name.isEmpty()) {
        fail("modifier without a name", start, null);
        return null;
      }
      if (!isAlpha(name.charAt(0))) {
        fail(
            "modifier name '" + name + "' must start with a letter", nameStart, null);
        return null;
      }
      MacroParser value = macros();
      MacroString parsed = value.parse(eq + 1, end, false, false);
      if (value.error != null) {
        error = value.error;
        return null;
      }
      return ok(new Modifier.Unknown(name, parsed));
    }

    private @Nullable Term aOrMx(Qualifier q, String name, int from) {
      int domainEnd = end;
      int ip6 = 128;
      int ip4 = 32;
      int k = domainEnd;
      while (k > from && isDigit(text.charAt(k - 1))) {
        k--;
      }
      if (k < domainEnd && k - 2 >= from && text.charAt(k - 1) == '/' && text.charAt(k - 2) == '/') {
        ip6 = cidr(k, domainEnd, 128, false);
        if (ip6 < 0) {
          return null;
        }
        domainEnd = k - 2;
        k = domainEnd;
        while (k > from && isDigit(text.charAt(k - 1))) {
          k--;
        }
      }
      if (k < domainEnd && k - 1 >= from && text.charAt(k - 1) == '/') {
        ip4 = cidr(k, domainEnd, 32, true);
        if (ip4 < 0) {
          return null;
        }
        domainEnd = k - 1;
      }
      MacroString domain = null;
      if (from < domainEnd) {
        if (text.charAt(from) != ':') {
          fail(
              "'" + name + "' takes ':domain' and '/cidr' only",
              from,
              text.charAt(from) == '/'
                  ? "CIDR lengths are /0-32 for IPv4 and //0-128 for IPv6"
                  : gluedHint(from));
          return null;
        }
        domain = domainSpec(from + 1, domainEnd, name);
        if (domain == null) {
          return null;
        }
      }
      boolean a = name.equals("a");
      if (domain == null && ip4 == 32 && ip6 == 128) {
        return a ? A[q.ordinal()] : MX[q.ordinal()];
      }
      return ok(a ? new Mechanism.A(q, domain, ip4, ip6) : new Mechanism.Mx(q, domain, ip4, ip6));
    }

    private @Nullable Term ip(Qualifier q, String name, int from) {
      boolean v4 = name.equals("ip4");
      if (from == end || text.charAt(from) != ':') {
        fail("'" + name + "' needs ':' and an address", from, null);
        return null;
      }
      int slash = text.indexOf('/', from); // from holds the ':'
      int networkEnd = slash < 0 || slash > end ? end : slash;
      Optional<IpAddress> address = IpAddress.parse(text, from + 1, networkEnd);
      if (address.isEmpty() || address.get().ipv4() != v4) {
        String hint;
        if (address.isPresent()) {
          hint = v4 ? "an IPv6 address goes in ip6:" : "an IPv4 address goes in ip4:";
        } else {
          hint = gluedHint(from + 1);
        }
        fail(
            "invalid " + (v4 ? "IPv4" : "IPv6") + " address '" + text.substring(from + 1, networkEnd) + "'",
            from + 1,
            hint);
        return null;
      }
      int prefix = v4 ? 32 : 128;
      if (networkEnd < end) {
        prefix = cidr(networkEnd + 1, end, v4 ? 32 : 128, false);
        if (prefix < 0) {
          return null;
        }
      }
      return ok(
          v4
              ? new Mechanism.Ip4(q, address.get(), prefix)
              : new Mechanism.Ip6(q, address.get(), prefix));
    }

    /** A CIDR length in {@code [from, to)}, or -1 with {@link #error} set. */
    private int cidr(int from, int to, int max, boolean dual) {
      if (from == to) {
        error = new SyntaxError("empty CIDR length", from, null);
        return -1;
      }
      int value = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (!isDigit(c)) {
          error =
              new SyntaxError(
                  "invalid CIDR length '" + text.substring(from, to) + "'", from, gluedHint(i));
          return -1;
        }
        value = value * 10 + (c - '0');
        if (value > 999) {
          break;
        }
      }
      if (to - from > 1 && text.charAt(from) == '0') {
        error = new SyntaxError("CIDR length with a leading zero", from, null);
        return -1;
      }
      if (value > max) {
        error =
            new SyntaxError(
                "CIDR length " + text.substring(from, to) + " is over " + max,
                from,
                dual ? "an IPv6 length is written with two slashes: //" + value : null);
        return -1;
      }
      return value;
    }

    /** A domain-spec in {@code [from, to)}, or null with {@link #error} set. */
    @Nullable MacroString domainSpec(int from, int to, String owner) {
      if (from >= to) {
        error = new SyntaxError("'" + owner + "' has an empty domain", from, null);
        return null;
      }
      MacroString spec;
      int tail;
      int percent = text.indexOf('%', from);
      if (percent < 0 || percent >= to) {
        // no macro: one literal, checked here without a macro parser
        for (int i = printable ? to : from; i < to; i++) {
          char c = text.charAt(i);
          if (c < 0x21 || c > 0x7e) {
            error = new SyntaxError("invalid character in macro string", i, null);
            return null;
          }
        }
        spec = MacroString.literal(text, from, to);
        tail = from;
      } else {
        MacroParser macros = macros();
        spec = macros.parse(from, to, false, false);
        if (macros.error != null) {
          error = macros.error;
          return null;
        }
        tail = macros.lastMacroEnd;
      }
      if (tail == to) {
        return spec; // domain-end is a macro-expand
      }
      int literalEnd = to;
      if (text.charAt(literalEnd - 1) == '.') {
        literalEnd--;
      }
      int dot = text.lastIndexOf('.', literalEnd - 1);
      if (dot < tail || dot < from) {
        error =
            new SyntaxError(
                "'" + text.substring(from, to) + "' is not a fully qualified domain name",
                from,
                "a domain needs at least two labels, e.g. example.com");
        return null;
      }
      if (!isTopLabel(dot + 1, literalEnd)) {
        error =
            new SyntaxError(
                "invalid top-level label '" + text.substring(dot + 1, literalEnd) + "'",
                dot + 1,
                gluedHint(dot + 1));
        return null;
      }
      if (tail == from) {
        // no macros: the whole spec is a name to look up, so its labels must be usable ones; a
        // name over 253 characters is shortened from the left when it is looked up (§7.3)
        String message = DomainNames.labelProblem(text, from, literalEnd);
        if (message != null) {
          error = new SyntaxError(message, from, null);
          return null;
        }
      }
      return spec;
    }

    /** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ). */
    private boolean isTopLabel(int from, int to) {
      // an empty label has no letter, so it is refused below
      boolean alpha = false;
      boolean dash = false;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (isAlpha(c)) {
          alpha = true;
        } else if (c == '-') {
          dash = true;
        } else if (!isDigit(c)) {
          return false;
        }
      }
      if (!dash) {
        return alpha;
      }
      return text.charAt(from) != '-' && text.charAt(to - 1) != '-';
    }

    /** Records the error for a mechanism name that is none of the RFC's, with a hint if one fits. */
    private void unknownMechanism(String name, int nameStart) {
      String lower = name.toLowerCase(Locale.ROOT);
      String hint = null;
      if (lower.equals("redirect") || lower.equals("exp")) {
        hint = "'" + lower + "' is a modifier: write " + lower + "=";
      } else if (lower.equals("ip") || lower.equals("ipv4") || lower.equals("ipv6")) {
        hint =
            lower.equals("ipv4")
                ? "did you mean ip4:?"
                : lower.equals("ipv6") ? "did you mean ip6:?" : "did you mean ip4: or ip6:?";
      } else {
        hint = gluedHint(nameStart);
        if (hint == null) {
          for (String mechanism : MECHANISMS) {
            // the name is no mechanism's (that would have parsed), so it is longer than this one
            if (lower.startsWith(mechanism)
                && !mechanism.equals("a")
                && !mechanism.equals("all")) {
              hint = "missing ':' after '" + mechanism + "'?";
              break;
            }
          }
        }
        if (hint == null) {
          String near = nearest(lower);
          if (near != null) {
            hint = "did you mean '" + near + "'?";
          }
        }
      }
      String shown = name.isEmpty() ? text.substring(start, end) : name;
      fail("unknown mechanism '" + shown + "'", name.isEmpty() ? start : nameStart, hint);
    }

    /** A hint when an {@code all} with a qualifier is glued to the text before it. */
    private @Nullable String gluedHint(int from) {
      for (int i = Math.max(from, start + 1); i + 3 < end + 1; i++) {
        char c = text.charAt(i);
        if ((c == '-' || c == '~' || c == '?' || c == '+')
            && text.regionMatches(true, i + 1, "all", 0, 3)
            && i + 4 == end) {
          return "missing space before '" + text.substring(i, end) + "'";
        }
      }
      return null;
    }

    private Term ok(Term term) {
      return term;
    }

    /** Records the syntax error; the caller then gives {@code null}. */
    private void fail(String message, int position, @Nullable String hint) {
      error = new SyntaxError(message, position, hint);
    }
  }

  /** The known mechanism within edit distance 2 of {@code name}, if one is. */
  private static @Nullable String nearest(String name) {
    if (name.length() < 3) {
      return null;
    }
    for (String mechanism : MECHANISMS) {
      if (mechanism.length() >= 3 && distance(name, mechanism) <= 2) {
        return mechanism;
      }
    }
    return null;
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static final MacroString EMPTY = new MacroString(List.of());

  /**
   * {@code %{d}}, {@code %{I}} and the like (a letter and nothing else), one immutable value each,
   * shared by every macro string that has them; indexed by {@link #plainIndex(char, boolean)}.
   */
  private static final MacroToken.Macro[] PLAIN_MACROS = new MacroToken.Macro[52];

  static {
    for (char letter : "slodiphcrtv".toCharArray()) {
      PLAIN_MACROS[plainIndex(letter, false)] = new MacroToken.Macro(letter, false, 0, false, "");
      PLAIN_MACROS[plainIndex(letter, true)] = new MacroToken.Macro(letter, true, 0, false, "");
    }
  }

  private static int plainIndex(char letter, boolean urlEscape) {
    return (letter - 'a') * 2 + (urlEscape ? 1 : 0);
  }

  /**
   * Parses the macro-strings (RFC 7208 §7.1) of one text, one at a time: {@link #parse(int, int,
   * boolean, boolean)} gives the macro-string in {@code text[from, to)}, with {@link #error} set
   * if it has a syntax error.
   */
  private static final class MacroParser {
    private final String text;
    private int from;
    private int to;
    private boolean explanation;
    private boolean spaces;
    @Nullable SyntaxError error;
    /** The end of the last macro-expand (macro or escape); {@code from} if there is none. */
    int lastMacroEnd;

    /**
     * The tokens of the macro-string being parsed: most have one or two, held without an array;
     * from the third on all of them are in {@link #more}, which the next macro-strings of the
     * same text reuse.
     */
    private @Nullable MacroToken first;

    private @Nullable MacroToken second;
    private MacroToken @Nullable [] more;
    private int count;

    MacroParser(String text) {
      this.text = text;
    }

    MacroString parse(int from, int to, boolean explanation, boolean spaces) {
      this.from = from;
      this.to = to;
      this.explanation = explanation;
      this.spaces = spaces;
      this.error = null;
      this.lastMacroEnd = from;
      this.first = null;
      this.second = null;
      this.count = 0;
      int percent = text.indexOf('%', from);
      if (percent < 0 || percent >= to) {
        // the common case: plain text, one literal taken as it is
        for (int i = from; i < to; i++) {
          char c = text.charAt(i);
          if ((c < 0x21 && !(spaces && c == ' ')) || c > 0x7e) {
            error = new SyntaxError("invalid character in macro string", i, null);
            return EMPTY;
          }
        }
        return from == to ? EMPTY : MacroString.literal(text, from, to);
      }
            // literal text since the last macro: plain runs are taken as substrings, a builder is made
      // only when an escape (%%, %_, %-) joins text
      @Nullable StringBuilder literal = null;
      int i = from;
      int run = from; // start of the plain characters not yet taken
      while (i < to) {
        char c = text.charAt(i);
        if (c != '%') {
          if ((c < 0x21 && !(spaces && c == ' ')) || c > 0x7e) {
            error = new SyntaxError("invalid character in macro string", i, null);
            return result();
          }
          i++;
          continue;
        }
        if (i + 1 >= to) {
          error = new SyntaxError("'%' at the end", i, "write %% for a literal '%'");
          return result();
        }
        char next = text.charAt(i + 1);
        if (next == '%' || next == '_' || next == '-') {
          if (literal == null) {
            literal = new StringBuilder();
          }
          literal.append(text, run, i).append(next == '%' ? "%" : next == '_' ? " " : "%20");
          i += 2;
          run = i;
          lastMacroEnd = i;
          continue;
        }
        if (next != '{') {
          error =
              new SyntaxError(
                  "'%' must be followed by '{', '%', '_' or '-'", i, "write %% for a literal '%'");
          return result();
        }
        int close = text.indexOf('}', i + 2);
        if (close < 0 || close >= to) {
          error = new SyntaxError("unterminated macro", i, "a macro ends with '}'");
          return result();
        }
        MacroToken.Macro macro = macro(i, i + 2, close);
        if (macro == null) {
          return result();
        }
        addLiteral(literal, run, i);
        literal = null;
        add(macro);
        i = close + 1;
        run = i;
        lastMacroEnd = i;
      }
      addLiteral(literal, run, to);
      return result();
    }

    /** Adds the literal made of {@code literal} (if any) and {@code text[run, end)}, unless empty. */
    private void addLiteral(@Nullable StringBuilder literal, int run, int end) {
      if (literal == null) {
        if (run < end) {
          add(new MacroToken.Literal(text.substring(run, end)));
        }
        return;
      }
      // not empty: it holds at least the escape that made it
      add(new MacroToken.Literal(literal.append(text, run, end).toString()));
    }

    private void add(MacroToken token) {
      switch (count) {
        case 0 -> first = token;
        case 1 -> second = token;
        default -> {
          MacroToken[] all = more;
          if (all == null) {
            all = new MacroToken[8];
            more = all;
          } else if (count == all.length) {
            all = Arrays.copyOf(all, count * 2);
            more = all;
          }
          if (count == 2) {
            all[0] = first;
            all[1] = second;
          }
          all[count] = token;
        }
      }
      count++;
    }

    /** The macro-string of the tokens added since {@link #parse} began. */
    private MacroString result() {
      MacroToken one = first;
      MacroToken two = second;
      MacroToken[] all = more;
      if (count == 0 || one == null) {
        return EMPTY;
      }
      if (count == 1 || two == null) {
        return new MacroString(List.of(one));
      }
      if (count == 2 || all == null) {
        return new MacroString(List.of(one, two));
      }
      return new MacroString(new ArrayView<>(Arrays.copyOf(all, count)));
    }

    private MacroToken.@Nullable Macro macro(int percent, int from, int close) {
      if (from == close) {
        error = new SyntaxError("empty macro", percent, null);
        return null;
      }
      char raw = text.charAt(from);
      if ("slodiphcrtvSLODIPHCRTV".indexOf(raw) < 0) {
        error =
            new SyntaxError(
                "unknown macro letter '" + raw + "'", from, "macro letters are s l o d i p h c r t v");
        return null;
      }
      char letter = (char) (raw | 0x20);
      if (!explanation && (letter == 'c' || letter == 'r' || letter == 't')) {
        error =
            new SyntaxError(
                "macro '%{" + raw + "}' is allowed only in explanation strings", percent, null);
        return null;
      }
      int i = from + 1;
      int digits = 0;
      int digitStart = i;
      while (i < close && isDigit(text.charAt(i))) {
        digits = Math.min(digits * 10 + (text.charAt(i) - '0'), 1000);
        i++;
      }
      if (i > digitStart && digits == 0) {
        error = new SyntaxError("macro digit transformer must be 1 or more", digitStart, null);
        return null;
      }
      boolean reverse = false;
      if (i < close && (text.charAt(i) == 'r' || text.charAt(i) == 'R')) {
        reverse = true;
        i++;
      }
      int delimiterStart = i;
      while (i < close) {
        if (".-+,/_=".indexOf(text.charAt(i)) < 0) {
          error =
              new SyntaxError(
                  "invalid macro transformer or delimiter '" + text.charAt(i) + "'",
                  i,
                  "delimiters are . - + , / _ =");
          return null;
        }
        i++;
      }
      boolean urlEscape = Character.isUpperCase(raw);
      if (digits == 0 && !reverse && delimiterStart == close) {
        return PLAIN_MACROS[plainIndex(letter, urlEscape)];
      }
      return new MacroToken.Macro(
          letter, urlEscape, digits, reverse, text.substring(delimiterStart, close));
    }
  }

  /** Character classes of ASCII, looked up instead of compared: the parser's inner loops. */
  private static final byte ALPHA = 1;

  private static final byte NAME = 2;

  private static final byte[] CLASSES = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      CLASSES[c] = ALPHA | NAME;
      CLASSES[Character.toUpperCase(c)] = ALPHA | NAME;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASSES[c] = NAME;
    }
    CLASSES['-'] = NAME;
    CLASSES['_'] = NAME;
    CLASSES['.'] = NAME;
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (CLASSES[c] & NAME) != 0;
  }

  private static boolean isAlpha(char c) {
    return c < 128 && (CLASSES[c] & ALPHA) != 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
