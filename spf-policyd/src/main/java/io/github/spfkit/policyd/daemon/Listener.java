package io.github.spfkit.policyd.daemon;

import io.github.spfkit.policyd.PolicyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Accepts Postfix's connections and serves each on its own thread (Postfix keeps one connection
 * per smtpd process and sends its requests one after another). Bounded: at most {@code
 * maxConnections} at once, idle ones closed after {@code idleTimeout}. {@link #stop(Duration)}
 * stops accepting, closes idle connections and lets in-flight requests finish.
 */
final class Listener implements AutoCloseable {
  private final ServerSocketChannel server;
  private final PolicyServer policy;
  private final DecisionLog log;
  private final Duration idleTimeout;
  private final int maxConnections;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;
  private final Thread acceptor;
  private final ListenAddress where;
  private volatile boolean stopping;

  private Listener(ServerSocketChannel server, ListenAddress where, PolicyServer policy,
      DecisionLog log, Duration idleTimeout, int maxConnections) {
    this.server = server;
    this.where = where;
    this.policy = policy;
    this.log = log;
    this.idleTimeout = idleTimeout;
    this.maxConnections = maxConnections;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spf-policyd-idle");
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::acceptLoop, "spf-policyd-accept");
  }

  static Listener start(ListenAddress where, PolicyServer policy, DecisionLog log,
      Duration idleTimeout, int maxConnections) throws IOException {
    ServerSocketChannel server;
    if (where.unix()) {
      Files.deleteIfExists(((UnixDomainSocketAddress) where.address()).getPath());
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    } else {
      server = ServerSocketChannel.open();
      server.socket().setReuseAddress(true);
    }
    server.bind(where.address(), 128);
    Listener listener = new Listener(server, where, policy, log, idleTimeout, maxConnections);
    long period = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
    listener.watchdog.scheduleWithFixedDelay(
        listener::closeIdle, period, period, TimeUnit.MILLISECONDS);
    listener.acceptor.start();
    return listener;
  }

  /** The bound address (with the real port when port 0 was asked). */
  SocketAddress address() throws IOException {
    return server.getLocalAddress();
  }

  String describe() throws IOException {
    SocketAddress bound = address();
    if (bound instanceof InetSocketAddress inet) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return where.text();
  }

  private void acceptLoop() {
    while (!stopping) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        if (!stopping) {
          log.warn("accept failed: " + e.getMessage());
          sleepQuietly();
        }
        continue;
      }
      if (connections.size() >= maxConnections) {
        log.warn("more than " + maxConnections + " connections; closing a new one");
        closeQuietly(channel);
        continue;
      }
      Connection connection = new Connection(channel, policy, log, connections::remove,
          () -> stopping);
      connections.add(connection);
      Thread thread = new Thread(connection, "spf-policyd-connection");
      thread.setDaemon(true);
      try {
        thread.start();
      } catch (OutOfMemoryError | IllegalStateException e) {
        connections.remove(connection);
        connection.close();
      }
    }
  }

  private void closeIdle() {
    long now = System.nanoTime();
    for (Connection connection : connections) {
      if (connection.idleFor(now) > idleTimeout.toNanos()) {
        connection.close();
      }
    }
  }

  int connectionCount() {
    return connections.size();
  }

  /**
   * Stops accepting, closes connections waiting for a request, and waits up to {@code grace} for
   * the requests being decided to be answered.
   */
  void stop(Duration grace) {
    stopping = true;
    closeQuietly(server);
    for (Connection connection : connections) {
      connection.closeIfIdle();
    }
    long end = System.nanoTime() + grace.toNanos();
    while (!connections.isEmpty() && System.nanoTime() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      for (Connection connection : connections) {
        connection.closeIfIdle();
      }
    }
    for (Connection connection : connections) {
      connection.close();
    }
    watchdog.shutdownNow();
    if (where.unix()) {
      try {
        Files.deleteIfExists(((UnixDomainSocketAddress) where.address()).getPath());
      } catch (IOException e) {
        log.warn("could not remove " + where.text() + ": " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
