package io.github.spfkit.core.fuzz;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A check and its DNS read from fuzzer bytes, as ISO-8859-1 lines: the first {@code
 * ip|sender|helo}, each further one {@code name TYPE data} (TYPE one of TXT A AAAA MX PTR CNAME
 * TIMEOUT). Lines that do not fit are skipped, so every input is some zone.
 */
record FuzzZone(IpAddress ip, String sender, String helo, InMemoryDns dns) {

  static FuzzZone read(byte[] input) {
    String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", 200);
    String[] head = lines[0].split("\\|", 3);
    IpAddress ip = IpAddress.parse(head[0]).orElse(IpAddress.of("192.0.2.1"));
    String sender = head.length > 1 ? head[1] : "user@example.com";
    String helo = head.length > 2 ? head[2] : "mail.example.com";
    InMemoryDns.Builder dns = InMemoryDns.builder().recordQueries();
    for (int i = 1; i < lines.length; i++) {
      String[] parts = lines[i].split(" ", 3);
      if (parts.length < 3 || parts[0].isEmpty()) {
        continue;
      }
      String name = parts[0];
      String data = parts[2];
      switch (parts[1].toUpperCase(Locale.ROOT)) {
        case "TXT" -> dns.txt(name, data);
        case "A" -> dns.add(name, RecordType.A, data);
        case "AAAA" -> dns.add(name, RecordType.AAAA, data);
        case "MX" -> dns.mx(name, data);
        case "PTR" -> dns.ptr(name, data);
        case "CNAME" -> dns.cname(name, data);
        case "TIMEOUT" -> dns.timeout(name);
        default -> {}
      }
    }
    return new FuzzZone(ip, sender, helo, dns.build());
  }
}
