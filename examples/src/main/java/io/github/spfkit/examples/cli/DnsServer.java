package io.github.spfkit.examples.cli;

import java.util.Objects;

/**
 * A DNS server named on the command line as {@code HOST[:PORT]}: {@code 192.0.2.53}, {@code
 * 192.0.2.53:5353}, {@code ns.example.net:53}, {@code 2001:db8::53} or {@code [2001:db8::53]:53}.
 *
 * @param host the host name or address literal, without brackets
 * @param port the UDP/TCP port
 */
record DnsServer(String host, int port) {
  static final int DEFAULT_PORT = 53;

  DnsServer {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Reads {@code HOST[:PORT]}.
   *
   * @throws IllegalArgumentException with a message for the user if {@code text} is not one
   */
  static DnsServer parse(String text) {
    String value = text.trim();
    String host = value;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in DNS server '" + text + "'");
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("expected ':PORT' after ']' in '" + text + "'");
        }
        port = rest.substring(1);
      }
    } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = value.substring(value.indexOf(':') + 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("not a DNS server: '" + text + "' (HOST[:PORT])");
    }
    if (port == null) {
      return new DnsServer(host, DEFAULT_PORT);
    }
    try {
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw new IllegalArgumentException("port out of range in '" + text + "' (1-65535)");
      }
      return new DnsServer(host, number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number in '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
