package io.github.spfkit.examples.cli;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.ReceivedHop;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The host name to print beside a client IP: the name the bounce's own {@code Received} chain
 * gives the host that sent from that address, else its PTR name when that name's addresses
 * include the IP again (forward-confirmed, so a PTR record alone cannot put a name in the report).
 *
 * @param name the host name, lower case, without a trailing dot
 * @param source where the name came from
 */
record ClientName(String name, Source source) {
  private static final long LOOKUP_SECONDS = 5;

  /** Where a name came from, as the JSON's {@code ipNameSource} writes it. */
  enum Source {
    /** A {@code Received} field of the returned message. */
    RECEIVED,
    /** A forward-confirmed PTR lookup made now. */
    PTR
  }

  ClientName {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The name of {@code ip}, or {@code null} if neither the bounce nor DNS gives one.
   *
   * @param dns asked for PTR (and then A or AAAA) only when the bounce names no host for the IP
   */
  static @Nullable ClientName of(@Nullable IpAddress ip, BounceFacts facts, DnsLookup dns) {
    if (ip == null) {
      return null;
    }
    String address = ip.toString();
    for (ReceivedHop hop : facts.received()) {
      String name = hop.fromName();
      if (address.equals(hop.fromIp()) && name != null && isHostName(name)) {
        return new ClientName(name.toLowerCase(Locale.ROOT), Source.RECEIVED);
      }
    }
    for (String name : records(dns, ip.reverseName(), RecordType.PTR)) {
      String host = stripDot(name).toLowerCase(Locale.ROOT);
      if (isHostName(host) && confirms(dns, host, ip)) {
        return new ClientName(host, Source.PTR);
      }
    }
    return null;
  }

  private static boolean confirms(DnsLookup dns, String host, IpAddress ip) {
    RecordType type = ip.toString().indexOf(':') >= 0 ? RecordType.AAAA : RecordType.A;
    for (String data : records(dns, host, type)) {
      if (IpAddress.parse(data).map(ip::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> records(DnsLookup dns, String name, RecordType type) {
    try {
      DnsAnswer answer =
          dns.lookup(name, type).toCompletableFuture().get(LOOKUP_SECONDS, TimeUnit.SECONDS);
      return answer instanceof DnsAnswer.Records records ? records.data() : List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      // no name is a fine answer: the report shows the address alone
      return List.of();
    }
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  // a name from a header or DNS, printed on the report's first line: letters, digits, - and . only
  private static boolean isHostName(String name) {
    return name.length() <= 253 && name.indexOf('.') > 0 && name.matches("[A-Za-z0-9.-]+")
        && IpAddress.parse(name).isEmpty();
  }
}
