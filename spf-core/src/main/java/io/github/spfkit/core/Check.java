package io.github.spfkit.core;

import io.github.spfkit.core.internal.Evaluator;
import io.github.spfkit.core.net.IpAddress;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One check to run, described fluently and then evaluated; from {@link SpfChecker#check()}. Sugar
 * over {@link SpfRequest} and {@link SpfChecker#evaluate(SpfRequest)}, with a what-if {@link
 * #policy(String)} besides. Not thread safe: describe a check on one thread, then evaluate it once
 * or many times.
 *
 * <p>With {@link #mailFrom(String)} the MAIL FROM identity is checked; an empty sender (the null
 * reverse-path {@code <>}) is checked as {@code postmaster@} the HELO name (RFC 7208 §2.4). With
 * {@link #helo(String)} alone the HELO identity is checked (§2.3).
 */
public final class Check {
  private final Evaluator evaluator;
  private @Nullable IpAddress ip;
  private @Nullable String mailFrom;
  private @Nullable String helo;
  private @Nullable String receiver;
  private @Nullable String policy;

  Check(Evaluator evaluator, @Nullable String receiver) {
    this.evaluator = evaluator;
    this.receiver = receiver;
  }

  /**
   * The client's address as a literal; IPv4-mapped IPv6 addresses are checked as IPv4.
   *
   * @param ip an IPv4 or IPv6 literal such as {@code 192.0.2.1} or {@code 2001:db8::1};
   *     surrounding white space is ignored; not null
   * @return this check, for chaining
   * @throws IllegalArgumentException if {@code ip} is not an IP literal (no DNS is asked)
   */
  public Check ip(String ip) {
    this.ip = IpAddress.of(Objects.requireNonNull(ip, "ip").trim());
    return this;
  }

  /**
   * The client's address.
   *
   * @param ip the connecting client's address; not null
   * @return this check, for chaining
   */
  public Check ip(IpAddress ip) {
    this.ip = Objects.requireNonNull(ip, "ip");
    return this;
  }

  /**
   * The client's address; its bytes are used, no lookup is made.
   *
   * @param ip the connecting client's address; only its raw bytes count, its host name (if any) is
   *     ignored; not null
   * @return this check, for chaining
   */
  public Check ip(InetAddress ip) {
    this.ip = IpAddress.of(Objects.requireNonNull(ip, "ip"));
    return this;
  }

  /**
   * The MAIL FROM reverse-path, with or without angle brackets; empty or {@code <>} for the null
   * sender. Setting it checks the MAIL FROM identity.
   *
   * @param sender the reverse-path as given in MAIL FROM, e.g. {@code alice@example.com} or {@code
   *     <alice@example.com>}; white space around it is ignored; without a local part it is checked
   *     as {@code postmaster@} its domain (RFC 7208 §4.3); not null
   * @return this check, for chaining
   */
  public Check mailFrom(String sender) {
    String value = Objects.requireNonNull(sender, "sender").trim();
    if (value.startsWith("<") && value.endsWith(">")) {
      value = value.substring(1, value.length() - 1);
    }
    this.mailFrom = value;
    return this;
  }

  /**
   * The HELO/EHLO name. Without {@link #mailFrom(String)}, the HELO identity is checked.
   *
   * @param helo the name the client gave in HELO or EHLO; white space around it is ignored; not
   *     null
   * @return this check, for chaining
   */
  public Check helo(String helo) {
    this.helo = Objects.requireNonNull(helo, "helo").trim();
    return this;
  }

  /**
   * The receiving host's name, for {@code %{r}} and headers; overrides the checker's.
   *
   * @param receiver the receiving host's domain name, e.g. {@code mx.example.org}; not null
   * @return this check, for chaining
   */
  public Check receiver(String receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    return this;
  }

  /**
   * A what-if policy: {@code record} is evaluated as the checked domain's SPF record in place of
   * the one published; everything else (includes, addresses) still comes from DNS.
   *
   * @param record the SPF record text, e.g. {@code v=spf1 ip4:192.0.2.0/24 -all}; a malformed
   *     record gives a {@code permerror} result when evaluated, not an exception here; not null
   * @return this check, for chaining
   */
  public Check policy(String record) {
    this.policy = Objects.requireNonNull(record, "record");
    return this;
  }

  /**
   * Evaluates asynchronously. The stage never completes exceptionally for anything DNS or a
   * policy does.
   *
   * @return a stage completed with the result once evaluation ends (at the latest at the {@link
   *     Limits#deadline() deadline}, as a {@code temperror})
   * @throws IllegalStateException if no IP, or neither a sender nor a HELO name, was given
   */
  public CompletionStage<SpfResult> evaluateAsync() {
    return evaluator.evaluate(request(), policy);
  }

  /**
   * Evaluates and waits for the result. An interrupt does not cut the wait short; the thread's
   * interrupt flag is set again when the result is returned.
   *
   * @return the result, never null; DNS failures and the deadline are {@code temperror}, a broken
   *     policy is {@code permerror}
   * @throws IllegalStateException if no IP, or neither a sender nor a HELO name, was given
   */
  public SpfResult evaluate() {
    return join(evaluateAsync());
  }

  /**
   * The request this check describes, as {@link SpfChecker#evaluate(SpfRequest)} takes it.
   *
   * @return the request, with this check's receiver (or the checker's)
   * @throws IllegalStateException if no IP, or neither a sender nor a HELO name, was given, or the
   *     null sender without a HELO name
   */
  public SpfRequest request() {
    IpAddress address = ip;
    if (address == null) {
      throw new IllegalStateException("no IP address: call ip(...) first");
    }
    String heloName = helo;
    String sender = mailFrom;
    SpfRequest request;
    if (sender == null) {
      if (heloName == null) {
        throw new IllegalStateException("nothing to check: call mailFrom(...) or helo(...)");
      }
      request = SpfRequest.helo(address, heloName);
    } else {
      if (sender.isEmpty() && heloName == null) {
        // the null reverse-path: RFC 7208 §2.4
        throw new IllegalStateException(
            "the null sender is checked as postmaster@HELO: call helo(...)");
      }
      request = SpfRequest.mailFrom(address, sender, heloName);
    }
    return receiver == null ? request : request.withReceiver(receiver);
  }

  static SpfResult join(CompletionStage<SpfResult> stage) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new CompletionException(e.getCause());
        } catch (CancellationException e) {
          throw e;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
