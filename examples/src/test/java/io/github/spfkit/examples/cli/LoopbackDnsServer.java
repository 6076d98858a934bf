package io.github.spfkit.examples.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on a loopback UDP port for tests: answers TXT questions from a
 * map, NXDOMAIN for names it does not know, NODATA for other types of known names. Counts the
 * questions it answered.
 */
final class LoopbackDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, String> txt;
  private final Thread thread;
  private final AtomicInteger questions = new AtomicInteger();
  private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> asked =
      new java.util.concurrent.ConcurrentHashMap<>();

  LoopbackDnsServer(Map<String, String> txt) throws SocketException {
    this.txt = txt;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "loopback-dns");
    thread.setDaemon(true);
    thread.start();
  }

  /** {@code 127.0.0.1:PORT}, for {@code --dns}. */
  String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  int questions() {
    return questions.get();
  }

  private void serve() {
    byte[] buffer = new byte[1500];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        byte[] answer = answer(query).toWire(512);
        // counted before the answer leaves, so a test that has its answer sees the count
        questions.incrementAndGet();
        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (IOException e) {
        // closed, or a packet that is not DNS: nothing to answer
      }
    }
  }

  /** How often {@code name} was asked for records of {@code type} ({@code "TXT"}, ...). */
  int questions(String name, String type) {
    AtomicInteger n = asked.get(name.toLowerCase(java.util.Locale.ROOT) + "/" + type);
    return n == null ? 0 : n.get();
  }

  private Message answer(Message query) throws IOException {
    Record question = query.getQuestion();
    asked.computeIfAbsent(
            question.getName().toString(true).toLowerCase(java.util.Locale.ROOT) + "/" + Type.string(question.getType()),
            k -> new AtomicInteger())
        .incrementAndGet();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.addRecord(question, Section.QUESTION);
    Name name = question.getName();
    String key = name.toString(true).toLowerCase(java.util.Locale.ROOT);
    String text = txt.get(key);
    if (text == null) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    } else if (question.getType() == Type.TXT) {
      response.addRecord(new TXTRecord(name, DClass.IN, 300, text), Section.ANSWER);
    }
    return response;
  }

  @Override
  public void close() {
    socket.close();
  }
}
