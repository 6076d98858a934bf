package io.github.spfkit.core.record;

import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A directive: a qualifier and one of the eight mechanisms (RFC 7208 §5). {@code toString()} gives
 * the canonical text: the qualifier only when it is not {@code +}, the mechanism name in lower
 * case, CIDR lengths only when they are not the full length.
 */
public sealed interface Mechanism extends Term {

  /**
   * The qualifier that gives the result when this mechanism matches.
   *
   * @return the qualifier; {@link Qualifier#PASS} when none was written
   */
  Qualifier qualifier();

  /**
   * Whether evaluating this mechanism asks DNS and so counts against the limit of 10 (RFC 7208
   * §4.6.4): {@code include}, {@code a}, {@code mx}, {@code ptr} and {@code exists}.
   *
   * @return true for the five DNS-querying mechanisms, false for {@code all}, {@code ip4} and
   *     {@code ip6}
   */
  default boolean queriesDns() {
    return false;
  }

  /**
   * The mechanism's name in lower case: {@code all}, {@code include}, ...
   *
   * @return the name as the RFC writes it, whatever case the record used
   */
  String name();

  /**
   * The five mechanisms that ask DNS ({@code include}, {@code a}, {@code mx}, {@code ptr}, {@code
   * exists}), each with the domain-spec it looks at. Each counts against the limit of 10
   * DNS-querying terms (RFC 7208 §4.6.4).
   */
  sealed interface DnsMechanism extends Mechanism permits Include, A, Mx, Ptr, Exists {

    /**
     * The domain-spec as written.
     *
     * @return the domain-spec, or {@code null} for {@code a}, {@code mx} and {@code ptr} written
     *     without one (they then look at the domain being checked); never null for {@code include}
     *     and {@code exists}
     */
    @Nullable MacroString domain();

    /**
     * The domain-spec this mechanism looks at: the one written, else {@code %{d}}, the domain
     * being checked (RFC 7208 §5.3-§5.5).
     *
     * @return the domain-spec to expand, never null
     */
    default MacroString target() {
      MacroString domain = domain();
      return domain == null ? MacroString.CURRENT_DOMAIN : domain;
    }

    @Override
    default boolean queriesDns() {
      return true;
    }
  }

  /**
   * {@code all}: always matches (§5.1).
   *
   * @param qualifier the qualifier
   */
  record All(Qualifier qualifier) implements Mechanism {
    /**
     * Checks the qualifier.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @throws NullPointerException if {@code qualifier} is null
     */
    public All {
      Objects.requireNonNull(qualifier, "qualifier");
    }

    @Override
    public String name() {
      return "all";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "all";
    }
  }

  /**
   * {@code include:domain}: matches when the included policy passes (§5.2).
   *
   * @param qualifier the qualifier
   * @param domain the domain-spec
   */
  record Include(Qualifier qualifier, MacroString domain) implements DnsMechanism {
    /**
     * Checks both parts.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param domain the domain-spec whose policy is evaluated; not null
     * @throws NullPointerException if either part is null
     */
    public Include {
      Objects.requireNonNull(qualifier, "qualifier");
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "include";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "include:" + domain;
    }
  }

  /**
   * {@code a[:domain][/ip4-cidr][//ip6-cidr]}: matches an address of the domain (§5.3).
   *
   * @param qualifier the qualifier
   * @param domain the domain-spec, or {@code null} for the domain being checked
   * @param ip4Prefix the IPv4 prefix length, 32 by default
   * @param ip6Prefix the IPv6 prefix length, 128 by default
   */
  record A(Qualifier qualifier, @Nullable MacroString domain, int ip4Prefix, int ip6Prefix)
      implements DnsMechanism {
    /**
     * Checks the qualifier and the prefix ranges.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param domain the domain-spec to look up, or null for the domain being checked
     * @param ip4Prefix the IPv4 prefix length compared against the client, 0 to 32
     * @param ip6Prefix the IPv6 prefix length compared against the client, 0 to 128
     * @throws NullPointerException if {@code qualifier} is null
     * @throws IllegalArgumentException if a prefix length is out of range
     */
    public A {
      Objects.requireNonNull(qualifier, "qualifier");
      checkPrefixes(ip4Prefix, ip6Prefix);
    }

    @Override
    public String name() {
      return "a";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "a" + targetText(domain) + dualCidr(ip4Prefix, ip6Prefix);
    }
  }

  /**
   * {@code mx[:domain][/ip4-cidr][//ip6-cidr]}: matches an address of one of the domain's mail
   * exchangers (§5.4).
   *
   * @param qualifier the qualifier
   * @param domain the domain-spec, or {@code null} for the domain being checked
   * @param ip4Prefix the IPv4 prefix length, 32 by default
   * @param ip6Prefix the IPv6 prefix length, 128 by default
   */
  record Mx(Qualifier qualifier, @Nullable MacroString domain, int ip4Prefix, int ip6Prefix)
      implements DnsMechanism {
    /**
     * Checks the qualifier and the prefix ranges.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param domain the domain-spec whose MX names are looked up, or null for the domain being
     *     checked
     * @param ip4Prefix the IPv4 prefix length compared against the client, 0 to 32
     * @param ip6Prefix the IPv6 prefix length compared against the client, 0 to 128
     * @throws NullPointerException if {@code qualifier} is null
     * @throws IllegalArgumentException if a prefix length is out of range
     */
    public Mx {
      Objects.requireNonNull(qualifier, "qualifier");
      checkPrefixes(ip4Prefix, ip6Prefix);
    }

    @Override
    public String name() {
      return "mx";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "mx" + targetText(domain) + dualCidr(ip4Prefix, ip6Prefix);
    }
  }

  /**
   * {@code ptr[:domain]}: matches when a validated reverse name of the client ends in the domain
   * (§5.5; its use is discouraged).
   *
   * @param qualifier the qualifier
   * @param domain the domain-spec, or {@code null} for the domain being checked
   */
  record Ptr(Qualifier qualifier, @Nullable MacroString domain) implements DnsMechanism {
    /**
     * Checks the qualifier.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param domain the domain-spec the validated names must end in, or null for the domain being
     *     checked
     * @throws NullPointerException if {@code qualifier} is null
     */
    public Ptr {
      Objects.requireNonNull(qualifier, "qualifier");
    }

    @Override
    public String name() {
      return "ptr";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "ptr" + targetText(domain);
    }
  }

  /**
   * {@code ip4:network[/prefix]} (§5.6).
   *
   * @param qualifier the qualifier
   * @param network the network address as written
   * @param prefix the prefix length, 0-32
   */
  record Ip4(Qualifier qualifier, IpAddress network, int prefix) implements Mechanism {
    /**
     * Checks the family and the prefix.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param network an IPv4 network address; not null
     * @param prefix the prefix length, 0 to 32
     * @throws IllegalArgumentException if {@code network} is IPv6 or {@code prefix} is out of range
     */
    public Ip4 {
      Objects.requireNonNull(qualifier, "qualifier");
      if (!network.ipv4() || prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("bad ip4 network: " + network + "/" + prefix);
      }
    }

    @Override
    public String name() {
      return "ip4";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "ip4:" + network + (prefix == 32 ? "" : "/" + prefix);
    }
  }

  /**
   * {@code ip6:network[/prefix]} (§5.6).
   *
   * @param qualifier the qualifier
   * @param network the network address as written
   * @param prefix the prefix length, 0-128
   */
  record Ip6(Qualifier qualifier, IpAddress network, int prefix) implements Mechanism {
    /**
     * Checks the family and the prefix.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param network an IPv6 network address; not null
     * @param prefix the prefix length, 0 to 128
     * @throws IllegalArgumentException if {@code network} is IPv4 or {@code prefix} is out of range
     */
    public Ip6 {
      Objects.requireNonNull(qualifier, "qualifier");
      if (network.ipv4() || prefix < 0 || prefix > 128) {
        throw new IllegalArgumentException("bad ip6 network: " + network + "/" + prefix);
      }
    }

    @Override
    public String name() {
      return "ip6";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "ip6:" + network + (prefix == 128 ? "" : "/" + prefix);
    }
  }

  /**
   * {@code exists:domain}: matches when the domain has an A record (§5.7).
   *
   * @param qualifier the qualifier
   * @param domain the domain-spec
   */
  record Exists(Qualifier qualifier, MacroString domain) implements DnsMechanism {
    /**
     * Checks both parts.
     *
     * @param qualifier the result this mechanism gives when it matches; not null
     * @param domain the domain-spec whose A record is looked up; not null
     * @throws NullPointerException if either part is null
     */
    public Exists {
      Objects.requireNonNull(qualifier, "qualifier");
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "exists";
    }

    @Override
    public String toString() {
      return qualifierText(qualifier) + "exists:" + domain;
    }
  }

  private static String qualifierText(Qualifier qualifier) {
    return qualifier == Qualifier.PASS ? "" : String.valueOf(qualifier.symbol());
  }

  private static String targetText(@Nullable MacroString domain) {
    return domain == null ? "" : ":" + domain;
  }

  private static String dualCidr(int ip4Prefix, int ip6Prefix) {
    return (ip4Prefix == 32 ? "" : "/" + ip4Prefix) + (ip6Prefix == 128 ? "" : "//" + ip6Prefix);
  }

  private static void checkPrefixes(int ip4Prefix, int ip6Prefix) {
    if (ip4Prefix < 0 || ip4Prefix > 32 || ip6Prefix < 0 || ip6Prefix > 128) {
      throw new IllegalArgumentException("bad CIDR lengths: /" + ip4Prefix + "//" + ip6Prefix);
    }
  }
}
