package io.github.spfkit.policyd.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code --listen HOST:PORT|unix:PATH [--config FILE] [--dns HOST[:PORT]]...
 * [--zone FILE]... [--deadline DURATION] [--idle-timeout DURATION] [--max-connections N]
 * [--receiver NAME]}.
 *
 * @param listen where to listen
 * @param config the policyd-spf.conf file, or null for policyd-spf's defaults
 * @param dns DNS servers to ask
 * @param zones zone files to answer from instead of DNS
 * @param deadline the deadline of one decision, or null for the server's default
 * @param idleTimeout how long a connection may wait for its next request
 * @param maxConnections connections served at once
 * @param receiver the receiving host's name, or null for this host's name
 */
record Options(
    ListenAddress listen,
    @Nullable Path config,
    List<String> dns,
    List<Path> zones,
    @Nullable Duration deadline,
    Duration idleTimeout,
    int maxConnections,
    @Nullable String receiver) {

  static final String USAGE =
      "usage: java -jar spf-policyd.jar --listen HOST:PORT|unix:PATH [--config FILE]\n"
          + "         [--dns HOST[:PORT]]... [--zone FILE]... [--deadline DURATION]\n"
          + "         [--idle-timeout DURATION] [--max-connections N] [--receiver NAME]\n"
          + "  --config  a policyd-spf.conf (policyd-spf's defaults without one)\n"
          + "  --dns     DNS servers to ask (default: the system's resolvers)\n"
          + "  --zone    answer from RFC 1035 zone files instead of DNS\n"
          + "  --deadline        per decision, below smtpd_policy_service_timeout"
          + " (default 2 x Lookup_Time + 5s)\n"
          + "  --idle-timeout    close a connection idle this long (default 330s)\n"
          + "  --max-connections connections served at once (default 512)\n"
          + "  durations: 500ms, 10s, 5m";

  /** Thrown for a command line that cannot be used; the message says why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Options parse(String[] args) throws UsageException {
    ListenAddress listen = null;
    Path config = null;
    List<String> dns = new ArrayList<>();
    List<Path> zones = new ArrayList<>();
    Duration deadline = null;
    Duration idle = Duration.ofSeconds(330);
    int max = 512;
    String receiver = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--help") || name.equals("-h")) {
        throw new UsageException("");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      try {
        switch (name) {
          case "--listen" -> listen = ListenAddress.parse(value);
          case "--config" -> config = Path.of(value);
          case "--dns" -> dns.add(value);
          case "--zone" -> zones.add(Path.of(value));
          case "--deadline" -> deadline = duration(name, value);
          case "--idle-timeout" -> idle = duration(name, value);
          case "--max-connections" -> {
            max = Integer.parseInt(value);
            if (max < 1) {
              throw new UsageException("--max-connections must be 1 or more");
            }
          }
          case "--receiver" -> receiver = value;
          default -> throw new UsageException("unknown option " + name);
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException(String.valueOf(e.getMessage()));
      }
    }
    if (listen == null) {
      throw new UsageException("--listen is required");
    }
    if (!dns.isEmpty() && !zones.isEmpty()) {
      throw new UsageException("--dns and --zone exclude each other");
    }
    return new Options(listen, config, dns, zones, deadline, idle, max, receiver);
  }

  static Duration duration(String option, String text) throws UsageException {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (value.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(value));
      }
      if (d.isNegative() || d.isZero()) {
        throw new UsageException(option + " must be positive: " + text);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " takes a duration such as 500ms, 10s or 5m: " + text);
    }
  }
}
