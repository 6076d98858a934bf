package io.github.spfkit.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, parsed from its literal form without any DNS lookup.
 *
 * <p>Values are immutable and compare by address and family ({@link #equals(Object)}); their
 * representation is private: make them with {@link #parse(String)}, {@link #of(String)}, {@link
 * #of(InetAddress)} or {@link #ofBytes(byte[])}, and take them out with {@link #toString()},
 * {@link #toBytes()} or {@link #toInetAddress()}. IPv4-mapped IPv6 addresses ({@code
 * ::ffff:192.0.2.1}) stay IPv6 values here; {@link #unmapped()} gives the IPv4 address an SPF
 * evaluation uses for them (RFC 7208 §5: "the IP address of the SMTP client ... as IPv4").
 */
public final class IpAddress {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The upper 64 bits of an IPv6 address; 0 for IPv4. */
  private final long high;

  /** The lower 64 bits of an IPv6 address, or the IPv4 address in the low 32 bits. */
  private final long low;

  private final boolean ipv4;

  private IpAddress(long high, long low, boolean ipv4) {
    this.high = high;
    this.low = low;
    this.ipv4 = ipv4;
  }

  /**
   * Whether this is an IPv4 address (an IPv4-mapped IPv6 address is not).
   *
   * @return true for IPv4, false for IPv6
   */
  public boolean ipv4() {
    return ipv4;
  }

  /**
   * The number of bits in this address: 32 or 128.
   *
   * @return 32 for IPv4, 128 for IPv6 (IPv4-mapped addresses included)
   */
  public int bits() {
    return ipv4 ? 32 : 128;
  }

  /**
   * Parses an IPv4 dotted-quad or an IPv6 literal (RFC 4291 §2.2, with an embedded IPv4 tail). No
   * brackets, zone ids or prefix lengths.
   *
   * @param text the literal
   * @return the address, or empty if {@code text} is not a valid literal
   */
  public static Optional<IpAddress> parse(String text) {
    Objects.requireNonNull(text, "text");
    return parse(text, 0, text.length());
  }

  /**
   * Parses the literal in {@code text[from, to)}, as {@link #parse(String)} does, without copying
   * it out first.
   *
   * @param text the text holding the literal
   * @param from the index of its first character
   * @param to the index after its last character
   * @return the address, or empty if that part of {@code text} is not a valid literal
   * @throws IndexOutOfBoundsException if the range is not within {@code text}
   */
  public static Optional<IpAddress> parse(String text, int from, int to) {
    Objects.checkFromToIndex(from, to, text.length());
    // small enough to be compiled into its callers, whose Optional is then never made
    return Optional.ofNullable(parseOrNull(text, from, to));
  }

  private static @Nullable IpAddress parseOrNull(String text, int from, int to) {
    int colon = text.indexOf(':', from);
    if (colon >= 0 && colon < to) {
      return parse6(text, from, to);
    }
    long v4 = parse4(text, from, to);
    return v4 < 0 ? null : new IpAddress(0, v4, true);
  }

  /**
   * Parses a literal that is known to be valid.
   *
   * @param text the literal
   * @return the address
   * @throws IllegalArgumentException if {@code text} is not an IP literal
   */
  public static IpAddress of(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
  }

  /**
   * Converts a JDK address (no lookup is made: the address bytes are taken as they are).
   *
   * @param address an {@code Inet4Address} or {@code Inet6Address}
   * @return the same address
   */
  public static IpAddress of(InetAddress address) {
    return ofBytes(address.getAddress());
  }

  /**
   * The address of 4 or 16 bytes in network order (as {@link InetAddress#getAddress()} and DNS A
   * and AAAA records give them). Sixteen bytes are always an IPv6 address, IPv4-mapped ones
   * included.
   *
   * @param bytes 4 bytes for IPv4, 16 for IPv6; not changed
   * @return the address
   * @throws IllegalArgumentException if {@code bytes} is neither 4 nor 16 bytes long
   */
  public static IpAddress ofBytes(byte[] bytes) {
    if (bytes.length == 4) {
      return new IpAddress(0, toLong(bytes, 0, 4), true);
    }
    if (bytes.length == 16) {
      return new IpAddress(toLong(bytes, 0, 8), toLong(bytes, 8, 8), false);
    }
    throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
  }

  /**
   * This address's bytes in network order.
   *
   * @return a new array of 4 bytes for IPv4 or 16 for IPv6 (IPv4-mapped addresses included)
   */
  public byte[] toBytes() {
    byte[] bytes = new byte[bits() / 8];
    if (ipv4) {
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) (low >>> (24 - 8 * i));
      }
      return bytes;
    }
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (high >>> (56 - 8 * i));
      bytes[i + 8] = (byte) (low >>> (56 - 8 * i));
    }
    return bytes;
  }

  /**
   * This address as a JDK address, without any lookup.
   *
   * @return an {@code Inet4Address} for IPv4, an {@code Inet6Address} for IPv6 (IPv4-mapped
   *     addresses stay IPv6 here, as they are in this value)
   */
  public InetAddress toInetAddress() {
    byte[] bytes = toBytes();
    if (ipv4) {
      return address(bytes);
    }
    try {
      // Inet6Address, even for ::ffff:a.b.c.d (getByAddress would make that an Inet4Address)
      return Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError("16 bytes are an IPv6 address", e);
    }
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are an IPv4 address", e);
    }
  }

  private static long toLong(byte[] bytes, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /** Returns -1 unless {@code text[from,to)} is a dotted quad of decimal octets 0-255. */
  static long parse4(String text, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int octet = 0;
      while (i < to && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        octet = octet * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      if (octets == 4) {
        return i == to ? value : -1;
      }
      if (i >= to || text.charAt(i) != '.') {
        return -1;
      }
      i++;
    }
  }

  /**
   * The IPv6 literal in {@code text[from, length)}, or null. The groups are shifted into two
   * {@code long}s as they are read, with no array: those before a {@code ::} are moved to the top
   * when the literal ends.
   */
  private static @Nullable IpAddress parse6(String text, int from, int length) {
    // a literal of one character is ':' alone, refused below
    if (length - from > 45) {
      return null;
    }
    // the groups read since the start or since the '::', lowest group last; count is the number
    // of all groups read
    long high = 0;
    long low = 0;
    int count = 0;
    // the groups before the '::' and how many they were (gap), once it was read
    long headHigh = 0;
    long headLow = 0;
    int gap = -1;
    int i = from;
    if (text.startsWith("::", from)) {
      gap = 0;
      i = from + 2;
      if (i == length) {
        return new IpAddress(0, 0, false);
      }
    } else if (text.charAt(from) == ':') {
      return null;
    }
    // each pass reads one group, and every way out is a break or a return
    while (true) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < length && i - start < 5) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0 || text.charAt(i) > 'f') {
          break;
        }
        value = (value << 4) | digit;
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        // an embedded IPv4 address ends the literal
        if (count > 6) {
          return null;
        }
        long v4 = parse4(text, start, length);
        if (v4 < 0) {
          return null;
        }
        high = (high << 32) | (low >>> 32);
        low = (low << 32) | v4;
        count += 2;
        i = length;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return null;
      }
      high = (high << 16) | (low >>> 48);
      low = (low << 16) | value;
      count++;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        headHigh = high;
        headLow = low;
        high = 0;
        low = 0;
        i++;
        if (i == length) {
          break;
        }
      } else if (i == length) {
        return null;
      }
    }
    if (gap < 0) {
      return count == 8 ? new IpAddress(high, low, false) : null;
    }
    if (count == 8) {
      return null; // a '::' stands for one group at least
    }
    // the head's groups go to the top: shift it left by the groups that follow it
    int shift = 16 * (8 - gap);
    if (gap > 0) {
      if (shift >= 64) {
        high |= headLow << (shift - 64);
      } else {
        high |= (headHigh << shift) | (headLow >>> (64 - shift));
        low |= headLow << shift;
      }
    }
    return new IpAddress(high, low, false);
  }

  /**
   * Whether this is an IPv4-mapped IPv6 address, {@code ::ffff:a.b.c.d}.
   *
   * @return true for an IPv6 address in {@code ::ffff:0:0/96}, false otherwise (always for IPv4)
   */
  public boolean isIpv4Mapped() {
    return !ipv4 && high == 0 && (low >>> 32) == 0xffffL;
  }

  /**
   * The address SPF evaluates: the IPv4 address inside an IPv4-mapped IPv6 address, otherwise this
   * address.
   *
   * @return the IPv4 address for an IPv4-mapped IPv6 address, otherwise this same value
   */
  public IpAddress unmapped() {
    return isIpv4Mapped() ? new IpAddress(0, low & 0xffffffffL, true) : this;
  }

  /**
   * Whether this address lies in {@code network/prefix}. Addresses of different families never
   * match.
   *
   * @param network the network address
   * @param prefix the prefix length, 0 to {@link #bits()}
   * @return whether the first {@code prefix} bits are equal
   */
  public boolean isIn(IpAddress network, int prefix) {
    if (ipv4 != network.ipv4) {
      return false;
    }
    if (ipv4) {
      return sameIpv4Prefix(low, network.low, prefix);
    }
    if (prefix <= 64) {
      long mask = prefix == 0 ? 0 : -1L << (64 - prefix);
      return (high & mask) == (network.high & mask);
    }
    long mask = prefix == 128 ? -1L : -1L << (128 - prefix);
    return high == network.high && (low & mask) == (network.low & mask);
  }

  /**
   * Whether this address lies in {@code network/prefix}, the network written as a literal, as
   * {@link #isIn(IpAddress, int)} with {@link #parse(String)} does, without making a value of the
   * literal first (an A record's address is read this way for every check).
   *
   * @param network an IPv4 or IPv6 literal; not null
   * @param prefix the prefix length, 0 to {@link #bits()}
   * @return whether the first {@code prefix} bits are equal; false if {@code network} is not an IP
   *     literal or is of the other family
   */
  public boolean isIn(String network, int prefix) {
    if (ipv4 && network.indexOf(':') < 0) {
      long value = parse4(network, 0, network.length());
      return value >= 0 && sameIpv4Prefix(low, value, prefix);
    }
    Optional<IpAddress> parsed = parse(network);
    return parsed.isPresent() && isIn(parsed.get(), prefix);
  }

  private static boolean sameIpv4Prefix(long a, long b, int prefix) {
    if (prefix == 0) {
      return true;
    }
    long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return (a & mask) == (b & mask);
  }

  /**
   * The name whose PTR record names this address: {@code 1.2.0.192.in-addr.arpa} or the nibble
   * form under {@code ip6.arpa} (RFC 7208 §5.5).
   *
   * @return the reverse name without a trailing dot; IPv6 nibbles in lower case, least significant
   *     first
   */
  public String reverseName() {
    StringBuilder out = new StringBuilder(ipv4 ? 29 : 73);
    if (ipv4) {
      for (int shift = 0; shift < 32; shift += 8) {
        out.append((low >>> shift) & 0xff).append('.');
      }
      return out.append("in-addr.arpa").toString();
    }
    appendNibbles(out, low);
    appendNibbles(out, high);
    return out.append("ip6.arpa").toString();
  }

  private static void appendNibbles(StringBuilder out, long half) {
    for (int shift = 0; shift < 64; shift += 4) {
      out.append(Character.forDigit((int) ((half >>> shift) & 0xf), 16)).append('.');
    }
  }

  /**
   * The form of the {@code %{i}} macro (RFC 7208 §7.3): dotted decimal for IPv4, dot-separated
   * upper-case nibbles for IPv6 ({@code 2.0.0.1.0.D.B.8...}, as in the RFC's §7.4 examples).
   *
   * @return the address as {@code %{i}} expands it: 4 decimal parts or 32 hexadecimal nibbles
   */
  public String macroForm() {
    if (ipv4) {
      return toString();
    }
    StringBuilder out = new StringBuilder(63);
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.append(HEX[(int) ((high >>> shift) & 0xf)]).append('.');
    }
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.append(HEX[(int) ((low >>> shift) & 0xf)]);
      if (shift > 0) {
        out.append('.');
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code other} is the same address of the same family ({@code 192.0.2.1} and {@code
   * ::ffff:192.0.2.1} are different values).
   *
   * @param other any object
   * @return true for an {@code IpAddress} with the same bits and family
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpAddress that
        && high == that.high
        && low == that.low
        && ipv4 == that.ipv4;
  }

  /**
   * A hash of the address and its family, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(high) + Long.hashCode(low)) + (ipv4 ? 1 : 0);
  }

  /**
   * The canonical literal: dotted quad for IPv4, RFC 5952 text for IPv6, with an IPv4-mapped
   * address in mixed notation ({@code ::ffff:192.0.2.10}, RFC 5952 §5).
   *
   * @return the literal, which {@link #parse(String)} reads back to an equal value
   */
  @Override
  public String toString() {
    if (ipv4) {
      return dottedQuad(low);
    }
    if (isIpv4Mapped()) {
      return "::ffff:" + dottedQuad(low);
    }
    int[] groups = new int[8];
    for (int k = 0; k < 4; k++) {
      groups[k] = (int) ((high >>> (48 - 16 * k)) & 0xffff);
      groups[k + 4] = (int) ((low >>> (48 - 16 * k)) & 0xffff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int k = 0; k < 8; ) {
      if (groups[k] != 0) {
        k++;
        continue;
      }
      int start = k;
      while (k < 8 && groups[k] == 0) {
        k++;
      }
      if (k - start > bestLength) {
        bestStart = start;
        bestLength = k - start;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        out.append("::");
        k += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[k]));
    }
    return out.toString();
  }

  private static String dottedQuad(long value) {
    return ((value >>> 24) & 0xff)
        + "."
        + ((value >>> 16) & 0xff)
        + "."
        + ((value >>> 8) & 0xff)
        + "."
        + (value & 0xff);
  }
}
