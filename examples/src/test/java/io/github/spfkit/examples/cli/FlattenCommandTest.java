package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.golden;
import static io.github.spfkit.examples.cli.Cli.resource;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FlattenCommandTest {

  static final String AT = "2026-12-02T01:00:00Z";

  static String tree() {
    return resource("zones/flatten.zone");
  }

  @Test
  void printsZoneLinesDatedWithTheUpstreamRecordsTheyCopy() {
    Cli.Run run = run("flatten", "example.org", "--zone", tree(), "--at", AT);

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden("flatten-example.txt"));
  }

  @Test
  void writesTheFlatteningAsJson() {
    Cli.Run run = run("flatten", "example.org", "--zone", tree(), "--at", AT, "--json");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(golden("flatten-example.json"));
  }

  @Test
  void findsNoDriftWhenThePublishedRecordsAreWhatItWouldPrintNow() {
    Cli.Run run =
        run("flatten", "example.org", "--zone", tree(), "--check", resource("zones/flattened-now.zone"));

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("example.org: no drift:");
  }

  @Test
  void exitsOneOnDriftAndSaysWhatChanged() {
    Cli.Run text =
        run("flatten", "example.org", "--zone", tree(), "--at", AT, "--check", resource("zones/flattened-2026-11.zone"));
    Cli.Run json =
        run("flatten", "example.org", "--zone", tree(), "--at", AT, "--json", "--check",
            resource("zones/flattened-2026-11.zone"));

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out()).isEqualTo(golden("flatten-check-drift.txt"));
    assertThat(json.status()).isEqualTo(1);
    assertThat(json.out()).isEqualTo(golden("flatten-check-drift.json"));
  }

  @Test
  void exitsOneWithTheReasonWhenTheDomainCannotBeFlattened() {
    Cli.Run run = run("flatten", "broken.example.com", "--zone", zone(), "--json");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(golden("flatten-refused.json"));
  }

  @Test
  void anUnreadableCheckFileIsAUsageError() {
    Cli.Run text = run("flatten", "example.org", "--zone", tree(), "--check", "/no/such/file.zone");
    Cli.Run json = run("flatten", "example.org", "--zone", tree(), "--check", "/no/such/file.zone", "--json");

    assertThat(text.status()).isEqualTo(2);
    assertThat(text.err()).isEqualTo("spf flatten: cannot read /no/such/file.zone: no such file\n");
    assertThat(json.status()).isEqualTo(2);
    assertThat(json.out()).isEqualTo(golden("flatten-usage-error.json"));
  }

  @Test
  void aBadInstantIsAUsageError() {
    Cli.Run run = run("flatten", "example.org", "--zone", tree(), "--at", "yesterday");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--at: not an instant");
  }
}
