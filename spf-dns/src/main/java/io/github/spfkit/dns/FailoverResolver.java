package io.github.spfkit.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;

/**
 * Sends a query to the configured servers in turn: the first server first, the next one after a
 * transport failure (timeout, ICMP unreachable, connection refused, unreadable response), for at
 * most {@code 1 + retries} attempts. A DNS response of any rcode ends the query: SERVFAIL and
 * REFUSED are answers, not transport failures.
 *
 * <p>Each attempt is bounded here, not by dnsjava, whose NIO selector checks timeouts only once a
 * second unless {@code -Ddnsjava.nio.selector_timeout} says otherwise. Truncated UDP answers are
 * retried over TCP by {@link SimpleResolver} within the same attempt.
 */
final class FailoverResolver implements Resolver {

  private final List<SimpleResolver> servers;
  private final Duration timeout;
  private final int attempts;
  private final Executor executor;

  FailoverResolver(
      List<InetSocketAddress> addresses,
      Duration timeout,
      int retries,
      int ednsPayloadSize,
      Executor executor) {
    this.servers =
        addresses.stream()
            .map(
                address -> {
                  SimpleResolver resolver = new SimpleResolver(address);
                  // dnsjava's own timer is a backstop that frees its transaction; ours decides.
                  resolver.setTimeout(timeout.plusSeconds(1));
                  resolver.setIgnoreTruncation(false);
                  if (ednsPayloadSize == 0) {
                    resolver.setEDNS(-1, 0, 0, List.of());
                  } else {
                    resolver.setEDNS(0, ednsPayloadSize, 0, List.of());
                  }
                  return resolver;
                })
            .toList();
    this.timeout = timeout;
    this.attempts = retries + 1;
    this.executor = executor;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, executor);
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor continuation) {
    return attempt(query, 0, continuation);
  }

  private CompletableFuture<Message> attempt(Message query, int attempt, Executor continuation) {
    CompletableFuture<Message> result = new CompletableFuture<>();
    try {
      send(query, attempt, continuation, result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private void send(
      Message query, int attempt, Executor continuation, CompletableFuture<Message> result) {
    SimpleResolver server = servers.get(attempt % servers.size());
    CompletableFuture<Message> bounded = new CompletableFuture<>();
    relay(server.sendAsync(query.clone(), continuation), bounded);
    // On the common pool, not the caller's executor: the bound must hold even if that one stalls.
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () ->
                bounded.completeExceptionally(
                    new SocketTimeoutException(
                        "no response from " + server.getAddress() + " within " + timeout)));
    CompletionStage<Message> answered = bounded;
    answered.whenComplete(
        (response, error) -> {
          if (error == null) {
            result.complete(response);
          } else if (unwrap(error) instanceof IOException && attempt + 1 < attempts) {
            relay(attempt(query, attempt + 1, continuation), result);
          } else {
            result.completeExceptionally(unwrap(error));
          }
        });
  }

  /** Completes {@code to} as {@code from} completes; the action cannot throw. */
  private static <T> void relay(CompletionStage<T> from, CompletableFuture<T> to) {
    from.whenComplete(
        (value, error) -> {
          if (error == null) {
            to.complete(value);
          } else {
            to.completeExceptionally(unwrap(error));
          }
        });
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  @Override
  public void setPort(int port) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public void setTCP(boolean flag) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public void setTSIGKey(TSIG key) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public void setTimeout(Duration timeout) {
    throw new UnsupportedOperationException("configured by DnsJavaLookup.Builder");
  }

  @Override
  public String toString() {
    return "FailoverResolver" + servers.stream().map(SimpleResolver::getAddress).toList();
  }
}
