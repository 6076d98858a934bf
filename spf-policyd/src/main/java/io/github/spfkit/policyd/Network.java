package io.github.spfkit.policyd;

import io.github.spfkit.core.net.IpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address block in CIDR notation, as {@code skip_addresses} and {@code Whitelist} list them.
 *
 * @param address the network address (no host bits set)
 * @param prefix the prefix length, 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Network(IpAddress address, int prefix) {

  /**
   * Checks the prefix.
   *
   * @param address the network address; not null
   * @param prefix the prefix length for the address family
   * @throws IllegalArgumentException if the prefix is out of range
   */
  public Network {
    Objects.requireNonNull(address, "address");
    if (prefix < 0 || prefix > address.bits()) {
      throw new IllegalArgumentException("prefix " + prefix + " out of range for " + address);
    }
  }

  /**
   * Parses {@code ADDRESS[/PREFIX]}; an address alone is a host route. As in policyd-spf
   * (Python's {@code ipaddress} in strict mode), a network with host bits set is not a network.
   *
   * @param text e.g. {@code 192.0.2.0/24}, {@code ::1}, {@code ::ffff:127.0.0.0/104}
   * @return the network, or empty if the text is not one
   */
  public static Optional<Network> parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    Optional<IpAddress> address = IpAddress.parse(slash < 0 ? value : value.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    IpAddress ip = address.get();
    int prefix = ip.bits();
    if (slash >= 0) {
      String digits = value.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(digits);
      if (prefix > ip.bits()) {
        return Optional.empty();
      }
    }
    if (!sameBlock(ip, prefix)) {
      return Optional.empty();
    }
    return Optional.of(new Network(ip, prefix));
  }

  private static boolean sameBlock(IpAddress ip, int prefix) {
    // host bits set: the address is not the first of its block
    byte[] bytes = ip.toBytes();
    for (int bit = prefix; bit < ip.bits(); bit++) {
      if ((bytes[bit >>> 3] & (0x80 >>> (bit & 7))) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an address is in this block. Families never mix: an IPv4 client is not in an IPv6 block,
   * and an IPv4-mapped IPv6 client ({@code ::ffff:127.0.0.1}) is only in IPv6 blocks, as in
   * policyd-spf.
   *
   * @param ip the client address
   * @return whether it lies in this block
   */
  public boolean contains(IpAddress ip) {
    return ip.isIn(address, prefix);
  }

  @Override
  public String toString() {
    return address + "/" + prefix;
  }
}
