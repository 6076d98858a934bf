package io.github.spfkit.examples.cli;

import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.dns.CachingLookup;
import io.github.spfkit.dns.DnsJavaLookup;
import io.github.spfkit.dns.ZoneFileLookup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The DNS options every command takes: {@code --zone FILE} (repeatable) answers from RFC 1035
 * master files with no network; {@code --dns HOST[:PORT]} (repeatable) asks those servers;
 * without either, the system resolver is asked. {@code --timeout} bounds each DNS query attempt
 * (one more attempt follows a timeout). Answers from servers are cached by TTL for the run.
 */
public final class DnsOptions {

  /** The per-attempt timeout without {@code --timeout}: spf-dns's default, 2 seconds. */
  static final Duration DEFAULT_TIMEOUT = DnsJavaLookup.Builder.DEFAULT_TIMEOUT;

  @Option(
      names = "--zone",
      paramLabel = "FILE",
      description = "Answer DNS from this RFC 1035 zone file (repeatable); no network.")
  List<Path> zones = new ArrayList<>();

  @Option(
      names = "--dns",
      paramLabel = "HOST[:PORT]",
      converter = DnsServerConverter.class,
      description = "Ask this DNS server (repeatable) instead of the system resolver.")
  List<DnsServer> servers = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Timeout for each DNS query attempt, e.g. 500ms, 2s (default: 2s; one retry).")
  @Nullable Duration timeout;

  /** Creates the options (picocli fills them). */
  public DnsOptions() {}

  /**
   * Opens the DNS the options describe.
   *
   * @throws UsageException if a zone file cannot be read or parsed, a server cannot be used, or
   *     both {@code --zone} and {@code --dns} were given
   */
  DnsLookup open() {
    if (!zones.isEmpty() && !servers.isEmpty()) {
      throw new UsageException("give --zone or --dns, not both");
    }
    for (Path zone : zones) {
      if (!Files.isRegularFile(zone)) {
        throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read zone file " + zone + ": no such file");
      }
    }
    if (!zones.isEmpty()) {
      return zoneFiles();
    }
    DnsJavaLookup.Builder builder = DnsJavaLookup.builder();
    try {
      builder.timeout(timeout == null ? DEFAULT_TIMEOUT : timeout);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--timeout: " + e.getMessage());
    }
    if (servers.isEmpty()) {
      builder.systemResolvers();
    }
    for (DnsServer server : servers) {
      builder.server(new InetSocketAddress(address(server), server.port()));
    }
    DnsJavaLookup lookup;
    try {
      lookup = builder.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException("cannot use DNS: " + e.getMessage());
    }
    // one command asks the same names many times (batches, lint, diagnosis): cache by TTL
    return CachingLookup.of(lookup);
  }

  /** What {@link #open()} asks, for messages: the {@code --dns} servers, the zone files, or the system resolver. */
  String describe() {
    if (!zones.isEmpty()) {
      return "the zone files " + zones;
    }
    if (servers.isEmpty()) {
      return "the system resolver (/etc/resolv.conf)";
    }
    List<String> names = new ArrayList<>();
    for (DnsServer server : servers) {
      names.add(server.host().indexOf(':') >= 0
          ? "[" + server.host() + "]:" + server.port() : server.host() + ":" + server.port());
    }
    return "the DNS server" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + " (--dns)";
  }

  private ZoneFileLookup zoneFiles() {
    try {
      return ZoneFileLookup.load(zones);
    } catch (NoSuchFileException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read zone file " + e.getFile() + ": no such file");
    } catch (IOException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read zone file: " + e.getMessage());
    }
  }

  // A server given by name is found with the system resolver, once, before any SPF lookup.
  private static InetAddress address(DnsServer server) {
    try {
      return InetAddress.getByName(server.host());
    } catch (UnknownHostException e) {
      throw new UsageException("unknown DNS server host: " + server.host());
    } catch (SecurityException e) {
      throw new UsageException("cannot resolve DNS server host " + server.host());
    }
  }
}
