package io.github.spfkit.policyd.daemon;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * Where the daemon listens: {@code HOST:PORT} ({@code [v6]:PORT} for IPv6) or {@code unix:PATH}.
 *
 * @param address the socket address
 * @param text as given on the command line
 */
record ListenAddress(SocketAddress address, String text) {

  static ListenAddress parse(String text) {
    if (text.startsWith("unix:")) {
      String path = text.substring("unix:".length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("--listen unix: needs a path");
      }
      return new ListenAddress(UnixDomainSocketAddress.of(Path.of(path)), text);
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("--listen takes HOST:PORT or unix:PATH, not " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--listen: not a port number in " + text, e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--listen: port out of range in " + text);
    }
    return new ListenAddress(new InetSocketAddress(host, port), text);
  }

  boolean unix() {
    return address instanceof UnixDomainSocketAddress;
  }
}
