package io.github.spfkit.dns.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DNS data of one generated case, under names of its own: {@code cNNNNN.diff.test.} and beneath
 * it, {@code cNNNNN.servfail.test.} (a zone that does not load, so every name there answers
 * SERVFAIL), and the reverse names of the case's own client ranges {@code 10.A.B.0/24} and {@code
 * 2001:db8:A:B::/64}, A.B being the case number. No two cases share a name, so all of them are
 * served by one Knot at once.
 */
final class World {

  /** The zone that does not load: every name under it answers SERVFAIL. */
  static final String SERVFAIL_ZONE = "servfail.test";

  /**
   * One resource record.
   *
   * @param owner the owner name, without the trailing dot
   * @param type {@code TXT}, {@code A}, {@code AAAA}, {@code MX}, {@code PTR} or {@code CNAME}
   * @param data for TXT the character-strings, otherwise one element: the address or target (for
   *     MX {@code "PREF HOST"})
   */
  record Rr(String owner, String type, List<String> data) {
    Rr {
      data = List.copyOf(data);
    }
  }

  private final int number;
  private final List<Rr> records = new ArrayList<>();

  World(int number) {
    if (number < 0 || number > 0xffff) {
      throw new IllegalArgumentException("case number out of range: " + number);
    }
    this.number = number;
  }

  /** The case's own domain, {@code cNNNNN.diff.test}. */
  String base() {
    return String.format(Locale.ROOT, "c%05d.diff.test", number);
  }

  /** {@code label} under the case's domain. */
  String name(String label) {
    return label + "." + base();
  }

  /** {@code label} under the case's part of the SERVFAIL zone. */
  String servfail(String label) {
    return label + "." + String.format(Locale.ROOT, "c%05d", number) + "." + SERVFAIL_ZONE;
  }

  /** The {@code n}-th address (1-254) of the case's IPv4 range {@code 10.A.B.0/24}. */
  String v4(int n) {
    return "10." + (number >> 8) + "." + (number & 0xff) + "." + n;
  }

  /** The {@code n}-th address of the case's IPv6 range {@code 2001:db8:A:B::/64}. */
  String v6(int n) {
    return String.format(Locale.ROOT, "2001:db8:%x:%x::%x", number >> 8, number & 0xff, n);
  }

  /** The case's IPv6 range's {@code /64} prefix as written in an {@code ip6:} term. */
  String v6Net() {
    return String.format(Locale.ROOT, "2001:db8:%x:%x::", number >> 8, number & 0xff);
  }

  /** The case's IPv4 range's network address. */
  String v4Net() {
    return "10." + (number >> 8) + "." + (number & 0xff) + ".0";
  }

  void txt(String owner, String... strings) {
    records.add(new Rr(owner, "TXT", List.of(strings)));
  }

  void a(String owner, String address) {
    records.add(new Rr(owner, "A", List.of(address)));
  }

  void aaaa(String owner, String address) {
    records.add(new Rr(owner, "AAAA", List.of(address)));
  }

  void mx(String owner, int preference, String host) {
    records.add(new Rr(owner, "MX", List.of(preference + " " + host)));
  }

  void cname(String owner, String target) {
    records.add(new Rr(owner, "CNAME", List.of(target)));
  }

  /** A PTR record for {@code address} (IPv4 dotted or the {@code n} of {@link #v6(int)}). */
  void ptr(String address, String target) {
    records.add(new Rr(reverse(address), "PTR", List.of(target)));
  }

  /** The records so far. */
  List<Rr> records() {
    return List.copyOf(records);
  }

  /** The reverse-lookup name of an IPv4 or IPv6 literal of this world. */
  static String reverse(String address) {
    if (address.indexOf(':') < 0) {
      String[] octets = address.split("\\.");
      return octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0] + ".in-addr.arpa";
    }
    byte[] bytes;
    try {
      bytes = java.net.InetAddress.getByName(address).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
    StringBuilder out = new StringBuilder();
    for (int i = bytes.length - 1; i >= 0; i--) {
      out.append(Character.forDigit(bytes[i] & 0xf, 16)).append('.');
      out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append('.');
    }
    return out.append(bytes.length == 4 ? "in-addr.arpa" : "ip6.arpa").toString();
  }
}
