package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the linter and the flattener promise for any zone: a report and a result in bounded time,
 * never an exception; and a flattening that keeps its word: every record parses and fits in {@link
 * SpfFlattener#DEFAULT_MAX_RECORD_BYTES}, the records need the DNS-querying terms the flattening
 * says and no more than the limit, they give the original tree's result (where it does not run out
 * of lookups: within the limits, or else within far wider ones) for the zone's probe addresses, and
 * checking them against the same zone finds no drift.
 */
final class FlatteningCheck {

  private static final Limits LIMITS = Limits.RFC.withDeadline(Duration.ofSeconds(2));

  /**
   * The original with room to spare: far more lookups than any limit, yet few enough that an
   * include loop runs out before check_host's recursion ends the stack.
   */
  private static final Limits RELAXED = LIMITS.withMaxDnsTerms(200).withMaxVoidLookups(200);

  /** How long the linter and the flattener read a tree: answers that never come cost this. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  /** Each lint, flattening (a lint, the flattened lint and the proof), drift check and check_host. */
  private static final long SECONDS = 15;

  private FlatteningCheck() {}

  static void run(LintZone zone) throws Exception {
    LintReport report =
        SpfLinter.builder().dns(zone.dns()).limits(LIMITS).timeout(TIMEOUT).build()
            .lintAsync(LintZone.DOMAIN)
            .toCompletableFuture()
            .get(SECONDS, TimeUnit.SECONDS);
    assertThat(report.domain()).isEqualTo(LintZone.DOMAIN);
    assertThat(LintText.render(report)).isNotBlank();

    SpfFlattener flattener =
        SpfFlattener.builder()
            .dns(zone.dns())
            .limits(LIMITS)
            .timeout(TIMEOUT)
            .expandHosts(zone.expandHosts())
            .build();
    FlattenResult result =
        flattener.flattenAsync(LintZone.DOMAIN).toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
    assertThat(result.domain()).isEqualTo(LintZone.DOMAIN);
    if (result instanceof FlattenResult.Refused refused) {
      assertThat(refused.reason()).isNotBlank();
      return;
    }
    Flattening flat = (Flattening) result;

    assertThat(flat.proof().holds()).isTrue();
    assertThat(flat.records().get(0).name()).isEqualTo(LintZone.DOMAIN);
    for (FlatRecord record : flat.records()) {
      assertThat(RecordParser.parse(record.text()))
          .as("flattened record %s", record)
          .isInstanceOf(ParseResult.Valid.class);
      assertThat(record.bytes()).as("bytes of %s", record).isLessThanOrEqualTo(SpfFlattener.DEFAULT_MAX_RECORD_BYTES);
    }
    assertThat(flat.zoneLines()).isNotEmpty();

    DnsLookup published = publish(flat.records(), zone.dns());
    DnsLookup settled = publish(flat.records(), zone.settled());
    LintReport flatLint =
        SpfLinter.builder().dns(published).limits(LIMITS).timeout(TIMEOUT).build()
            .lintAsync(LintZone.DOMAIN)
            .toCompletableFuture()
            .get(SECONDS, TimeUnit.SECONDS);
    // a lint that could not read a record (the zone's HANG names, or its timeout passing on a
    // starved machine) does not count the terms beneath it
    if (SpfFlattener.unreadRecord(flatLint).isEmpty()) {
      assertThat(flatLint.lookups()).isEqualTo(flat.lookups());
    }
    assertThat(flat.lookups()).isLessThanOrEqualTo(LIMITS.maxDnsTerms());

    assertThat(mismatches(zone, settled)).as("probes with another result under %s, of %s", flat.records(), zone.probes()).isEmpty();

    Drift drift =
        flattener.checkAsync(LintZone.DOMAIN, flat.records()).toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
    assertThat(drift.drifted()).as("drift of a flattening just made: %s", drift).isFalse();
  }

  /** The zone with the flattened records published in it. */
  private static DnsLookup publish(List<FlatRecord> records, DnsLookup zone) {
    Map<String, String> texts = new HashMap<>();
    for (FlatRecord record : records) {
      texts.put(record.name().toLowerCase(Locale.ROOT), record.text());
    }
    return (name, type) -> {
      String text = type == RecordType.TXT ? texts.get(name.toLowerCase(Locale.ROOT)) : null;
      return text == null
          ? zone.lookup(name, type)
          : CompletableFuture.completedFuture(new DnsAnswer.Records(List.of(text), 300));
    };
  }

  /**
   * The probes for which the flattened records give another result than the original tree within
   * the limits and, where the original runs out there, another than it gives with {@link #RELAXED}
   * limits (unless it runs out of those too: then its result without limits is not known). Both over the settled
   * zone, where the answers that never came are failures, as they were for the flattener.
   */
  private static List<String> mismatches(LintZone zone, DnsLookup published) throws Exception {
    SpfChecker within = SpfChecker.builder().dns(zone.settled()).limits(LIMITS).build();
    SpfChecker relaxed = SpfChecker.builder().dns(zone.settled()).limits(RELAXED).build();
    SpfChecker flattened = SpfChecker.builder().dns(published).limits(LIMITS).build();
    List<String> out = new ArrayList<>();
    for (IpAddress ip : zone.probes()) {
      Result after = check(flattened, ip, zone.sender()).result();
      SpfResult now = check(within, ip, zone.sender());
      if (after == now.result()) {
        continue;
      }
      if (ranOut(now)) {
        SpfResult unlimited = check(relaxed, ip, zone.sender());
        if (ranOut(unlimited) || unlimited.result() == after) {
          continue;
        }
      }
      out.add(ip + ": " + now.result() + " -> " + after);
    }
    return out;
  }

  private static SpfResult check(SpfChecker checker, IpAddress ip, String sender) throws Exception {
    return checker.checkHostAsync(ip, LintZone.DOMAIN, sender).toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
  }

  private static boolean ranOut(SpfResult result) {
    Problem problem = result.problem();
    return problem != null
        && (problem.kind() == Problem.Kind.TOO_MANY_LOOKUPS || problem.kind() == Problem.Kind.TOO_MANY_VOID_LOOKUPS);
  }
}
