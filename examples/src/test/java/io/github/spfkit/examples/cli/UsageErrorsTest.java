package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.resource;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class UsageErrorsTest {

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(List.of("check", "--bogus"),
            "spf check: Unknown option: '--bogus' (see 'spf check --help')"),
        Arguments.of(List.of("frobnicate"),
            "spf: Unmatched argument at index 0: 'frobnicate' (see 'spf --help')"),
        Arguments.of(List.of(), "spf: missing command: check, lint, flatten or diagnose (see 'spf --help')"),
        Arguments.of(List.of("check", "--zone", zone(), "--ip", "192.0.2.1"),
            "spf check: give --sender ADDRESS, --helo NAME, or both"),
        Arguments.of(List.of("check", "--zone", zone(), "--sender", "a@example.com"),
            "spf check: missing --ip (or use --batch)"),
        Arguments.of(List.of("check", "--zone", zone(), "--ip", "192.0.2.300", "--sender", "a@example.com"),
            "spf check: not an IP address: '192.0.2.300'"),
        Arguments.of(List.of("check", "--zone", zone(), "--ip", "192.0.2.1", "--sender", ""),
            "spf check: the null sender is checked as postmaster@HELO: add --helo NAME"),
        Arguments.of(List.of("check", "--zone", zone(), "--ip", "192.0.2.1", "--sender", "<>"),
            "spf check: the null sender is checked as postmaster@HELO: add --helo NAME"),
        Arguments.of(List.of("check", "--zone", "no/such.zone", "--ip", "192.0.2.1", "--sender", "a@example.com"),
            "spf check: cannot read zone file no/such.zone: no such file"),
        Arguments.of(List.of("check", "--zone", zone(), "--dns", "127.0.0.1", "--ip", "192.0.2.1", "--helo", "a.example"),
            "spf check: give --zone or --dns, not both"),
        Arguments.of(List.of("check", "--timeout", "soon", "--ip", "192.0.2.1", "--helo", "a.example"),
            "spf check: Invalid value for option '--timeout': not a duration: 'soon' (try 500ms, 2s, 1m or PT2S) (see 'spf check --help')"),
        Arguments.of(List.of("check", "--timeout", "0s", "--ip", "192.0.2.1", "--helo", "a.example"),
            "spf check: Invalid value for option '--timeout': a duration must be positive: '0s' (see 'spf check --help')"),
        Arguments.of(List.of("check", "--dns", "127.0.0.1:99999", "--ip", "192.0.2.1", "--helo", "a.example"),
            "spf check: Invalid value for option '--dns' (HOST[:PORT]): port out of range in '127.0.0.1:99999' (1-65535) (see 'spf check --help')"),
        Arguments.of(List.of("check", "--zone", zone(), "--batch", "no/such.jsonl"),
            "spf check: cannot read no/such.jsonl: no such file"),
        Arguments.of(List.of("check", "--zone", zone(), "--batch", "-", "--ip", "192.0.2.1"),
            "spf check: --batch takes the IP, sender and HELO name from each line"),
        Arguments.of(List.of("lint", "--zone", zone()),
            "spf lint: Missing required parameter: 'DOMAIN' (see 'spf lint --help')"),
        Arguments.of(List.of("diagnose", "--zone", zone(), "no/such.eml"),
            "spf diagnose: cannot read no/such.eml: no such file"),
        Arguments.of(List.of("diagnose", "--lang", "fr", "--zone", zone(), resource("bounces/not-a-bounce.eml")),
            "spf diagnose: Invalid value for option '--lang': unknown language 'fr' (en or id) (see 'spf diagnose --help')"),
        Arguments.of(List.of("diagnose", "--zone", zone(), resource("bounces/not-a-bounce.eml")),
            "spf diagnose: " + resource("bounces/not-a-bounce.eml")
                + " is not a bounce: it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("mistakes")
  void exitsTwoWithOneLineOnStandardError(List<String> args, String message) {
    Cli.Run run = run(args.toArray(String[]::new));

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(message + "\n");
  }

  static Stream<Arguments> jsonMistakes() {
    return Stream.of(
        Arguments.of(List.of("check", "--bogus"), "usage"),
        Arguments.of(List.of("check", "--zone", zone(), "--ip", "192.0.2.1"), "usage"),
        Arguments.of(List.of("check", "--zone", "no/such.zone", "--ip", "192.0.2.1", "--sender", "a@example.com"),
            "unreadable-input"),
        Arguments.of(List.of("check", "--zone", zone(), "--batch", "no/such.jsonl"), "unreadable-input"),
        Arguments.of(List.of("lint", "--zone", zone()), "usage"),
        Arguments.of(List.of("diagnose", "--zone", zone(), "no/such.eml"), "unreadable-input"),
        Arguments.of(List.of("diagnose", "--zone", zone(), resource("bounces/not-a-bounce.eml")), "not-a-bounce"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonMistakes")
  void withJsonAlsoWritesTheErrorDocumentOnStandardOutput(List<String> args, String code) throws Exception {
    List<String> withJson = new java.util.ArrayList<>(args);
    withJson.add(1, "--json");
    Cli.Run run = run(withJson.toArray(String[]::new));

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_USAGE);
    assertThat(run.err()).endsWith("\n").doesNotContain("{");
    assertThat(run.err().strip()).doesNotContain("\n");
    Schemas.assertValid("error.schema.json", run.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) JSON.std.mapFrom(run.out()).get("error");
    assertThat(error).containsEntry("code", code);
    assertThat(run.err()).contains((String) error.get("message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableZones")
  void reportsAnUnreadableZoneFileOnOneLine(String zoneFile) {
    Cli.Run run = run("check", "--zone", zoneFile, "--ip", "192.0.2.1", "--helo", "a.example");

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_USAGE);
    assertThat(run.err()).startsWith("spf check: cannot read zone file").endsWith("\n");
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
  }

  static Stream<String> unreadableZones() {
    return Stream.of(resource("zones/broken.zone"), resource("zones"));
  }
}
