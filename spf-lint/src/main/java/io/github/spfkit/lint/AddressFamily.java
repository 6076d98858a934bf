package io.github.spfkit.lint;

import java.util.Locale;

/**
 * The address family of the connecting client: {@code a} and {@code mx} ask for A records for an
 * IPv4 client and AAAA records for an IPv6 client (RFC 7208 §5.3, §5.4), so the two can get
 * different void lookups from one record.
 */
public enum AddressFamily {
  /** An IPv4 client: {@code a} and MX hosts are looked up as A records. */
  IPV4("IPv4"),
  /** An IPv6 client: {@code a} and MX hosts are looked up as AAAA records. */
  IPV6("IPv6");

  private final String label;

  AddressFamily(String label) {
    this.label = label;
  }

  /**
   * How people write it: {@code IPv4}, {@code IPv6}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The name as JSON writes it: {@code ipv4}, {@code ipv6}.
   *
   * @return the lower-case name
   */
  public String kebab() {
    return name().toLowerCase(Locale.ROOT);
  }
}
