package io.github.spfkit.policyd.mta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP client for one transaction, with XCLIENT to present a test client address and
 * HELO name to Postfix (smtpd_authorized_xclient_hosts). Replies are returned whole (multi-line
 * replies joined with newlines).
 */
final class Smtp implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  private Smtp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    this.out = socket.getOutputStream();
  }

  /** Connects, says EHLO, XCLIENT ADDR and HELO, and EHLO again with the given name. */
  static Smtp connect(int port, String clientAddress, String helo) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(30_000);
    Smtp smtp = new Smtp(socket);
    smtp.expect(smtp.reply(), "220");
    smtp.expect(smtp.command("EHLO tester.localhost"), "250");
    smtp.expect(smtp.command("XCLIENT ADDR=" + clientAddress + " HELO=" + helo), "220");
    smtp.expect(smtp.command("EHLO " + helo), "250");
    return smtp;
  }

  String command(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return reply();
  }

  /**
   * MAIL FROM and RCPT TO; on a 250 to RCPT also DATA with the message. Returns the RCPT reply.
   */
  String send(String sender, String recipient, String message) throws IOException {
    expect(command("MAIL FROM:<" + sender + ">"), "250");
    String rcpt = command("RCPT TO:<" + recipient + ">");
    if (rcpt.startsWith("250")) {
      expect(command("DATA"), "354");
      StringBuilder data = new StringBuilder();
      for (String line : message.split("\r?\n", -1)) {
        data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
      }
      out.write((data + ".\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      expect(reply(), "250");
    } else {
      command("RSET");
    }
    return rcpt;
  }

  /** MAIL FROM, one RCPT TO per recipient, DATA when all were accepted. The RCPT replies. */
  java.util.List<String> sendToAll(String sender, java.util.List<String> recipients,
      String message) throws IOException {
    expect(command("MAIL FROM:<" + sender + ">"), "250");
    java.util.List<String> replies = new java.util.ArrayList<>();
    for (String recipient : recipients) {
      replies.add(command("RCPT TO:<" + recipient + ">"));
    }
    if (replies.stream().allMatch(r -> r.startsWith("250"))) {
      expect(command("DATA"), "354");
      out.write((message.replace("\n", "\r\n") + "\r\n.\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      expect(reply(), "250");
    }
    return replies;
  }

  private String reply() throws IOException {
    StringBuilder text = new StringBuilder();
    while (true) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed; got so far: " + text);
      }
      text.append(text.length() == 0 ? "" : "\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return text.toString();
      }
    }
  }

  private static void expect(String reply, String code) throws IOException {
    if (!reply.startsWith(code)) {
      throw new IOException("expected " + code + ", got: " + reply);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      command("QUIT");
    } catch (IOException ignored) {
      // already gone
    } finally {
      socket.close();
    }
  }
}
