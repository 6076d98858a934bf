package io.github.spfkit.dns;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.lookup.InvalidZoneDataException;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.RedirectOverflowException;
import org.xbill.DNS.lookup.ServerFailedException;

/**
 * A {@link DnsLookup} that asks DNS servers, through dnsjava's asynchronous {@code LookupSession}.
 *
 * <pre>{@code
 * DnsLookup dns = DnsJavaLookup.builder()
 *     .server("192.0.2.53")            // port 53
 *     .server("[2001:db8::53]:5353")   // a second server, tried after a transport failure
 *     .timeout(Duration.ofSeconds(2))
 *     .retries(1)
 *     .build();
 * }</pre>
 *
 * <p><b>Servers.</b> Either explicit servers, or, only when {@link Builder#systemResolvers()} is
 * called, the servers of the system configuration ({@code /etc/resolv.conf} and its
 * equivalents). Nothing else reads the system configuration. Names are always absolute: there is
 * no search path, no {@code ndots}, no hosts file, and no dnsjava cache (put a {@link
 * CachingLookup} in front for caching).
 *
 * <p><b>Time.</b> One attempt is one query to one server, bounded by {@link Builder#timeout}; after
 * a transport failure (no response in time, ICMP unreachable, connection refused) the next server
 * is tried, for at most {@code 1 +} {@link Builder#retries} attempts. A whole question, CNAMEs
 * included, completes within {@link #deadline()} = timeout &times; (1 + retries) whatever happens:
 * this class enforces the bound itself. (dnsjava's NIO selector checks its own timeouts only once
 * a second; {@code -Ddnsjava.nio.selector_timeout=50} makes it check every 50 ms, which frees
 * abandoned transactions sooner but is not needed for the bound to hold.) Truncated UDP answers
 * are retried over TCP within the same attempt.
 *
 * <p><b>Answers</b> (spf-core's {@link DnsAnswer}):
 *
 * <ul>
 *   <li>records of the type asked, after following CNAMEs: {@link DnsAnswer.Records}, with the
 *       least TTL of the records and the CNAMEs followed;
 *   <li>NODATA, whether dnsjava reports it as an empty result or as {@code NoSuchRRSetException},
 *       and a referral (an authoritative server's pointer elsewhere, which holds no records): {@link
 *       DnsAnswer.NoRecords};
 *   <li>NXDOMAIN, also at the end of a CNAME chain: {@link DnsAnswer.NoSuchDomain};
 *   <li>SERVFAIL, REFUSED, any other error rcode, a CNAME loop or a chain over {@link
 *       #MAX_CNAME_HOPS}, a timeout, an I/O error, anything unexpected: {@link
 *       DnsAnswer.TemporaryFailure}.
 * </ul>
 *
 * Negative answers carry the RFC 2308 TTL from the SOA in the response (the lesser of its TTL and
 * minimum), or 0 without one. A name that cannot exist in DNS (an empty label, a label over 63
 * bytes, over 255 bytes in all) answers {@link DnsAnswer.NoSuchDomain} with TTL 0, without a
 * query.
 *
 * <p>Immutable and safe for concurrent use. {@link #lookup} never throws and never completes
 * exceptionally.
 */
public final class DnsJavaLookup implements DnsLookup {

  /** CNAME (and DNAME) hops followed before a chain counts as a loop. */
  public static final int MAX_CNAME_HOPS = 16;

  private final Resolver transport;
  private final List<InetSocketAddress> servers;
  private final Duration deadline;
  private final Executor executor;

  private DnsJavaLookup(List<InetSocketAddress> servers, Builder builder) {
    this(
        new FailoverResolver(
            servers, builder.timeout, builder.retries, builder.ednsPayloadSize, builder.executor),
        servers,
        builder.timeout.multipliedBy(builder.retries + 1L),
        builder.executor);
  }

  /** A lookup over any dnsjava resolver: for tests that feed it crafted responses. */
  DnsJavaLookup(
      Resolver transport, List<InetSocketAddress> servers, Duration deadline, Executor executor) {
    this.transport = transport;
    this.servers = List.copyOf(servers);
    this.deadline = deadline;
    this.executor = executor;
  }

  /**
   * Starts a lookup; at least one server, or {@link Builder#systemResolvers()}, is required.
   *
   * @return a new builder with no servers and the default timeout, retries and EDNS size
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The servers asked, in the order they are tried.
   *
   * @return the servers as an unmodifiable list, never empty
   */
  public List<InetSocketAddress> servers() {
    return servers;
  }

  /**
   * The longest a {@link #lookup} takes: timeout &times; (1 + retries).
   *
   * @return the time after which a lookup completes with a temporary failure at the latest
   */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    CompletableFuture<DnsAnswer> bounded = new CompletableFuture<>();
    try {
      Name query = DnsNames.toName(name);
      if (query == null) {
        return CompletableFuture.completedFuture(new DnsAnswer.NoSuchDomain(0));
      }
      ResponseCapture capture = new ResponseCapture(transport);
      LookupSession session =
          LookupSession.builder()
              .resolver(capture)
              .executor(executor)
              .maxRedirects(MAX_CNAME_HOPS)
              .clearSearchPath()
              .clearCaches()
              .build();
      int code = RecordData.typeCode(type);
      session
          .lookupAsync(query, code)
          .whenComplete(
              (result, error) -> bounded.complete(answer(result, error, capture, name, type, code)));
      // On the common pool, not the caller's executor: the bound must hold even if that one stalls.
      CompletableFuture.delayedExecutor(deadline.toNanos(), TimeUnit.NANOSECONDS)
          .execute(
              () ->
                  bounded.complete(
                      new DnsAnswer.TemporaryFailure(
                          "no answer for " + name + "/" + type + " within " + deadline)));
    } catch (RuntimeException e) {
      bounded.complete(failure(name, type, e));
    }
    return bounded;
  }

  private static DnsAnswer answer(
      @Nullable LookupResult result,
      @Nullable Throwable error,
      ResponseCapture capture,
      String name,
      RecordType type,
      int code) {
    try {
      if (error != null) {
        return failed(FailoverResolver.unwrap(error), capture, name, type);
      }
      if (result == null) {
        return new DnsAnswer.TemporaryFailure("no result for " + name + "/" + type);
      }
      List<String> data = new ArrayList<>();
      long ttl = capture.aliasTtl();
      for (Record record : result.getRecords()) {
        if (record.getType() != code) {
          continue;
        }
        String text = RecordData.text(record);
        if (text != null) {
          data.add(text);
          ttl = Math.min(ttl, record.getTTL());
        }
      }
      if (data.isEmpty()) {
        return new DnsAnswer.NoRecords(capture.negativeTtl());
      }
      return new DnsAnswer.Records(data, Math.max(0, ttl));
    } catch (RuntimeException e) {
      return failure(name, type, e);
    }
  }

  private static DnsAnswer failed(
      Throwable cause, ResponseCapture capture, String name, RecordType type) {
    String question = name + "/" + type;
    if (cause instanceof NoSuchDomainException) {
      return new DnsAnswer.NoSuchDomain(capture.negativeTtl());
    }
    if (cause instanceof NoSuchRRSetException) {
      return new DnsAnswer.NoRecords(capture.negativeTtl());
    }
    if (cause instanceof ServerFailedException) {
      return new DnsAnswer.TemporaryFailure("SERVFAIL for " + question);
    }
    if (cause instanceof RedirectOverflowException) {
      return new DnsAnswer.TemporaryFailure(
          "CNAME loop or chain over " + MAX_CNAME_HOPS + " hops at " + question);
    }
    if (cause instanceof InvalidZoneDataException) {
      return new DnsAnswer.TemporaryFailure("invalid zone data for " + question);
    }
    if (cause instanceof LookupFailedException) {
      // REFUSED, NOTIMP, FORMERR...: dnsjava reports them as "Unknown non-success error code X"
      return new DnsAnswer.TemporaryFailure(
          "DNS error for " + question + ": " + Objects.toString(cause.getMessage(), "failed"));
    }
    if (cause instanceof IOException) {
      return new DnsAnswer.TemporaryFailure(
          "no response for " + question + ": " + Objects.toString(cause.getMessage(), "I/O error"));
    }
    return failure(name, type, cause);
  }

  private static DnsAnswer failure(String name, RecordType type, Throwable cause) {
    return new DnsAnswer.TemporaryFailure(
        "lookup of " + name + "/" + type + " failed: " + cause.getClass().getSimpleName());
  }

  @Override
  public String toString() {
    return "DnsJavaLookup" + servers + " deadline " + deadline;
  }

  /**
   * Settings for a {@link DnsJavaLookup}. Setters check their arguments at once and throw {@link
   * IllegalArgumentException} for bad ones. Not thread safe; a builder may build any number of
   * lookups.
   */
  public static final class Builder {
    /** The default timeout of one attempt: 2 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The default number of further attempts after a transport failure: 1. */
    public static final int DEFAULT_RETRIES = 1;

    /** The default EDNS(0) UDP payload size: 1232 bytes (the DNS Flag Day 2020 value). */
    public static final int DEFAULT_EDNS_PAYLOAD_SIZE = 1232;

    private final List<InetSocketAddress> servers = new ArrayList<>();
    private boolean system;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int retries = DEFAULT_RETRIES;
    private int ednsPayloadSize = DEFAULT_EDNS_PAYLOAD_SIZE;
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /**
     * Adds a server by its address literal: {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code
     * 2001:db8::53}, {@code [2001:db8::53]:5353}. The port defaults to 53. Host names are not
     * accepted: finding the server must not itself need DNS.
     *
     * @param hostPort an IP literal with an optional port
     * @return this builder
     * @throws IllegalArgumentException if it is not an IP literal with a port in 1-65535
     */
    public Builder server(String hostPort) {
      servers.add(parseServer(Objects.requireNonNull(hostPort, "hostPort")));
      return this;
    }

    /**
     * Adds a server by socket address.
     *
     * @param address the server's resolved address and port; not null
     * @return this builder
     * @throws IllegalArgumentException if the address is unresolved
     */
    public Builder server(InetSocketAddress address) {
      Objects.requireNonNull(address, "address");
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("server address is unresolved: " + address);
      }
      servers.add(address);
      return this;
    }

    /**
     * Uses the servers of the system configuration ({@code /etc/resolv.conf} or the platform's
     * equivalent), read when {@link #build()} is called, after any explicit servers.
     *
     * @return this builder
     */
    public Builder systemResolvers() {
      this.system = true;
      return this;
    }

    /**
     * The time one attempt (one query to one server) may take; default {@link #DEFAULT_TIMEOUT}.
     *
     * @param timeout the time allowed per attempt, more than zero and at most one hour; not null
     * @return this builder
     * @throws IllegalArgumentException unless positive and at most one hour
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("timeout must be in (0, 1h]: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Further attempts after a transport failure, each to the next server in turn; default {@link
     * #DEFAULT_RETRIES}. A DNS error response (SERVFAIL, REFUSED) is not retried.
     *
     * @param retries attempts after the first, 0 (one attempt only) to 10
     * @return this builder
     * @throws IllegalArgumentException unless in 0-10
     */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("retries must be in 0-10: " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * The EDNS(0) UDP payload size offered to servers, or 0 to send queries without EDNS (then
     * UDP answers over 512 bytes come truncated and are retried over TCP); default {@link
     * #DEFAULT_EDNS_PAYLOAD_SIZE}.
     *
     * @param size the payload size in bytes, 512 to 65535, or 0 for no EDNS
     * @return this builder
     * @throws IllegalArgumentException unless 0 or in 512-65535
     */
    public Builder ednsPayloadSize(int size) {
      if (size != 0 && (size < 512 || size > 65535)) {
        throw new IllegalArgumentException("EDNS payload size must be 0 or in 512-65535: " + size);
      }
      this.ednsPayloadSize = size;
      return this;
    }

    /**
     * Where dnsjava runs its continuations and where {@link #lookup} stages complete; default
     * {@link ForkJoinPool#commonPool()}. (A stage completed by the deadline completes on the
     * common pool.)
     *
     * @param executor the executor for continuations and completions; not null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the lookup.
     *
     * @return a new lookup with this builder's settings; immutable and safe for concurrent use
     * @throws IllegalStateException if no server was given and {@link #systemResolvers()} was not
     *     called, or the system configuration names no server
     */
    public DnsJavaLookup build() {
      List<InetSocketAddress> all = new ArrayList<>(servers);
      if (system) {
        all.addAll(ResolverConfig.getCurrentConfig().servers());
      }
      if (all.isEmpty()) {
        throw new IllegalStateException(
            system
                ? "the system configuration names no DNS server"
                : "no DNS server: call server(...) or systemResolvers()");
      }
      return new DnsJavaLookup(all, this);
    }

    static InetSocketAddress parseServer(String text) {
      String host;
      int port = 53;
      String value = text.trim();
      if (value.startsWith("[")) {
        int close = value.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("missing ']' in server " + text);
        }
        host = value.substring(1, close);
        String rest = value.substring(close + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("expected ':port' after ']' in server " + text);
          }
          port = parsePort(rest.substring(1), text);
        }
      } else {
        int colon = value.indexOf(':');
        if (colon >= 0 && colon == value.lastIndexOf(':')) {
          host = value.substring(0, colon);
          port = parsePort(value.substring(colon + 1), text);
        } else {
          host = value; // no port, or a bare IPv6 literal
        }
      }
      IpAddress ip =
          IpAddress.parse(host)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "server must be an IP literal (host names are not resolved): " + text));
      try {
        return new InetSocketAddress(InetAddress.getByAddress(ip.toBytes()), port);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("bad server address " + text, e);
      }
    }

    private static int parsePort(String digits, String text) {
      try {
        int port = Integer.parseInt(digits);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("port must be in 1-65535 in server " + text);
    }
  }
}
