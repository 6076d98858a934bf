package io.github.spfkit.diagnosis;

import io.github.spfkit.core.net.IpAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Addresses that never belong in a public SPF record, because no receiver on the Internet ever
 * sees mail come from them: loopback (RFC 1122, RFC 4291), private (RFC 1918), unique local (RFC
 * 4193), link-local (RFC 3927, RFC 4291), shared address space of carrier-grade NAT (RFC 6598),
 * "this network" and the unspecified address. Documentation ranges (RFC 5737, RFC 3849) are kept
 * public: examples use them as stand-ins for real public addresses.
 */
final class AddressScope {
  private AddressScope() {}

  private record Range(String code, IpAddress network, int prefix) {}

  private static final List<Range> NOT_PUBLIC =
      List.of(
          new Range("loopback", IpAddress.of("127.0.0.0"), 8),
          new Range("loopback", IpAddress.of("::1"), 128),
          new Range("private", IpAddress.of("10.0.0.0"), 8),
          new Range("private", IpAddress.of("172.16.0.0"), 12),
          new Range("private", IpAddress.of("192.168.0.0"), 16),
          new Range("unique-local", IpAddress.of("fc00::"), 7),
          new Range("link-local", IpAddress.of("169.254.0.0"), 16),
          new Range("link-local", IpAddress.of("fe80::"), 10),
          new Range("shared", IpAddress.of("100.64.0.0"), 10),
          new Range("unspecified", IpAddress.of("0.0.0.0"), 8),
          new Range("unspecified", IpAddress.of("::"), 128));

  /**
   * The kind of non-public address {@code ip} is ({@code loopback}, {@code private}, {@code
   * unique-local}, {@code link-local}, {@code shared}, {@code unspecified}), or {@code null} for
   * an address that may appear in a public SPF record. IPv4-mapped IPv6 addresses are judged as
   * the IPv4 address they carry.
   */
  static @Nullable String notPublic(IpAddress ip) {
    IpAddress address = ip.isIpv4Mapped() ? ip.unmapped() : ip;
    for (Range range : NOT_PUBLIC) {
      if (range.network().ipv4() == address.ipv4() && address.isIn(range.network(), range.prefix())) {
        return range.code();
      }
    }
    return null;
  }

  static boolean isPublic(IpAddress ip) {
    return notPublic(ip) == null;
  }
}
