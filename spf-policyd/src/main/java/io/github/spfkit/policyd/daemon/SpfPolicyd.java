package io.github.spfkit.policyd.daemon;

import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.dns.CachingLookup;
import io.github.spfkit.dns.DnsJavaLookup;
import io.github.spfkit.dns.ZoneFileLookup;
import io.github.spfkit.policyd.PolicyConfig;
import io.github.spfkit.policyd.PolicyServer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar spf-policyd.jar}: reads the configuration, warns about every option it does not
 * use as policyd-spf does, listens, and on SIGTERM (or SIGINT) stops accepting, answers the
 * requests in flight and exits (the JVM's status for the signal: 143 or 130). Exit code 2 for bad
 * usage or an unreadable file, 1 if the socket cannot be opened.
 */
public final class SpfPolicyd {
  private SpfPolicyd() {}

  /**
   * Runs the daemon until it is told to stop.
   *
   * @param args the command line, see {@code --help}
   */
  public static void main(String[] args) {
    // one write per decision line would cost more than the decision: buffer, flush every 100 ms
    PrintStream err = new PrintStream(new BufferedOutputStream(
        new FileOutputStream(FileDescriptor.err), 1 << 16), false, StandardCharsets.UTF_8);
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spf-policyd-log-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(err::flush, 100, 100, TimeUnit.MILLISECONDS);
    int status = run(args, err);
    err.flush();
    System.exit(status);
  }

  static int run(String[] args, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageException e) {
      String message = e.getMessage();
      if (message != null && !message.isEmpty()) {
        err.println("spf-policyd: " + message);
      }
      err.println(Options.USAGE);
      err.flush();
      return 2;
    }
    PolicyConfig config = PolicyConfig.defaults();
    DecisionLog early = new DecisionLog(err, 1);
    if (options.config() != null) {
      try {
        PolicyConfig.ConfigReading reading = PolicyConfig.read(options.config());
        config = reading.config();
        reading.warnings().forEach(early::warn);
      } catch (IOException e) {
        err.println("spf-policyd: cannot read " + options.config() + ": " + e.getMessage());
        return 2;
      }
    }
    String host = hostName();
    config = config.withHostName(host);
    DecisionLog log = new DecisionLog(err, config.debugLevel());
    DnsLookup dns;
    try {
      dns = dns(options);
    } catch (IOException | IllegalArgumentException e) {
      err.println("spf-policyd: " + e.getMessage());
      return 2;
    }
    PolicyServer.Builder builder =
        PolicyServer.builder()
            .dns(dns)
            .config(config)
            .receiver(options.receiver() != null ? options.receiver() : host);
    if (options.deadline() != null) {
      builder.deadline(options.deadline());
    }
    PolicyServer server = builder.build();
    Listener listener;
    try {
      listener = Listener.start(options.listen(), server, log, options.idleTimeout(),
          options.maxConnections());
    } catch (IOException | RuntimeException e) {
      err.println("spf-policyd: cannot listen on " + options.listen().text() + ": " + e);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Duration grace = server.deadline().plus(Duration.ofSeconds(1));
    Thread hook = new Thread(() -> {
      log.info("spf-policyd: stopping; finishing requests in flight");
      listener.stop(grace);
      log.info("spf-policyd: stopped");
      log.flush();
      stopped.countDown();
    }, "spf-policyd-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      log.info("spf-policyd: listening on " + listener.describe() + " (decision deadline "
          + server.deadline().toMillis() + " ms)");
    } catch (IOException e) {
      log.info("spf-policyd: listening on " + options.listen().text());
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static DnsLookup dns(Options options) throws IOException {
    if (!options.zones().isEmpty()) {
      return ZoneFileLookup.load(options.zones());
    }
    DnsJavaLookup.Builder builder = DnsJavaLookup.builder();
    if (options.dns().isEmpty()) {
      builder.systemResolvers();
    } else {
      options.dns().forEach(builder::server);
    }
    return CachingLookup.of(builder.build());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
