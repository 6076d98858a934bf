package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.record.Mechanism;
import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import io.github.spfkit.core.record.RecordSelection;
import io.github.spfkit.dns.ZoneFileLookup;
import io.github.spfkit.lint.Drift;
import io.github.spfkit.lint.FlatRecord;
import io.github.spfkit.lint.FlattenResult;
import io.github.spfkit.lint.Flattening;
import io.github.spfkit.lint.SpfFlattener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spf flatten DOMAIN}: records to publish in place of DOMAIN's SPF tree, proved to give the
 * tree's results, as zone file lines after comments dating the upstream records they copy. With
 * {@code --check FILE}: compares the flattened records published in FILE with the tree now.
 *
 * <p>Exit codes: 0 flattened (or, with {@code --check}, no drift); {@value #EXIT_NOT_DONE} when
 * the domain cannot be flattened (no usable record, still over the lookup limit, the proof fails)
 * or, with {@code --check}, on drift; 2 for bad usage or an unreadable FILE.
 */
@Command(
    name = "flatten",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Flattens a domain's SPF tree into records proved to give the same results.",
    description = {
      "Replaces DOMAIN's includes by the addresses they stand for now, keeps macro terms and",
      "every term it cannot expand safely, merges ranges, splits into _spf1.DOMAIN ... over 450",
      "bytes, and checks the result against the tree for probe addresses before printing it.",
      "--check FILE compares flattened records published in a zone file with the tree now."
    })
public final class FlattenCommand implements Callable<Integer> {

  /** The domain was not flattened, or the published flattened records have drifted. */
  static final int EXIT_NOT_DONE = 1;

  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(paramLabel = "DOMAIN", description = "The domain whose SPF tree to flatten.")
  String domain = "";

  @Option(
      names = "--check",
      paramLabel = "FLATTENED_ZONE",
      description = "Compare the flattened records published in this zone file with the tree now; exit 1 on drift.")
  @Nullable Path check;

  @Option(
      names = "--expand-hosts",
      description = "Also replace DOMAIN's own a and mx terms by their addresses (off: they change without notice).")
  boolean expandHosts;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "Date the flattening INSTANT (e.g. 2026-12-02T01:00:00Z) instead of now, for reproducible output.")
  @Nullable String at;

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  /** Creates the command (picocli instantiates it). */
  public FlattenCommand() {}

  @Override
  public Integer call() {
    Console console = Objects.requireNonNull(parent, "parent").console();
    PrintWriter out = console.out();
    try {
      String name = domain.strip();
      if (name.isEmpty()) {
        throw new UsageException("DOMAIN must not be empty");
      }
      SpfFlattener flattener =
          SpfFlattener.builder()
              .dns(dns.open())
              .limits(Limits.RFC)
              .expandHosts(expandHosts)
              .clock(clock())
              .build();
      Path file = check;
      if (file != null) {
        List<FlatRecord> published = published(name, file);
        Drift drift = flattener.check(name, published);
        if (json) {
          out.println(Json.pretty(FlattenOutput.json(drift)));
        } else {
          print(out, FlattenOutput.text(drift));
        }
        return drift.drifted() ? EXIT_NOT_DONE : SpfCommand.EXIT_OK;
      }
      FlattenResult result = flattener.flatten(name);
      if (json) {
        out.println(Json.pretty(FlattenOutput.json(result)));
      } else {
        print(out, FlattenOutput.text(result));
      }
      return result instanceof Flattening ? SpfCommand.EXIT_OK : EXIT_NOT_DONE;
    } catch (UsageException e) {
      if (!json) {
        throw e;
      }
      out.println(Json.pretty(LintOutput.error("usage", SpfCommand.oneLine(e.getMessage()))));
      return SpfCommand.EXIT_USAGE;
    }
  }

  private Clock clock() {
    if (at == null) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new UsageException("--at: not an instant like 2026-12-02T01:00:00Z: " + at);
    }
  }

  private static void print(PrintWriter out, List<String> lines) {
    lines.forEach(line -> out.println(Texts.printable(line)));
  }

  /**
   * The flattened records in {@code file}: DOMAIN's SPF record and every {@code _spfN.DOMAIN} it
   * includes, and those they include.
   */
  static List<FlatRecord> published(String domain, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("cannot read " + file + ": no such file");
    }
    ZoneFileLookup zone;
    try {
      zone = ZoneFileLookup.load(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    List<FlatRecord> records = new ArrayList<>();
    Deque<String> names = new ArrayDeque<>(List.of(domain));
    Set<String> seen = new HashSet<>();
    String suffix = "." + domain.toLowerCase(Locale.ROOT);
    while (!names.isEmpty() && records.size() < 64) {
      String name = names.pop();
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      DnsAnswer answer = zone.lookup(name, RecordType.TXT).toCompletableFuture().join();
      List<String> txt = answer instanceof DnsAnswer.Records r ? r.data() : List.of();
      if (!(RecordSelection.of(txt) instanceof RecordSelection.One one)) {
        if (records.isEmpty()) {
          throw new UsageException(file + " has no single SPF record for " + domain);
        }
        continue;
      }
      records.add(new FlatRecord(name, one.text()));
      if (RecordParser.parse(one.text()) instanceof ParseResult.Valid valid) {
        for (Mechanism mechanism : valid.record().mechanisms()) {
          if (mechanism instanceof Mechanism.Include include && !include.domain().hasMacros()) {
            String target = include.domain().literalText();
            String lower = target.toLowerCase(Locale.ROOT);
            if (lower.startsWith("_spf") && lower.endsWith(suffix)) {
              names.add(target);
            }
          }
        }
      }
    }
    return records;
  }
}
