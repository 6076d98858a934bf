package io.github.spfkit.policyd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.policyd.PolicyServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's socket side: many requests per connection, bounds, idle timeout, shutdown. */
final class ListenerTest {
  private static final String REQUEST = "request=smtpd_access_policy\nprotocol_state=RCPT\n"
      + "client_address=203.0.113.9\nhelo_name=mail.example.com\nsender=alice@example.com\n"
      + "recipient=bob@receiver.test\ninstance=%s\n\n";

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private Listener listener;

  private Listener start(String listen, PolicyServer server, Duration idle) throws IOException {
    DecisionLog log = new DecisionLog(new PrintStream(logged, true, StandardCharsets.UTF_8), 1);
    listener = Listener.start(ListenAddress.parse(listen), server, log, idle, 4);
    return listener;
  }

  private static PolicyServer server() {
    return PolicyServer.builder()
        .dns(InMemoryDns.builder().txt("example.com", "v=spf1 -all").build())
        .build();
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
  }

  private static InetSocketAddress tcp(Listener listener) throws IOException {
    return (InetSocketAddress) listener.address();
  }

  private static String answer(BufferedReader in) throws IOException {
    String line = in.readLine();
    String empty = in.readLine();
    assertThat(empty).isEmpty();
    return line;
  }

  @Test
  void answersManyRequestsOnOneConnectionInOrder() throws IOException {
    start("127.0.0.1:0", server(), Duration.ofSeconds(30));
    try (Socket socket = new Socket()) {
      socket.connect(tcp(listener));
      OutputStream out = socket.getOutputStream();
      out.write((REQUEST.formatted("1") + REQUEST.formatted("2") + "request=other\n\n")
          .getBytes(StandardCharsets.UTF_8));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(answer(in)).startsWith("action=550 5.7.23 ");
      assertThat(answer(in)).startsWith("action=550 5.7.23 ");
      assertThat(answer(in)).isEqualTo("action=DUNNO");
    }
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("client=203.0.113.9 identity=mailfrom sender=alice@example.com result=fail"
            + " term=-all in=example.com action=reject")
        .contains("note=\"unknown request type \\\"other\\\"\"");
  }

  @Test
  void servesAUnixSocket(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("policy.sock");
    start("unix:" + path, server(), Duration.ofSeconds(30));
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(path));
      Channels.newOutputStream(channel).write(REQUEST.formatted("1")
          .getBytes(StandardCharsets.UTF_8));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.US_ASCII));
      assertThat(answer(in)).startsWith("action=550 5.7.23 ");
    }
  }

  @Test
  void closesAConnectionThatSendsAnOverlongLine() throws IOException {
    start("127.0.0.1:0", server(), Duration.ofSeconds(30));
    try (Socket socket = new Socket()) {
      socket.connect(tcp(listener));
      socket.setSoTimeout(5000);
      try {
        socket.getOutputStream().write(("sender=" + "x".repeat(20_000) + "\n")
            .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException reset) {
        // the server may already have closed its end
      }
      assertThat(readToEnd(socket)).isEmpty();
    }
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("line longer than 16384 bytes");
  }

  @Test
  void closesAnIdleConnection() throws IOException {
    start("127.0.0.1:0", server(), Duration.ofMillis(300));
    try (Socket socket = new Socket()) {
      socket.connect(tcp(listener));
      socket.setSoTimeout(5000);
      long start = System.nanoTime();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void refusesConnectionsBeyondTheLimit() throws Exception {
    start("127.0.0.1:0", server(), Duration.ofSeconds(30));
    Socket[] held = new Socket[4];
    for (int i = 0; i < held.length; i++) {
      held[i] = new Socket();
      held[i].connect(tcp(listener));
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (listener.connectionCount() < 4 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    try (Socket extra = new Socket()) {
      extra.connect(tcp(listener));
      extra.setSoTimeout(5000);
      assertThat(extra.getInputStream().read()).isEqualTo(-1);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void answersTheRequestInFlightWhenStopped() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CompletableFuture<io.github.spfkit.core.dns.DnsAnswer> slow = new CompletableFuture<>();
    PolicyServer server = PolicyServer.builder()
        .dns((name, type) -> {
          asked.countDown();
          return slow;
        })
        .build();
    start("127.0.0.1:0", server, Duration.ofSeconds(30));
    try (Socket socket = new Socket()) {
      socket.connect(tcp(listener));
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(REQUEST.formatted("1").getBytes(StandardCharsets.UTF_8));
      assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
      Thread stopper = new Thread(() -> listener.stop(Duration.ofSeconds(5)));
      stopper.start();
      Thread.sleep(200);
      // the daemon no longer accepts, but the request in flight is still answered
      slow.complete(new io.github.spfkit.core.dns.DnsAnswer.Records(
          java.util.List.of("v=spf1 -all"), 60));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(answer(in)).startsWith("action=550 5.7.23 ");
      assertThat(in.read()).isEqualTo(-1);
      stopper.join(10_000);
    }
  }

  private static String readToEnd(Socket socket) {
    try {
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException reset) {
      return "";
    }
  }
}
