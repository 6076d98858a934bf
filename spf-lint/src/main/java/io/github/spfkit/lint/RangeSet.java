package io.github.spfkit.lint;

import io.github.spfkit.core.net.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A set of IPv4 and IPv6 addresses as sorted, disjoint, non-adjacent intervals per family, with
 * union and difference, written back as the fewest CIDR blocks. Immutable.
 */
final class RangeSet {
  static final RangeSet EMPTY = new RangeSet(List.of(), List.of());

  /** One interval of addresses as numbers, both ends included. */
  record Interval(BigInteger low, BigInteger high) {}

  private final List<Interval> v4;
  private final List<Interval> v6;

  private RangeSet(List<Interval> v4, List<Interval> v6) {
    this.v4 = List.copyOf(v4);
    this.v6 = List.copyOf(v6);
  }

  /** Every address of one family: what {@code all} matches. */
  static RangeSet everything() {
    return new RangeSet(
        List.of(new Interval(BigInteger.ZERO, max(32))), List.of(new Interval(BigInteger.ZERO, max(128))));
  }

  /** One CIDR block. */
  static RangeSet of(IpAddress network, int prefix) {
    int bits = network.ipv4() ? 32 : 128;
    BigInteger value = new BigInteger(1, network.toBytes());
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
    BigInteger low = value.subtract(value.mod(size));
    Interval interval = new Interval(low, low.add(size).subtract(BigInteger.ONE));
    return network.ipv4() ? new RangeSet(List.of(interval), List.of()) : new RangeSet(List.of(), List.of(interval));
  }

  boolean isEmpty() {
    return v4.isEmpty() && v6.isEmpty();
  }

  List<Interval> intervals(boolean ipv4) {
    return ipv4 ? v4 : v6;
  }

  RangeSet union(RangeSet other) {
    return new RangeSet(union(v4, other.v4), union(v6, other.v6));
  }

  RangeSet minus(RangeSet other) {
    return new RangeSet(minus(v4, other.v4), minus(v6, other.v6));
  }

  RangeSet intersect(RangeSet other) {
    return minus(minus(other));
  }

  /** The fewest CIDR blocks covering exactly this set, IPv4 first, each in ascending order. */
  List<String> cidrs() {
    List<String> out = new ArrayList<>();
    for (Block block : blocks(true)) {
      out.add(block.toString());
    }
    for (Block block : blocks(false)) {
      out.add(block.toString());
    }
    return out;
  }

  /** The blocks of one family, as (network, prefix). */
  List<Block> blocks(boolean ipv4) {
    List<Block> out = new ArrayList<>();
    int bits = ipv4 ? 32 : 128;
    for (Interval interval : ipv4 ? v4 : v6) {
      BigInteger low = interval.low();
      while (low.compareTo(interval.high()) <= 0) {
        int size = low.signum() == 0 ? bits : Math.min(bits, low.getLowestSetBit());
        while (low.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(interval.high()) > 0) {
          size--;
        }
        out.add(new Block(address(low, bits), bits - size));
        low = low.add(BigInteger.ONE.shiftLeft(size));
      }
    }
    return out;
  }

  /** A CIDR block. */
  record Block(IpAddress network, int prefix) {
    @Override
    public String toString() {
      return network + "/" + prefix;
    }
  }

  static IpAddress address(BigInteger value, int bits) {
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[bits / 8];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    return IpAddress.ofBytes(bytes);
  }

  static BigInteger max(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  private static List<Interval> union(List<Interval> a, List<Interval> b) {
    List<Interval> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort((x, y) -> x.low().compareTo(y.low()));
    List<Interval> out = new ArrayList<>();
    for (Interval next : all) {
      if (!out.isEmpty()) {
        Interval last = out.get(out.size() - 1);
        if (next.low().compareTo(last.high().add(BigInteger.ONE)) <= 0) {
          if (next.high().compareTo(last.high()) > 0) {
            out.set(out.size() - 1, new Interval(last.low(), next.high()));
          }
          continue;
        }
      }
      out.add(next);
    }
    return out;
  }

  private static List<Interval> minus(List<Interval> a, List<Interval> b) {
    List<Interval> out = new ArrayList<>();
    for (Interval piece : a) {
      List<Interval> left = List.of(piece);
      for (Interval cut : b) {
        List<Interval> next = new ArrayList<>();
        for (Interval p : left) {
          if (cut.high().compareTo(p.low()) < 0 || cut.low().compareTo(p.high()) > 0) {
            next.add(p);
            continue;
          }
          if (cut.low().compareTo(p.low()) > 0) {
            next.add(new Interval(p.low(), cut.low().subtract(BigInteger.ONE)));
          }
          if (cut.high().compareTo(p.high()) < 0) {
            next.add(new Interval(cut.high().add(BigInteger.ONE), p.high()));
          }
        }
        left = next;
      }
      out.addAll(left);
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RangeSet set && set.v4.equals(v4) && set.v6.equals(v6);
  }

  @Override
  public int hashCode() {
    return Objects.hash(v4, v6);
  }

  @Override
  public String toString() {
    return String.join(" ", cidrs());
  }
}
