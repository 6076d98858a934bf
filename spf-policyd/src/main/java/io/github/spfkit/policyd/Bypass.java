package io.github.spfkit.policyd;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The checks that skip SPF for a client, in policyd-spf's order: {@code skip_addresses}, {@code
 * Whitelist}, {@code Domain_Whitelist}, {@code HELO_Whitelist}, {@code Domain_Whitelist_PTR}. Each
 * answers the trace comment of the header to prepend, or empty.
 */
final class Bypass {
  /** RFC 7208 §5.5: at most 10 PTR names are looked at. */
  private static final int MAX_PTR_NAMES = 10;

  private final PolicyConfig config;
  private final DnsLookup dns;
  private final SpfChecker whitelistChecker;

  Bypass(PolicyConfig config, DnsLookup dns, SpfChecker whitelistChecker) {
    this.config = config;
    this.dns = dns;
    this.whitelistChecker = whitelistChecker;
  }

  /** The comment of the first bypass that applies, or empty. */
  CompletableFuture<Optional<String>> find(IpAddress ip, String helo) {
    if (config.skipAddresses().stream().anyMatch(n -> n.contains(ip))) {
      return done("SPF check N/A for local connections - ");
    }
    if (config.whitelist().stream().anyMatch(n -> n.contains(ip))) {
      return done("SPF skipped for whitelisted relay - ");
    }
    CompletableFuture<Optional<String>> chain = domainWhitelist(ip, 0);
    chain =
        chain.thenCompose(
            found -> found.isPresent() ? CompletableFuture.completedFuture(found)
                : heloWhitelist(ip, helo));
    return chain.thenCompose(
        found -> found.isPresent() ? CompletableFuture.completedFuture(found) : ptrWhitelist(ip));
  }

  private static CompletableFuture<Optional<String>> done(String comment) {
    return CompletableFuture.completedFuture(Optional.of(comment));
  }

  private static CompletableFuture<Optional<String>> none() {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /** {@code Domain_Whitelist}: the client passes the listed domain's own SPF record. */
  private CompletableFuture<Optional<String>> domainWhitelist(IpAddress ip, int index) {
    if (index >= config.domainWhitelist().size()) {
      return none();
    }
    String domain = config.domainWhitelist().get(index);
    return whitelistChecker
        .checkHostAsync(ip, domain, "postmaster@" + domain)
        .toCompletableFuture()
        .thenCompose(
            result ->
                result.result() == Result.PASS
                    ? done("SPF skipped for whitelisted relay domain - ")
                    : domainWhitelist(ip, index + 1));
  }

  /** {@code HELO_Whitelist}: the HELO name is listed and its A/AAAA records name the client. */
  private CompletableFuture<Optional<String>> heloWhitelist(IpAddress ip, String helo) {
    String name = trimDot(helo.toLowerCase(Locale.ROOT));
    if (!config.heloWhitelist().contains(name)) {
      return none();
    }
    RecordType type = ip.ipv4() ? RecordType.A : RecordType.AAAA;
    return lookup(name, type)
        .thenApply(
            answer ->
                addresses(answer).contains(ip)
                    ? Optional.of("SPF skipped for whitelisted HELO domain - ")
                    : Optional.<String>empty());
  }

  /**
   * {@code Domain_Whitelist_PTR}: a PTR name of the client, validated as RFC 7208 §5.5 validates
   * (its A/AAAA records name the client), is a listed domain or under one.
   */
  private CompletableFuture<Optional<String>> ptrWhitelist(IpAddress ip) {
    if (config.domainWhitelistPtr().isEmpty()) {
      return none();
    }
    return lookup(ip.reverseName(), RecordType.PTR)
        .thenCompose(
            answer -> {
              if (!(answer instanceof DnsAnswer.Records records)) {
                return none();
              }
              List<String> candidates = new ArrayList<>();
              for (String ptr : records.data()) {
                String name = trimDot(ptr.toLowerCase(Locale.ROOT));
                if (candidates.size() < MAX_PTR_NAMES && listedByPtr(name)) {
                  candidates.add(name);
                }
              }
              return validated(ip, candidates, 0);
            });
  }

  private CompletableFuture<Optional<String>> validated(
      IpAddress ip, List<String> names, int index) {
    if (index >= names.size()) {
      return none();
    }
    return lookup(names.get(index), ip.ipv4() ? RecordType.A : RecordType.AAAA)
        .thenCompose(
            answer ->
                addresses(answer).contains(ip)
                    ? done("SPF skipped for PTR whitelisted relay domain - ")
                    : validated(ip, names, index + 1));
  }

  private boolean listedByPtr(String name) {
    for (String domain : config.domainWhitelistPtr()) {
      if (name.equals(domain) || name.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  private CompletableFuture<DnsAnswer> lookup(String name, RecordType type) {
    return dns.lookup(name, type)
        .toCompletableFuture()
        .completeOnTimeout(
            new DnsAnswer.TemporaryFailure("Whitelist_Lookup_Time passed"),
            config.whitelistLookupTime().toMillis(),
            TimeUnit.MILLISECONDS)
        .exceptionally(e -> new DnsAnswer.TemporaryFailure(String.valueOf(e.getMessage())));
  }

  private static List<IpAddress> addresses(DnsAnswer answer) {
    List<IpAddress> out = new ArrayList<>();
    if (answer instanceof DnsAnswer.Records records) {
      for (String data : records.data()) {
        IpAddress.parse(data).ifPresent(a -> out.add(a));
      }
    }
    return out;
  }

  private static String trimDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
