package io.github.spfkit.dns.differential;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic generator of DNS worlds and checks over the whole of RFC 7208: case {@code n} of a
 * seed is always the same, whatever the number of cases asked for.
 *
 * <p>Each case is built from one template (a plain random policy tree, or one pushed towards a
 * corner: DNS-term and void limits, MX and PTR fan-out, macros and exp, syntax errors early and
 * late, long names, CNAMEs, SERVFAIL, record selection) and gets random qualifiers, CIDR lengths,
 * macro letters and transformers, client families (IPv4, IPv6, IPv4-mapped) and identities (MAIL
 * FROM, null sender, HELO). Names a macro expands to are computed by a small expander of its own
 * ({@link MacroHint}) so that {@code exists} can match; it is a hint for building the world, not
 * an oracle: the implementations are only compared with each other.
 */
final class CaseGenerator {

  private static final String[] TEMPLATES = {
    "random", "random", "random", "limits", "void", "mx", "ptr", "macro", "exp", "syntax", "long",
    "cname", "servfail", "selection", "include"
  };

  private final long seed;

  CaseGenerator(long seed) {
    this.seed = seed;
  }

  /** The first {@code count} cases. */
  List<DiffCase> cases(int count) {
    List<DiffCase> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      out.add(generate(n));
    }
    return out;
  }

  /** Case {@code n}: its world and its question. */
  DiffCase generate(int n) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L);
    return new Builder(n, random).build();
  }

  /** Kinds of address target for {@code a} and {@code mx}. */
  private enum Host {
    MATCH,
    NEAR,
    FAR,
    OTHER_FAMILY,
    NODATA,
    NXDOMAIN,
    SERVFAIL,
    CNAME
  }

  /** Builds one case. Not reusable. */
  private static final class Builder {
    private final int number;
    private final SplittableRandom random;
    private final World world;
    private final Set<Fact> facts = EnumSet.noneOf(Fact.class);
    private final String template;
    private int labels;

    // the question
    private final String ip;
    private final boolean v6;
    private final int host;
    private String sender = "";
    private String helo = "";
    private DiffCase.Scope scope = DiffCase.Scope.MFROM;

    Builder(int number, SplittableRandom random) {
      this.number = number;
      this.random = random;
      this.world = new World(number);
      this.template = TEMPLATES[random.nextInt(TEMPLATES.length)];
      this.host = 1 + random.nextInt(200);
      int family = random.nextInt(20);
      if (family < 12) {
        ip = world.v4(host);
        v6 = false;
      } else if (family < 17) {
        ip = world.v6(host);
        v6 = true;
      } else {
        ip = "::ffff:" + world.v4(host);
        v6 = false;
        facts.add(Fact.MAPPED_CLIENT);
      }
    }

    DiffCase build() {
      String domain = world.base();
      identity(domain);
      switch (template) {
        case "limits" -> limits(domain);
        case "void" -> voids(domain);
        case "mx" -> fanOutMx(domain);
        case "ptr" -> fanOutPtr(domain);
        case "macro" -> macros(domain);
        case "exp" -> explanation(domain);
        case "syntax" -> syntax(domain);
        case "long" -> longNames(domain);
        case "cname" -> cnames(domain);
        case "servfail" -> servfail(domain);
        case "selection" -> selection(domain);
        case "include" -> includes(domain);
        default -> policy(domain, 2);
      }
      return new DiffCase(
          String.format(Locale.ROOT, "c%05d", number),
          template,
          world.records(),
          ip,
          sender,
          helo,
          scope,
          facts);
    }

    // ---------------------------------------------------------------- the identity

    /** Who is asking: MAIL FROM at the case's domain (or a sub-name), null sender, or HELO. */
    private void identity(String domain) {
      int kind = random.nextInt(20);
      String local = localPart();
      if (kind < 15) {
        sender = local.isEmpty() ? domain : local + "@" + domain;
        helo = random.nextBoolean() ? world.name("helo") : "mail.example.test";
      } else if (kind < 17) {
        sender = "";
        helo = domain;
      } else {
        scope = DiffCase.Scope.HELO;
        helo = domain;
        sender = "someone@elsewhere.test";
      }
    }

    private String localPart() {
      String[] plain = {"alice", "bob.smith", "postmaster", "Mixed.Case", "x"};
      String[] odd = {"a+tag", "first=last", "we-ird_", "a~b", "o'neil", "a/b", "x!y"};
      int pick = random.nextInt(20);
      if (pick < 13) {
        return plain[random.nextInt(plain.length)];
      }
      if (pick < 19) {
        facts.add(Fact.ODD_LOCAL_PART);
        return odd[random.nextInt(odd.length)];
      }
      facts.add(Fact.NO_LOCAL_PART);
      return "";
    }

    // ---------------------------------------------------------------- records

    private String fresh(String prefix) {
      return world.name(prefix + (labels++));
    }

    /** Writes a random policy at {@code owner} and returns its text. */
    private String policy(String owner, int depth) {
      List<String> terms = new ArrayList<>();
      int mechanisms = random.nextInt(5);
      for (int i = 0; i < mechanisms; i++) {
        terms.add(mechanism(owner, depth));
      }
      boolean all = random.nextInt(10) < 6;
      if (all) {
        terms.add(qualifier() + "all");
      }
      if (depth > 0 && (all ? random.nextInt(20) == 0 : random.nextInt(4) == 0)) {
        terms.add("redirect=" + includeTarget(depth - 1, true));
        if (all) {
          facts.add(Fact.UNUSED_REDIRECT);
        }
      }
      if (random.nextInt(5) == 0) {
        terms.add("exp=" + expTarget(owner));
      }
      if (random.nextInt(10) == 0) {
        terms.add(random.nextBoolean() ? "moo=cow" : "x-note.v1=%{d}");
      }
      if (random.nextInt(6) == 0) {
        java.util.Collections.shuffle(terms, new java.util.Random(random.nextLong()));
      }
      String text = "v=spf1" + (terms.isEmpty() ? "" : " " + String.join(" ", terms));
      publish(owner, text);
      return text;
    }

    private void publish(String owner, String text) {
      if (text.length() > 12 && random.nextInt(12) == 0) {
        int cut = 1 + random.nextInt(text.length() - 1);
        world.txt(owner, text.substring(0, cut), text.substring(cut));
        facts.add(Fact.SPLIT_TXT);
      } else {
        world.txt(owner, text);
      }
    }

    private String qualifier() {
      int q = random.nextInt(20);
      return q < 11 ? "" : q < 14 ? "+" : q < 17 ? "-" : q < 19 ? "~" : "?";
    }

    private String mechanism(String owner, int depth) {
      int kind = random.nextInt(depth > 0 ? 20 : 17);
      return qualifier()
          + switch (kind) {
            case 0, 1, 2 -> ip4();
            case 3, 4 -> ip6();
            case 5, 6, 7 -> a(owner);
            case 8, 9 -> mx(owner, 1 + random.nextInt(3));
            case 10, 11 -> ptr(owner, 1 + random.nextInt(3));
            case 12, 13, 14 -> exists(owner);
            case 15 -> "a:" + fresh("void");
            case 16 -> "exists:" + fresh("void");
            default -> "include:" + includeTarget(depth - 1, false);
          };
    }

    private String ip4() {
      int pick = random.nextInt(10);
      String network =
          pick < 4 ? world.v4(host) : pick < 7 ? world.v4Net() : pick < 9 ? "192.0.2." + random.nextInt(256) : "10.0.0.0";
      int[] lengths = {-1, -1, 0, 8, 16, 23, 24, 25, 31, 32};
      int length = lengths[random.nextInt(lengths.length)];
      return "ip4:" + network + (length < 0 ? "" : "/" + length);
    }

    private String ip6() {
      int pick = random.nextInt(12);
      String network;
      if (pick < 4) {
        network = world.v6(host);
      } else if (pick < 7) {
        network = world.v6Net();
      } else if (pick < 9) {
        network = "2001:db8:ffff::" + Integer.toHexString(random.nextInt(0x10000));
      } else if (pick < 11) {
        network = "::ffff:" + world.v4(random.nextBoolean() ? host : 1 + random.nextInt(254));
        facts.add(Fact.IP6_MAPPED_NETWORK);
      } else {
        network = "::"; // holds ::ffff:0:0/96 too, for lengths up to 96
        facts.add(Fact.IP6_MAPPED_NETWORK);
      }
      int[] lengths = {-1, -1, 0, 32, 48, 63, 64, 96, 120, 127, 128};
      int length = lengths[random.nextInt(lengths.length)];
      if (network.startsWith("::ffff:") && random.nextBoolean()) {
        length = 96 + random.nextInt(33);
      }
      if (length == 0) {
        facts.add(Fact.IP6_MAPPED_NETWORK); // ::/0 holds the IPv4-mapped range
      }
      return "ip6:" + network + (length < 0 ? "" : "/" + length);
    }

    /** A CIDR suffix for {@code a}/{@code mx}: none, IPv4, IPv6 or both, now and then out of range. */
    private String dualCidr() {
      int pick = random.nextInt(10);
      if (pick < 5) {
        return "";
      }
      int[] v4 = {0, 8, 16, 24, 25, 31, 32};
      int[] v6 = {0, 48, 64, 96, 120, 128};
      String four = "/" + v4[random.nextInt(v4.length)];
      String six = "//" + v6[random.nextInt(v6.length)];
      if (pick == 9 && random.nextInt(3) == 0) {
        facts.add(Fact.ODD_CIDR);
        String[] odd = {"/33", "//129", "/024", "//", "/", "/24//0128"};
        return odd[random.nextInt(odd.length)];
      }
      return pick < 7 ? four : pick < 8 ? six : four + six;
    }

    /** A name whose addresses are of the given kind for the client. */
    private String hostName(Host kind) {
      String name = fresh("h");
      switch (kind) {
        case MATCH -> address(name, host);
        case NEAR -> address(name, host == 250 ? 1 : host + 1 + random.nextInt(4));
        case FAR -> {
          world.a(name, "192.0.2." + (1 + random.nextInt(254)));
          world.aaaa(name, "2001:db8:ffff::" + Integer.toHexString(1 + random.nextInt(0xfffe)));
        }
        case OTHER_FAMILY -> {
          if (v6) {
            world.a(name, world.v4(host));
          } else {
            world.aaaa(name, world.v6(host));
          }
        }
        case NODATA -> world.txt(name, "not an address");
        case NXDOMAIN -> {
          // nothing at the name
        }
        case SERVFAIL -> {
          facts.add(Fact.HOST_SERVFAIL);
          return world.servfail(name.substring(0, name.indexOf('.')));
        }
        case CNAME -> {
          // Not into the SERVFAIL zone: Knot, authoritative only, answers a CNAME into another
          // zone with the CNAME alone, and Mail::SPF (leaving the chase to a recursive resolver)
          // would read that as "no address" where a real resolver gives SERVFAIL.
          Host target = Host.values()[random.nextInt(Host.SERVFAIL.ordinal())];
          if (target == Host.OTHER_FAMILY || target == Host.NODATA || target == Host.NXDOMAIN) {
            facts.add(Fact.CNAME_TO_NOTHING);
          }
          world.cname(name, hostName(target));
        }
      }
      return name;
    }

    private void address(String name, int n) {
      if (v6) {
        world.aaaa(name, world.v6(n));
        if (random.nextBoolean()) {
          world.a(name, world.v4(n));
        }
      } else {
        world.a(name, world.v4(n));
        if (random.nextBoolean()) {
          world.aaaa(name, world.v6(n));
        }
      }
      if (random.nextInt(4) == 0) {
        world.a(name, "192.0.2." + (1 + random.nextInt(254)));
      }
    }

    private Host hostKind() {
      int pick = random.nextInt(20);
      return pick < 6
          ? Host.MATCH
          : pick < 9
              ? Host.NEAR
              : pick < 12
                  ? Host.FAR
                  : pick < 14
                      ? Host.OTHER_FAMILY
                      : pick < 16 ? Host.NODATA : pick < 18 ? Host.NXDOMAIN : pick < 19 ? Host.SERVFAIL : Host.CNAME;
    }

    private String a(String owner) {
      if (random.nextInt(4) == 0) {
        Host kind = hostKind();
        if (kind != Host.SERVFAIL && kind != Host.NXDOMAIN) {
          hostAt(owner, kind);
        }
        return "a" + dualCidr();
      }
      String target = hostName(hostKind());
      if (random.nextInt(15) == 0) {
        facts.add(Fact.ODD_DOMAIN_SPEC);
        target = target + "."; // a trailing dot, which the ABNF's domain-end allows
      }
      return "a:" + target + dualCidr();
    }

    /** Puts addresses of {@code kind} at an existing name (the record's own domain). */
    private void hostAt(String owner, Host kind) {
      switch (kind) {
        case MATCH -> address(owner, host);
        case NEAR -> address(owner, host == 250 ? 1 : host + 1);
        case FAR -> world.a(owner, "192.0.2." + (1 + random.nextInt(254)));
        case OTHER_FAMILY -> {
          if (v6) {
            world.a(owner, world.v4(host));
          } else {
            world.aaaa(owner, world.v6(host));
          }
        }
        default -> {
          // the owner has its TXT already: NODATA for addresses
        }
      }
    }

    /** An {@code mx} with {@code hosts} exchanges of random kinds. */
    private String mx(String owner, int hosts) {
      boolean own = random.nextInt(3) == 0;
      String target = own ? owner : fresh("mx");
      if (hosts > 10) {
        facts.add(Fact.MX_OVER_TEN);
      }
      for (int i = 0; i < hosts; i++) {
        Host kind = hostKind();
        world.mx(target, random.nextInt(3) * 10, hostName(kind));
      }
      return (own ? "mx" : "mx:" + target) + dualCidr();
    }

    /** A {@code ptr} with {@code names} PTR records for the client, each validated or not. */
    private String ptr(String owner, int names) {
      boolean own = random.nextInt(3) == 0;
      String under = own ? owner : fresh("ptr");
      if (names > 10) {
        facts.add(Fact.PTR_OVER_TEN);
      }
      String client = v6 ? world.v6(host) : world.v4(host);
      for (int i = 0; i < names; i++) {
        int pick = random.nextInt(10);
        String name;
        if (pick < 4) {
          name = "p" + (labels++) + "." + under;
          address(name, host);
        } else if (pick < 6) {
          name = "p" + (labels++) + "." + under;
          if (random.nextBoolean()) {
            world.a(name, "192.0.2.7");
          }
        } else if (pick < 8) {
          name = fresh("elsewhere");
          address(name, host);
        } else if (pick < 9) {
          name = under;
          address(under, host);
        } else {
          name = world.servfail("p" + (labels++));
          facts.add(Fact.PTR_TARGET_SERVFAIL);
        }
        world.ptr(client, name);
      }
      return own ? "ptr" : "ptr:" + under;
    }

    private String exists(String owner) {
      MacroHint.Expanded spec = macroSpec(owner, false);
      if (spec.name() != null && random.nextInt(10) < 6) {
        world.a(spec.name(), "127.0.0.2");
      }
      return "exists:" + spec.text();
    }

    /** A domain-spec with macros, and where it expands to if the generator can tell. */
    private MacroHint.Expanded macroSpec(String owner, boolean exp) {
      MacroHint hint = hint(owner);
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(2);
      for (int i = 0; i < parts; i++) {
        text.append(macro(exp)).append('.');
      }
      text.append(random.nextInt(8) == 0 ? "%{d1r}." : "").append("x.").append(world.base());
      return hint.expand(text.toString(), facts);
    }

    private MacroHint hint(String owner) {
      String checked =
          scope == DiffCase.Scope.HELO || sender.isEmpty()
              ? "postmaster@" + helo
              : sender.indexOf('@') < 0 ? "postmaster@" + sender : sender;
      return new MacroHint(
          checked,
          owner,
          v6 ? world.v6(host) : world.v4(host),
          helo);
    }

    /** One macro: any letter, upper or lower case, with or without transformers and delimiters. */
    private String macro(boolean exp) {
      String letters = exp ? "slodiphvcrslodiv" : "slodihvslodiv";
      char letter = letters.charAt(random.nextInt(letters.length()));
      if (!exp && random.nextInt(40) == 0) {
        letter = "crt".charAt(random.nextInt(3));
        facts.add(Fact.EXP_ONLY_MACRO_OUTSIDE_EXP);
      }
      if (letter == 'p') {
        facts.add(Fact.P_MACRO);
      }
      if (random.nextInt(6) == 0) {
        letter = Character.toUpperCase(letter);
      }
      StringBuilder out = new StringBuilder("%{").append(letter);
      if (random.nextInt(3) == 0) {
        int digits = random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(4);
        if (digits == 0) {
          facts.add(Fact.MACRO_DIGIT_ZERO);
        }
        out.append(digits);
      }
      if (random.nextInt(3) == 0) {
        out.append('r');
      }
      if (random.nextInt(5) == 0) {
        String delimiters = ".-+,/_=";
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          out.append(delimiters.charAt(random.nextInt(delimiters.length())));
        }
      }
      return out.append('}').toString();
    }

    /** A name with a record (or deliberately without one) for {@code include}/{@code redirect}. */
    private String includeTarget(int depth, boolean redirect) {
      String name = fresh(redirect ? "redirect" : "include");
      int pick = random.nextInt(20);
      if (pick < 14 || depth < 0) {
        policy(name, Math.max(depth, 0));
      } else if (pick < 15) {
        // NXDOMAIN: no record
      } else if (pick < 16) {
        world.txt(name, "some other text");
      } else if (pick < 17) {
        return world.servfail("inc" + (labels++));
      } else if (pick < 18) {
        world.txt(name, "v=spf1 -all");
        world.txt(name, "v=spf1 +all");
      } else if (pick < 19) {
        world.txt(name, "v=spf1 ip4:" + world.v4(host) + " -al");
      } else {
        String target = fresh("cnamed");
        policy(target, Math.max(depth, 0));
        world.cname(name, target);
        facts.add(Fact.CNAME_TO_NOTHING);
      }
      return name;
    }

    /** An {@code exp=} target: TXT with macros, or broken on purpose. */
    private String expTarget(String owner) {
      String name = fresh("why");
      int pick = random.nextInt(14);
      if (pick < 9) {
        world.txt(name, explanationText(owner));
      } else {
        facts.add(Fact.BROKEN_EXP);
        switch (pick) {
          case 9 -> {
            // NXDOMAIN
          }
          case 10 -> {
            world.txt(name, "first");
            world.txt(name, "second");
          }
          case 11 -> world.txt(name, "bad macro %{z} here");
          case 12 -> {
            return world.servfail("why" + (labels++));
          }
          default -> world.a(name, "192.0.2.1");
        }
      }
      if (pick < 9 && random.nextInt(5) == 0) {
        // exp's own domain-spec with a macro: the TXT sits at its expansion for this record
        world.txt(owner + ".why.x." + world.base(), explanationText(owner));
        return "%{d}.why.x." + world.base();
      }
      return name;
    }

    private String explanationText(String owner) {
      StringBuilder text = new StringBuilder();
      String[] words = {"mail from", "is not allowed;", "see", "for", "%%", "%_", "%-", "ask"};
      int parts = 2 + random.nextInt(5);
      for (int i = 0; i < parts; i++) {
        if (i > 0) {
          text.append(' ');
        }
        text.append(random.nextBoolean() ? macro(true) : words[random.nextInt(words.length)]);
      }
      hint(owner).scan(text.toString(), facts);
      return text.toString();
    }

    // ---------------------------------------------------------------- the templates

    /** DNS-querying terms around the limit of 10, spread over an include chain. */
    private void limits(String domain) {
      facts.add(Fact.NEAR_LIMITS);
      int total = 8 + random.nextInt(5);
      int includes = random.nextInt(Math.min(4, total));
      String owner = domain;
      int left = total;
      for (int level = 0; level <= includes; level++) {
        List<String> terms = new ArrayList<>();
        int here = level == includes ? left : 1 + random.nextInt(Math.max(1, left - (includes - level)));
        here = Math.min(here, left);
        for (int i = 0; i < here - (level < includes ? 1 : 0); i++) {
          terms.add(random.nextBoolean() ? "a:" + hostName(Host.FAR) : "mx:" + mxWithFarHost());
        }
        left -= here;
        String next = level < includes ? fresh("lvl") : null;
        if (next != null) {
          terms.add("include:" + next);
        }
        if (level == includes) {
          terms.add(random.nextBoolean() ? "ip4:" + world.v4(host) : "a:" + hostName(Host.MATCH));
          terms.add(random.nextInt(5) == 0 ? "redirect=" + fresh("unused") : "-all");
          if (random.nextInt(4) == 0) {
            terms.add(0, "ip4:" + world.v4(host));
          }
        } else {
          terms.add("-all");
        }
        if (terms.stream().anyMatch(t -> t.startsWith("redirect=")) && terms.contains("-all")) {
          facts.add(Fact.UNUSED_REDIRECT);
        }
        world.txt(owner, "v=spf1 " + String.join(" ", terms));
        if (next != null) {
          owner = next;
        }
      }
      if (random.nextInt(3) == 0) {
        // an unused redirect next to all: counted by some, not by others
        String extra = fresh("tail");
        world.txt(extra, "v=spf1 -all");
        world.txt(
            world.name("limits-redirect"), "v=spf1 a:" + hostName(Host.FAR) + " ~all redirect=" + extra);
      }
    }

    private String mxWithFarHost() {
      String name = fresh("mxf");
      world.mx(name, 10, hostName(Host.FAR));
      return name;
    }

    /** Void lookups around the limit of 2: a/exists on nothing, MX hosts and PTR names without addresses. */
    private void voids(String domain) {
      facts.add(Fact.NEAR_LIMITS);
      List<String> terms = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        switch (random.nextInt(5)) {
          case 0 -> terms.add("a:" + hostName(random.nextBoolean() ? Host.NXDOMAIN : Host.NODATA));
          case 1 -> terms.add("exists:" + fresh("void"));
          case 2 -> {
            String name = fresh("mxv");
            int hosts = 1 + random.nextInt(4);
            for (int h = 0; h < hosts; h++) {
              world.mx(name, 10, hostName(random.nextBoolean() ? Host.NXDOMAIN : Host.OTHER_FAMILY));
            }
            terms.add("mx:" + name);
          }
          case 3 -> terms.add(ptr(domain, 1 + random.nextInt(4)));
          default -> terms.add("include:" + includeTarget(0, false));
        }
      }
      if (random.nextBoolean()) {
        terms.add(random.nextInt(terms.size() + 1), "ip4:" + world.v4(host));
      }
      terms.add(qualifier() + "all");
      world.txt(domain, "v=spf1 " + String.join(" ", terms));
    }

    /** An {@code mx} with 0 to 13 hosts. */
    private void fanOutMx(String domain) {
      int hosts = random.nextInt(14);
      String term = mx(domain, hosts);
      world.txt(domain, "v=spf1 " + qualifier() + term + " " + qualifier() + "all");
    }

    /** A {@code ptr} (or {@code %{p}}) with 0 to 13 PTR names. */
    private void fanOutPtr(String domain) {
      int names = random.nextInt(14);
      String term = ptr(domain, names);
      if (random.nextInt(3) == 0) {
        facts.add(Fact.P_MACRO);
        String exists = "exists:%{p}.x." + world.base();
        world.a(domain + ".x." + world.base(), "127.0.0.2");
        world.txt(domain, "v=spf1 " + exists + " " + qualifier() + "all");
      } else {
        world.txt(domain, "v=spf1 " + qualifier() + term + " " + qualifier() + "all");
      }
    }

    /** Macros in {@code exists}, {@code a}, {@code include} domain-specs and unknown modifiers. */
    private void macros(String domain) {
      List<String> terms = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        terms.add(qualifier() + exists(domain));
      }
      if (random.nextBoolean()) {
        MacroHint.Expanded spec = macroSpec(domain, false);
        if (spec.name() != null) {
          address(spec.name(), host);
        }
        terms.add("a:" + spec.text());
      }
      if (random.nextInt(4) == 0) {
        terms.add("%{d}=ok");
      }
      terms.add(qualifier() + "all");
      if (random.nextInt(4) == 0) {
        terms.add("exp=" + expTarget(domain));
      }
      world.txt(domain, "v=spf1 " + String.join(" ", terms));
    }

    /** A failing policy with an explanation full of macros, sometimes reached through include/redirect. */
    private void explanation(String domain) {
      String owner = domain;
      if (random.nextBoolean()) {
        owner = fresh("target");
        world.txt(domain, "v=spf1 ?ip4:192.0.2.1 redirect=" + owner);
      }
      String terms = random.nextBoolean() ? "-all" : "-ip4:" + world.v4Net() + "/24 -ip6:" + world.v6Net() + "/64";
      world.txt(owner, "v=spf1 " + terms + " exp=" + expTarget(owner));
    }

    /** A syntax error early or late, before or after a matching term, at the top or in an include. */
    private void syntax(String domain) {
      String[] errors = {
        "ip4:10.0.0.256", "ip4:1.2.3.4/33", "ip4:1.2.3", "ip6:2001:db8::/129", "a:", "mx:",
        "include:", "exists:", "a/24/", "all:x", "-all/0", "ptr/24", "ip4", "ip6:", "=all", "foo",
        "redirect=", "exp=", "a:%{z}.x.test", "exists:%{d", "a:x.%.test", "include:%{d0}.x.test",
        "a:-bad-.x.test", "a:x..test", "mx//129", "a:x.test/3a", "v=spf1", "exp=x.test exp=y.test",
        "redirect=a.test redirect=b.test", "exists:%{i}.%{l1r+-}.x.test", "ip4:010.1.1.1", "a:1.2.3.4"
      };
      String error = errors[random.nextInt(errors.length)];
      if (error.contains("..") || error.contains("-bad-")) {
        facts.add(Fact.ODD_DOMAIN_SPEC);
      }
      String match = "ip4:" + world.v4(host);
      if (v6) {
        match = "ip6:" + world.v6(host);
      }
      List<String> terms = new ArrayList<>();
      int where = random.nextInt(4);
      switch (where) {
        case 0 -> {
          terms.add(error);
          terms.add(match);
        }
        case 1 -> {
          terms.add(match);
          terms.add(error);
          facts.add(Fact.LATE_SYNTAX_ERROR);
        }
        case 2 -> {
          terms.add("a:" + hostName(Host.FAR));
          terms.add(error);
          terms.add(match);
        }
        default -> {
          String inner = fresh("inner");
          boolean late = random.nextBoolean();
          if (late) {
            facts.add(Fact.LATE_SYNTAX_ERROR);
          }
          world.txt(inner, "v=spf1 " + (late ? match + " " + error : error + " " + match));
          terms.add("include:" + inner);
          terms.add(random.nextBoolean() ? match : "?all");
        }
      }
      terms.add("-all");
      world.txt(domain, "v=spf1 " + String.join(" ", terms));
    }

    /** Names near 253 characters: long literal domain-specs, long expansions, long sender domains. */
    private void longNames(String domain) {
      switch (random.nextInt(4)) {
        case 0 -> {
          // a literal domain-spec over 253 characters, whose last 253 exist
          String target = longName(world.name("lng"), 230 + random.nextInt(60));
          facts.add(target.length() > 253 ? Fact.LONG_LITERAL : Fact.NEAR_LIMITS);
          address(truncated(target), host);
          world.txt(domain, "v=spf1 a:" + target + " -all");
        }
        case 1 -> {
          // an expansion over 253 characters: %{d} repeated
          String spec = "%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.%{d}.x." + world.base();
          String expanded = (domain + ".").repeat(12) + "x." + world.base();
          facts.add(Fact.LONG_EXPANSION);
          world.a(truncated(expanded), "127.0.0.2");
          world.txt(domain, "v=spf1 exists:" + spec + " -all");
        }
        case 2 -> {
          // a long sender domain (over 253 or a label over 63)
          String longDomain =
              random.nextBoolean()
                  ? longName(domain, 240 + random.nextInt(30))
                  : "l" + "x".repeat(63 + random.nextInt(2)) + "." + domain;
          if (longDomain.length() > 253 || longDomain.indexOf('.') > 63) {
            facts.add(Fact.INVALID_SENDER_DOMAIN); // not a DNS name: nothing can be published there
          } else {
            world.txt(longDomain, "v=spf1 ip4:" + world.v4(host) + " ip6:" + world.v6(host) + " -all");
          }
          if (scope == DiffCase.Scope.HELO || sender.isEmpty()) {
            helo = longDomain;
          } else {
            sender = "alice@" + longDomain;
          }
        }
        default -> {
          // a single-label sender domain
          facts.add(Fact.INVALID_SENDER_DOMAIN);
          if (scope == DiffCase.Scope.HELO || sender.isEmpty()) {
            helo = "localhost";
          } else {
            sender = "alice@localhost";
          }
        }
      }
    }

    private String longName(String under, int length) {
      StringBuilder out = new StringBuilder(under);
      while (out.length() < length) {
        int label = Math.min(63, Math.max(1, length - out.length() - 1));
        out.insert(0, "l".repeat(label) + ".");
      }
      return out.toString();
    }

    /** §7.3: labels dropped from the left until 253 characters or fewer remain. */
    private static String truncated(String name) {
      String out = name;
      while (out.length() > 253 && out.indexOf('.') >= 0) {
        out = out.substring(out.indexOf('.') + 1);
      }
      return out;
    }

    /** CNAMEs on the SPF record, on address targets, chains and loops. */
    private void cnames(String domain) {
      switch (random.nextInt(4)) {
        case 0 -> {
          String real = fresh("real");
          policy(real, 1);
          String hop = fresh("hop");
          world.cname(hop, real);
          facts.add(Fact.CNAME_TO_NOTHING); // the record's domain is the hop: no address behind it
          world.txt(domain, "v=spf1 include:" + hop + " " + qualifier() + "all");
        }
        case 1 -> {
          String target = hostName(Host.CNAME);
          world.txt(domain, "v=spf1 a:" + target + dualCidr() + " mx:" + mxWithCnameHost() + " -all");
        }
        case 2 -> {
          String one = fresh("loop");
          String two = fresh("loop");
          world.cname(one, two);
          world.cname(two, one);
          facts.add(Fact.CNAME_LOOP);
          String[] uses = {"a:" + one, "include:" + one, "exists:" + one, "mx:" + one};
          world.txt(domain, "v=spf1 " + uses[random.nextInt(uses.length)] + " ip4:" + world.v4(host) + " -all");
        }
        default -> {
          String target = hostName(Host.MATCH);
          String chain = target;
          int hops = 1 + random.nextInt(4);
          for (int i = 0; i < hops; i++) {
            String hop = fresh("chain");
            world.cname(hop, chain);
            chain = hop;
          }
          world.txt(domain, "v=spf1 a:" + chain + " -all");
        }
      }
    }

    private String mxWithCnameHost() {
      String name = fresh("mxc");
      world.mx(name, 10, hostName(Host.CNAME));
      return name;
    }

    /** A SERVFAIL somewhere: the record itself, an include, an address target, an exists. */
    private void servfail(String domain) {
      String failing = world.servfail("sf" + (labels++));
      String before = random.nextBoolean() ? "ip4:" + world.v4(host) + " " : "";
      switch (random.nextInt(5)) {
        case 0 -> {
          world.txt(failing, "v=spf1 +all");
          if (scope == DiffCase.Scope.HELO || sender.isEmpty()) {
            helo = failing;
          } else {
            sender = "alice@" + failing;
          }
        }
        case 1 -> world.txt(domain, "v=spf1 " + before + "include:" + failing + " -all");
        case 2 -> world.txt(domain, "v=spf1 " + before + "a:" + failing + " -all");
        case 3 -> world.txt(domain, "v=spf1 " + before + "exists:" + failing + " -all");
        default -> world.txt(domain, "v=spf1 " + before + "-all redirect=" + failing);
      }
    }

    /** Which TXT records are an SPF record (§4.5): none, several, look-alikes, case, splits. */
    private void selection(String domain) {
      String allow = v6 ? "ip6:" + world.v6(host) : "ip4:" + world.v4(host);
      switch (random.nextInt(9)) {
        case 0 -> world.txt(domain, "v=spf1 " + allow + " -all", "");
        case 1 -> {
          world.txt(domain, "v=spf1 " + allow + " -all");
          world.txt(domain, "v=spf1 -all");
        }
        case 2 -> world.txt(domain, "v=spf10 " + allow);
        case 3 -> world.txt(domain, "V=SpF1 " + allow + " -all");
        case 4 -> {
          world.txt(domain, "v=spf1 " + allow + " -all");
          world.txt(domain, "google-site-verification=abc");
        }
        case 5 -> world.txt(domain, "v=spf1");
        case 6 -> world.txt(domain, "v=spf1  " + allow + "   -all ");
        case 7 -> world.txt(domain, "v=spf1" + "\t" + allow + " -all");
        default -> world.txt(domain, "v=spf1 ", allow + " ", "-all");
      }
    }

    /** include results: pass, fail, softfail, neutral, none, errors, through several levels. */
    private void includes(String domain) {
      List<String> terms = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        terms.add(qualifier() + "include:" + includeTarget(2, false));
      }
      terms.add(qualifier() + "all");
      world.txt(domain, "v=spf1 " + String.join(" ", terms));
    }
  }
}
