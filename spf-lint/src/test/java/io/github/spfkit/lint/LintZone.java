package io.github.spfkit.lint;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.Term;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A tree to lint and flatten at {@code example.com}, read from fuzzer bytes as ISO-8859-1 lines.
 * The first line holds {@code |}-separated words: an address is a probe, a word with {@code @} is
 * the sender, {@code expand} turns on {@link SpfFlattener.Builder#expandHosts(boolean)}. Each further
 * line is {@code name TYPE data}, TYPE one of TXT A AAAA MX PTR CNAME TIMEOUT HANG ({@code HANG}: the
 * name's lookups never complete). Lines that do not fit are skipped, so every input is some zone.
 *
 * @param probes the addresses from the first line, then every address and both ends (and the
 *     neighbours just outside) of every range the zone's records and answers name
 * @param sender the sender for the checks
 * @param expandHosts whether the flattener expands the domain's own hosts
 * @param dns the zone
 * @param settled the zone as a lint sees it once its timeout is over: the answers that never come
 *     are temporary failures
 */
record LintZone(
    List<IpAddress> probes, String sender, boolean expandHosts, DnsLookup dns, DnsLookup settled) {

  static final String DOMAIN = "example.com";

  private static final int MAX_PROBES = 200;

  static LintZone read(byte[] input) {
    String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", 200);
    Set<IpAddress> probes = new LinkedHashSet<>();
    String sender = "postmaster@" + DOMAIN;
    boolean expand = false;
    for (String word : lines[0].split("\\|", 20)) {
      if (word.equals("expand")) {
        expand = true;
      } else if (word.indexOf('@') >= 0) {
        sender = word;
      } else {
        IpAddress.parse(word).ifPresent(probes::add);
      }
    }
    InMemoryDns.Builder zone = InMemoryDns.builder();
    Set<String> hanging = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      String[] parts = lines[i].split(" ", 3);
      if (parts.length < 3 || parts[0].isEmpty()) {
        continue;
      }
      String name = parts[0];
      String data = parts[2];
      switch (parts[1].toUpperCase(Locale.ROOT)) {
        case "TXT" -> {
          zone.txt(name, data);
          named(data, probes);
        }
        case "A" -> {
          zone.add(name, RecordType.A, data);
          IpAddress.parse(data).ifPresent(ip -> around(ip, ip.bits(), probes));
        }
        case "AAAA" -> {
          zone.add(name, RecordType.AAAA, data);
          IpAddress.parse(data).ifPresent(ip -> around(ip, ip.bits(), probes));
        }
        case "MX" -> zone.mx(name, data);
        case "PTR" -> zone.ptr(name, data);
        case "CNAME" -> zone.cname(name, data);
        case "TIMEOUT" -> zone.timeout(name);
        case "HANG" -> hanging.add(key(name));
        default -> {}
      }
    }
    if (probes.isEmpty()) {
      probes.add(IpAddress.of("192.0.2.1"));
    }
    List<IpAddress> list = new ArrayList<>(probes);
    InMemoryDns built = zone.build();
    return new LintZone(
        list.subList(0, Math.min(list.size(), MAX_PROBES)),
        sender,
        expand,
        hang(built, hanging, new CompletableFuture<>()),
        hang(built, hanging, CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("no answer"))));
  }

  /** The zone with {@code instead} as the answer for the given names. */
  private static DnsLookup hang(
      InMemoryDns zone, Set<String> hanging, CompletableFuture<DnsAnswer> instead) {
    if (hanging.isEmpty()) {
      return zone;
    }
    return new DnsLookup() {
      @Override
      public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
        return hanging.contains(key(name)) ? instead : zone.lookup(name, type);
      }
    };
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static void named(String text, Set<IpAddress> probes) {
    if (!(RecordParser.parse(text) instanceof ParseResult.Valid valid)) {
      return;
    }
    for (Term term : valid.record().terms()) {
      if (term instanceof Mechanism.Ip4 ip4) {
        around(ip4.network(), ip4.prefix(), probes);
      } else if (term instanceof Mechanism.Ip6 ip6) {
        around(ip6.network(), ip6.prefix(), probes);
      }
    }
  }

  /** The first and last address of the range and the two just outside it. */
  private static void around(IpAddress network, int prefix, Set<IpAddress> probes) {
    int bits = network.bits();
    BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    BigInteger low = new BigInteger(1, network.toBytes()).andNot(hostMask);
    BigInteger high = low.or(hostMask);
    probes.add(address(low, bits));
    probes.add(address(high, bits));
    if (low.signum() > 0) {
      probes.add(address(low.subtract(BigInteger.ONE), bits));
    }
    if (high.compareTo(max) < 0) {
      probes.add(address(high.add(BigInteger.ONE), bits));
    }
  }

  private static IpAddress address(BigInteger value, int bits) {
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[bits / 8];
    int n = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - n, bytes, bytes.length - n, n);
    return IpAddress.ofBytes(bytes);
  }
}
