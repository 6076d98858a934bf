package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Timeouts and unreachable servers, without Knot: a UDP socket that is open and never answers, and
 * a port nothing listens on (ICMP port unreachable on loopback).
 */
final class DnsJavaLookupTimeoutTest {

  /** Scheduling slack allowed beyond the deadline on a loaded 2-core CI machine. */
  private static final Duration SLACK = Duration.ofMillis(400);

  @Test
  void answersATemporaryFailureWithinTheDeadlineWhenTheServerNeverAnswers() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      DnsJavaLookup dns =
          DnsJavaLookup.builder()
              .server("127.0.0.1:" + silent.port())
              .timeout(Duration.ofMillis(250))
              .retries(1)
              .build();
      warmUp();

      long start = System.nanoTime();
      DnsAnswer answer = dns.lookup("example.com", RecordType.TXT).toCompletableFuture().join();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
      assertThat(dns.deadline()).isEqualTo(Duration.ofMillis(500));
      assertThat(elapsed)
          .as("gives up when both attempts have had their time, and not much later")
          .isBetween(dns.deadline().minusMillis(50), dns.deadline().plus(SLACK));
      assertThat(silent.awaitQueries(2))
          .as("queries received: the first attempt and one retry")
          .isEqualTo(2);
    }
  }

  @Test
  void answersATemporaryFailureAtOnceWhenNothingListens() throws Exception {
    int port;
    try (DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    DnsJavaLookup dns =
        DnsJavaLookup.builder()
            .server("127.0.0.1:" + port)
            .timeout(Duration.ofSeconds(10))
            .retries(0)
            .build();

    long start = System.nanoTime();
    DnsAnswer answer = dns.lookup("example.com", RecordType.TXT).toCompletableFuture().join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
  }

  /** Loads dnsjava's classes so the measured lookup times the lookup, not class loading. */
  private static void warmUp() throws SocketException {
    int port;
    try (DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    DnsJavaLookup.builder()
        .server("127.0.0.1:" + port)
        .timeout(Duration.ofSeconds(2))
        .retries(0)
        .build()
        .lookup("warm.example", RecordType.A)
        .toCompletableFuture()
        .join();
  }

  /** A UDP socket on loopback that reads queries and never answers them. */
  private static final class SilentServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread reader;

    SilentServer() throws SocketException {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                while (!socket.isClosed()) {
                  try {
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                    synchronized (queries) {
                      queries.incrementAndGet();
                      queries.notifyAll();
                    }
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "silent-dns-server");
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    /** The queries received, waiting at most a second for {@code expected} of them. */
    int awaitQueries(int expected) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      synchronized (queries) {
        while (queries.get() < expected) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          queries.wait(Math.max(1, left / 1_000_000));
        }
        return queries.get();
      }
    }

    @Override
    public void close() throws InterruptedException {
      socket.close();
      reader.join(1000);
    }
  }
}
