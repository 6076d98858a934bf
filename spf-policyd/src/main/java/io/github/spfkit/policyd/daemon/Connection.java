package io.github.spfkit.policyd.daemon;

import io.github.spfkit.policyd.Decision;
import io.github.spfkit.policyd.PolicyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One connection from Postfix: reads a request, answers it, and again, until the peer closes, the
 * input breaks the protocol, the connection is idle too long, or the daemon stops.
 */
final class Connection implements Runnable {
  private final SocketChannel channel;
  private final PolicyServer policy;
  private final DecisionLog log;
  private final Consumer<Connection> done;
  private final BooleanSupplier stopping;
  private final Object lock = new Object();
  private volatile long lastActivity = System.nanoTime();
  private boolean busy;
  private boolean closed;

  Connection(SocketChannel channel, PolicyServer policy, DecisionLog log,
      Consumer<Connection> done, BooleanSupplier stopping) {
    this.channel = channel;
    this.policy = policy;
    this.log = log;
    this.done = done;
    this.stopping = stopping;
  }

  @Override
  public void run() {
    try (InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel)) {
      RequestReader reader = new RequestReader(in);
      while (!stopping.getAsBoolean()) {
        RequestReader.Outcome outcome = reader.next();
        if (outcome instanceof RequestReader.End) {
          return;
        }
        if (outcome instanceof RequestReader.Broken broken) {
          log.warn("closing a connection: " + broken.why());
          return;
        }
        RequestReader.Request request = (RequestReader.Request) outcome;
        synchronized (lock) {
          if (closed) {
            return;
          }
          busy = true;
        }
        try {
          Decision decision = policy.decideNow(request.request());
          log.decision(request.request(), decision);
          out.write((decision.action().line() + "\n\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } finally {
          synchronized (lock) {
            busy = false;
          }
          lastActivity = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // the peer went away, or the connection was closed for idleness or shutdown
    } finally {
      close();
      done.accept(this);
    }
  }

  long idleFor(long now) {
    synchronized (lock) {
      return busy ? 0 : now - lastActivity;
    }
  }

  /** Closes the connection unless a request is being decided (then it closes after answering). */
  void closeIfIdle() {
    synchronized (lock) {
      if (busy) {
        return;
      }
    }
    close();
  }

  void close() {
    synchronized (lock) {
      closed = true;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
