package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.dns.KnotServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differential test: this library against pyspf and Mail::SPF on generated worlds served by Knot. */
final class DifferentialTest {

  static final long SEED = Long.getLong("spfkit.differential.seed", 7208L);
  static final int CASES = Integer.getInteger("spfkit.differential.cases", 1000);
  static final String RECEIVER = "receiver.test";
  static final String DEFAULT_EXPLANATION = "DEFAULT";

  @Test
  void everyDisagreementIsAKnownKind(@TempDir Path dir) throws Exception {
    KnotServer.assumeInstalled();
    ReferenceDriver.assumeInstalled();
    List<DiffCase> cases = new CaseGenerator(SEED).cases(CASES);
    long start = System.nanoTime();
    ReferenceDriver.extract(dir, "pyspf_driver.py");
    ReferenceDriver.extract(dir, "mailspf_driver.pl");
    List<Observation> observations = new ArrayList<>();
    try (KnotServer knot = KnotServer.start(dir.resolve("knot"), DiffZones.zones(cases))) {
      int port = knot.address().getPort();
      Map<String, Outcome> py = ReferenceDriver.pyspf(dir).run(cases, port, RECEIVER, DEFAULT_EXPLANATION, dir.resolve("pyspf.log"));
      Map<String, Outcome> pl = ReferenceDriver.mailSpf(dir).run(cases, port, RECEIVER, DEFAULT_EXPLANATION, dir.resolve("mailspf.log"));
      Map<String, SpfResult> ours = new SpfkitRunner(knot.lookup(), RECEIVER, DEFAULT_EXPLANATION).run(cases);
      for (DiffCase c : cases) {
        Map<Implementation, Outcome> outcomes = new EnumMap<>(Implementation.class);
        outcomes.put(Implementation.SPFKIT, SpfkitRunner.outcome(ours.get(c.id())));
        outcomes.put(Implementation.PYSPF, py.get(c.id()));
        outcomes.put(Implementation.MAIL_SPF, pl.get(c.id()));
        observations.add(new Observation(c, ours.get(c.id()), outcomes));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    StringBuilder report = new StringBuilder();
    int agree = 0;
    for (Observation o : observations) {
      if (o.agrees()) {
        agree++;
      } else {
        report.append(o.pattern()).append('\n').append(o.describe()).append('\n');
      }
    }
    Files.writeString(Path.of("target/differential-raw.txt"), "agree " + agree + " of " + cases.size() + " in " + millis + " ms\n" + report, StandardCharsets.UTF_8);
    assertThat(agree).isEqualTo(cases.size());
  }
}
