package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.dns.KnotServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: this library against pyspf and Mail::SPF on generated worlds served by Knot.
 *
 * <p>{@link CaseGenerator} builds {@value #DEFAULT_CASES} cases from a fixed seed (the system
 * properties {@code spfkit.differential.cases} and {@code spfkit.differential.seed} change both);
 * one Knot serves all their worlds; pyspf and Mail::SPF each run as one long-lived process (the
 * drivers under {@code src/test/resources/differential/}) asking only that Knot; this library asks
 * it through {@code DnsJavaLookup}. Where the three do not give the same result code (or, for
 * {@code fail}, the same explanation), the observation must be of a kind in {@link Rules}; one
 * that is not fails the test with the case, its records and every outcome.
 *
 * <p>The table of kinds (what the README's Conformance section shows) is written to {@code
 * target/differential/table.md}; every disagreement with its case to {@code
 * target/differential/disagreements.txt}. 20,000 cases (about 15 minutes on two busy cores):
 *
 * <pre>
 * mvn -o -pl spf-dns -am test -Dtest=DifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspfkit.differential.cases=20000
 * </pre>
 *
 * <p>{@code %{t}} is not used in explanations: the three implementations read the clock at
 * different moments. Names are generated so that the zone is valid; a name that cannot exist in
 * DNS (over 253 characters, a label over 63) is only ever asked for, never published.
 */
final class DifferentialTest {

  static final int DEFAULT_CASES = 1000;
  static final long SEED = Long.getLong("spfkit.differential.seed", 7208L);
  static final int CASES = Integer.getInteger("spfkit.differential.cases", DEFAULT_CASES);
  static final String RECEIVER = "receiver.test";
  static final String DEFAULT_EXPLANATION = "DEFAULT";

  @Test
  void everyDisagreementWithPyspfAndMailSpfIsAKnownKind(@TempDir Path dir) throws Exception {
    KnotServer.assumeInstalled();
    ReferenceDriver.assumeInstalled();
    long start = System.nanoTime();
    List<DiffCase> cases = new CaseGenerator(SEED).cases(CASES);
    List<Observation> observations = observe(cases, dir);
    long millis = (System.nanoTime() - start) / 1_000_000;

    Map<String, List<Observation>> byKind = new LinkedHashMap<>();
    List<Observation> unclassified = new ArrayList<>();
    StringBuilder disagreements = new StringBuilder();
    int agreeing = 0;
    for (Observation o : observations) {
      if (o.agrees()) {
        agreeing++;
        continue;
      }
      Optional<List<Rule>> kinds = Rules.classify(o);
      String kind;
      if (kinds.isPresent()) {
        kinds.get().forEach(r -> byKind.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(o));
        kind = kinds.get().stream().map(Rule::name).collect(Collectors.joining(" + "));
      } else {
        unclassified.add(o);
        kind = "UNCLASSIFIED (" + Rules.unexplained(o).stream().map(Implementation::label).collect(Collectors.joining(", ")) + ")";
      }
      disagreements.append(kind).append(": ").append(o.pattern()).append('\n').append(o.describe()).append('\n');
    }
    Path out = Files.createDirectories(Path.of("target", "differential"));
    String table = AgreementTable.render(cases.size(), agreeing, byKind, unclassified.size());
    Files.writeString(out.resolve("table.md"), "seed " + SEED + ", " + cases.size() + " cases, " + millis + " ms\n\n" + table, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("disagreements.txt"), disagreements, StandardCharsets.UTF_8);
    System.out.println("differential test: seed " + SEED + ", " + cases.size() + " cases in " + millis + " ms\n" + table);

    assertThat(unclassified)
        .as("disagreements of no known kind (see target/differential/disagreements.txt)")
        .extracting(o -> o.pattern() + "\n" + o.describe())
        .isEmpty();
  }

  private static List<Observation> observe(List<DiffCase> cases, Path dir) throws Exception {
    ReferenceDriver.extract(dir, "pyspf_driver.py");
    ReferenceDriver.extract(dir, "mailspf_driver.pl");
    try (KnotServer knot = KnotServer.start(dir.resolve("knot"), DiffZones.zones(cases))) {
      int port = knot.address().getPort();
      CompletableFuture<Map<String, Outcome>> py = reference(ReferenceDriver.pyspf(dir), cases, port, dir);
      CompletableFuture<Map<String, Outcome>> pl = reference(ReferenceDriver.mailSpf(dir), cases, port, dir);
      Map<String, SpfResult> ours = new SpfkitRunner(knot.lookup(), RECEIVER, DEFAULT_EXPLANATION).run(cases);
      List<Observation> observations = new ArrayList<>();
      for (DiffCase c : cases) {
        Map<Implementation, Outcome> outcomes = new EnumMap<>(Implementation.class);
        outcomes.put(Implementation.SPFKIT, SpfkitRunner.outcome(ours.get(c.id())));
        outcomes.put(Implementation.PYSPF, join(py).get(c.id()));
        outcomes.put(Implementation.MAIL_SPF, join(pl).get(c.id()));
        observations.add(new Observation(c, ours.get(c.id()), outcomes));
      }
      return observations;
    }
  }

  private static CompletableFuture<Map<String, Outcome>> reference(
      ReferenceDriver driver, List<DiffCase> cases, int port, Path dir) {
    Path log = dir.resolve(driver.implementation().name().toLowerCase(java.util.Locale.ROOT) + ".log");
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return driver.run(cases, port, RECEIVER, DEFAULT_EXPLANATION, log);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        },
        runnable -> new Thread(runnable, driver.implementation().label()).start());
  }

  private static <T> T join(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
