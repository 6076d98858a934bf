package io.github.spfkit.policyd.daemon;

import io.github.spfkit.policyd.PolicyRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads policy requests from a connection: {@code name=value} lines ending with an empty line
 * (Postfix's SMTPD_POLICY_README). Bounded: a line longer than {@link #MAX_LINE} bytes or a request
 * with more than {@link #MAX_ATTRIBUTES} attributes ends the connection, as does a line without
 * {@code =} or with an empty name before it. Not thread safe: one reader per connection.
 */
final class RequestReader {
  /** Longest line accepted, in bytes. */
  static final int MAX_LINE = 16 * 1024;

  /** Most attributes in one request (Postfix 3.7 sends 30). */
  static final int MAX_ATTRIBUTES = 100;

  /** What one read gave. */
  sealed interface Outcome {}

  /** A whole request. */
  record Request(PolicyRequest request) implements Outcome {}

  /** The peer closed the connection between requests. */
  record End() implements Outcome {}

  /** The input broke the protocol; the connection is to be closed. */
  record Broken(String why) implements Outcome {}

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;

  RequestReader(InputStream in) {
    this.in = in;
  }

  Outcome next() throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    byte[] line = new byte[256];
    while (true) {
      int length = 0;
      boolean ended = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit < 0) {
            limit = 0;
            break;
          }
        }
        byte b = buffer[position++];
        if (b == '\n') {
          ended = true;
          break;
        }
        if (length == MAX_LINE) {
          return new Broken("line longer than " + MAX_LINE + " bytes");
        }
        if (length == line.length) {
          line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
        }
        line[length++] = b;
      }
      if (!ended) {
        return attributes.isEmpty() && length == 0 ? new End()
            : new Broken("connection closed inside a request");
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      if (length == 0) {
        if (attributes.isEmpty()) {
          continue; // a stray empty line between requests: nothing to answer
        }
        return new Request(new PolicyRequest(attributes));
      }
      String text = new String(line, 0, length, StandardCharsets.UTF_8);
      int eq = text.indexOf('=');
      String name = eq < 0 ? "" : text.substring(0, eq).strip();
      if (name.isEmpty()) {
        return new Broken("line without name=value");
      }
      if (attributes.size() == MAX_ATTRIBUTES && !attributes.containsKey(name)) {
        return new Broken("more than " + MAX_ATTRIBUTES + " attributes in one request");
      }
      attributes.put(name, text.substring(eq + 1));
    }
  }
}
