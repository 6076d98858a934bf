package io.github.spfkit.benchmarks.policyd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives a policy server with N connections, each sending one request after another (as a Postfix
 * smtpd process does), and prints decisions per second and latency percentiles. Each request is a
 * whole decision: a new {@code instance} every time, so no per-transaction reuse.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.spfkit.benchmarks.policyd.PolicyLoad \
 *     --target 127.0.0.1:10023 --connections 8 --seconds 10 [--warmup 3] [--fresh]
 *     [--junk 64] [--label NAME]
 * </pre>
 *
 * <p>The requests cycle over four senders of the benchmark zone ({@code policyd/bench.zone}):
 * {@code pass.bench} (expected answer: prepend), {@code fail.bench} (reject), {@code soft.bench}
 * (prepend), {@code none.bench} (prepend). With {@code --fresh} every sender is a new name under
 * {@code *.fresh.bench} (a wildcard {@code -all} record: expected reject), so every decision needs
 * DNS: for the fault runs. Answers are classified; a <em>wrong</em> answer is an accept (prepend or
 * dunno) where reject was expected, or a reject where an accept was expected; a defer is counted
 * apart. With {@code --junk N}, N more connections send garbage all the time (overlong lines, lines
 * without {@code =}, attribute floods, random bytes), reconnecting whenever the server closes them.
 * Every second a line of progress shows the classes seen in that second.
 */
public final class PolicyLoad {
  private PolicyLoad() {}

  private record Sender(String ip, String helo, String sender, String expected) {}

  private static final List<Sender> SENDERS = List.of(
      new Sender("192.0.2.10", "client.bench", "alice@pass.bench", "prepend"),
      new Sender("203.0.113.5", "client.bench", "bob@fail.bench", "reject"),
      new Sender("203.0.113.5", "client.bench", "carol@soft.bench", "prepend"),
      new Sender("203.0.113.5", "client.bench", "dave@none.bench", "prepend"));

  /**
   * Runs the load and prints the results.
   *
   * @param args see the class comment
   * @throws Exception if the run cannot be set up
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--fresh")) {
        options.put("fresh", "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String[] target = options.getOrDefault("target", "127.0.0.1:10023").split(":");
    InetSocketAddress address = new InetSocketAddress(target[0], Integer.parseInt(target[1]));
    int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
    int junk = Integer.parseInt(options.getOrDefault("junk", "0"));
    boolean fresh = options.containsKey("fresh");
    String label = options.getOrDefault("label", address.toString());
    new PolicyLoad.Run(address, connections, seconds, warmup, junk, fresh, label).run();
  }

  /** One run; state shared by the connection threads. */
  private static final class Run {
    private final InetSocketAddress address;
    private final int connections;
    private final int seconds;
    private final int warmup;
    private final int junk;
    private final boolean fresh;
    private final String label;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, LongAdder> classes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> second = new ConcurrentHashMap<>();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder junkSent = new LongAdder();
    private final List<long[]> latencies = new ArrayList<>();
    private volatile boolean measuring;
    private volatile boolean stop;

    Run(InetSocketAddress address, int connections, int seconds, int warmup, int junk,
        boolean fresh, String label) {
      this.address = address;
      this.connections = connections;
      this.seconds = seconds;
      this.warmup = warmup;
      this.junk = junk;
      this.fresh = fresh;
      this.label = label;
    }

    void run() throws InterruptedException {
      List<Thread> threads = new ArrayList<>();
      List<LatencyLog> logs = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        LatencyLog log = new LatencyLog();
        logs.add(log);
        Thread t = new Thread(() -> client(log), "load-" + c);
        t.setDaemon(true);
        threads.add(t);
      }
      for (int j = 0; j < junk; j++) {
        long seed = j;
        Thread t = new Thread(() -> junk(new Random(seed)), "junk-" + j);
        t.setDaemon(true);
        threads.add(t);
      }
      threads.forEach(Thread::start);
      Thread.sleep(warmup * 1000L);
      measuring = true;
      long start = System.nanoTime();
      for (int s = 1; s <= seconds; s++) {
        Thread.sleep(1000);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  t=%2ds", s));
        new TreeMap<>(second).forEach((k, v) -> line.append(' ').append(k).append('=')
            .append(v.sumThenReset()));
        System.out.println(line);
      }
      measuring = false;
      long elapsed = System.nanoTime() - start;
      stop = true;
      for (LatencyLog log : logs) {
        synchronized (log) {
          latencies.add(Arrays.copyOf(log.values, log.size));
        }
      }
      report(elapsed);
    }

    private void report(long elapsedNanos) {
      long total = latencies.stream().mapToLong(l -> l.length).sum();
      long[] all = new long[(int) total];
      int at = 0;
      for (long[] l : latencies) {
        System.arraycopy(l, 0, all, at, l.length);
        at += l.length;
      }
      Arrays.sort(all);
      double perSecond = total / (elapsedNanos / 1e9);
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT,
          "%s connections=%d decisions=%d per_second=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f",
          label, connections, total, perSecond, percentile(all, 0.50), percentile(all, 0.99),
          all.length == 0 ? 0.0 : all[all.length - 1] / 1e6));
      new TreeMap<>(classes).forEach((k, v) -> out.append(' ').append(k).append('=')
          .append(v.sum()));
      out.append(" reconnects=").append(reconnects.sum());
      if (junk > 0) {
        out.append(" junk_connections=").append(junk).append(" junk_sent=").append(junkSent.sum());
      }
      System.out.println(out);
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }

    private void count(String what) {
      if (measuring) {
        classes.computeIfAbsent(what, k -> new LongAdder()).increment();
      }
      second.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private void client(LatencyLog log) {
      while (!stop) {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(address, 2000);
          socket.setSoTimeout(30_000);
          OutputStream out = socket.getOutputStream();
          BufferedReader in = new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
          while (!stop) {
            long n = sequence.incrementAndGet();
            Sender s = SENDERS.get((int) (n % SENDERS.size()));
            String ip = s.ip();
            String sender = s.sender();
            String expected = s.expected();
            if (fresh) {
              ip = "203.0.113.5";
              sender = "user@n" + n + ".fresh.bench";
              expected = "reject";
            }
            String request = "request=smtpd_access_policy\nprotocol_state=RCPT\n"
                + "protocol_name=ESMTP\nclient_address=" + ip + "\nclient_name=unknown\n"
                + "helo_name=" + s.helo() + "\nsender=" + sender
                + "\nrecipient=rcpt@receiver.bench\nrecipient_count=0\nqueue_id=\ninstance="
                + Long.toHexString(n) + ".load\nsize=0\n\n";
            long start = System.nanoTime();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = in.readLine();
            String empty = in.readLine();
            long took = System.nanoTime() - start;
            if (answer == null || empty == null) {
              count("closed");
              break;
            }
            String kind = kind(answer);
            if (kind.equals("defer")) {
              count("defer");
            } else if (kind.equals(expected)) {
              count("ok");
            } else if (kind.equals("dunno") && expected.equals("prepend")) {
              count("ok");
            } else {
              count("WRONG");
            }
            if (measuring) {
              log.add(took);
            }
          }
        } catch (IOException e) {
          count("io_error");
          reconnects.increment();
          sleep(20);
        }
      }
    }

    private void junk(Random random) {
      while (!stop) {
        try (Socket socket = new Socket()) {
          socket.connect(address, 2000);
          socket.setSoTimeout(5000);
          OutputStream out = socket.getOutputStream();
          while (!stop) {
            byte[] garbage;
            switch (random.nextInt(4)) {
              case 0 -> garbage = ("sender=" + "x".repeat(20_000 + random.nextInt(10_000)))
                  .getBytes(StandardCharsets.US_ASCII);
              case 1 -> garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII);
              case 2 -> {
                StringBuilder flood = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                  flood.append("a").append(i).append("=b\n");
                }
                garbage = flood.toString().getBytes(StandardCharsets.US_ASCII);
              }
              default -> {
                garbage = new byte[1 + random.nextInt(4096)];
                random.nextBytes(garbage);
              }
            }
            out.write(garbage);
            out.flush();
            junkSent.increment();
          }
        } catch (IOException closedByServer) {
          reconnects.increment();
        }
      }
    }

    private static String kind(String answer) {
      String action = answer.startsWith("action=") ? answer.substring(7).toLowerCase(Locale.ROOT)
          : answer;
      if (action.startsWith("5")) {
        return "reject";
      }
      if (action.startsWith("4") || action.startsWith("defer")) {
        return "defer";
      }
      if (action.startsWith("prepend")) {
        return "prepend";
      }
      if (action.startsWith("dunno")) {
        return "dunno";
      }
      return "other";
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The latencies of one connection, in nanoseconds. */
  private static final class LatencyLog {
    long[] values = new long[1 << 16];
    int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }
  }
}
