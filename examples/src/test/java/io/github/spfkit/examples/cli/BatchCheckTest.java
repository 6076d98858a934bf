package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.resource;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.runWithInput;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

final class BatchCheckTest {

  private static List<Map<String, Object>> lines(String out) throws Exception {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String line : out.split("\n")) {
      objects.add(JSON.std.mapFrom(line));
    }
    return objects;
  }

  @Test
  void answersEveryLineInOrderWithItsIdEchoedAndSaysHowManyLinesItChecked() throws Exception {
    Cli.Run run = run("check", "--zone", zone(), "--batch", resource("batch/checks.jsonl"));

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_OK);
    assertThat(run.err()).isEqualTo("spf check --batch: 6 lines, 0 errors\n");
    List<Map<String, Object>> out = lines(run.out());
    assertThat(out).extracting(o -> o.get("id"))
        .containsExactly(1, "two", 3, Map.of("ticket", 4), 5, 6);
    assertThat(out).extracting(o -> o.get("line")).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(out).extracting(o -> o.get("result"))
        .containsExactly("pass", "fail", "pass", "pass", "pass", "permerror");
    assertThat(out.get(3)).containsEntry("identity", "helo").containsEntry("domain", "mail.example.com");
    assertThat(out.get(4)).containsEntry("identity", "mailfrom").containsEntry("sender", "postmaster@mail.example.com");
    assertThat(out).allSatisfy(o -> assertThat(o).containsKeys(
        "result", "explanation", "mechanism", "domain", "dnsTerms", "voidLookups", "receivedSpf", "authenticationResults"));
  }

  @Test
  void writesOneLinePerObjectWithTheSchemaVersionFirst() {
    Cli.Run run = run("check", "--zone", zone(), "--batch", resource("batch/checks.jsonl"));

    assertThat(run.out().split("\n")).hasSize(6)
        .allSatisfy(line -> assertThat(line).startsWith("{\"schemaVersion\":1,\"line\":").endsWith("}"));
  }

  @Test
  void givesAnErrorObjectForEachBadLineGoesOnAndExitsOne() throws Exception {
    Cli.Run run = run("check", "--zone", zone(), "--batch", resource("batch/mixed.jsonl"));

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_SOME_FAILED);
    assertThat(run.err()).isEqualTo("spf check --batch: 14 lines, 11 errors\n");
    List<Map<String, Object>> out = lines(run.out());
    assertThat(out).extracting(o -> o.get("id")).containsExactly("a", null, null, "c", "d", "e", "f", null, null, "h", null, "j", "k", "l");
    assertThat(out).extracting(o -> o.get("line")).containsExactly(1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(out.get(0)).containsEntry("result", "pass");
    assertThat(out.get(9)).containsEntry("result", "fail");
    assertThat(out.subList(1, 9)).allSatisfy(o -> assertThat(o).containsOnlyKeys("schemaVersion", "id", "line", "error"));
    assertThat(out).extracting(o -> o.get("error")).containsExactly(
        null,
        error("malformed-json", "malformed JSON: Unexpected end-of-input: expected close marker for Object at column 62"),
        error("malformed-json", "malformed JSON: Unrecognized token 'this' at column 1"),
        error("invalid-field", "missing \"ip\""),
        error("invalid-field", "not an IP address: \"not-an-ip\""),
        error("invalid-field", "\"sender\" must be a string"),
        error("invalid-field", "give \"sender\", \"helo\" or both"),
        error("malformed-json", "malformed JSON: expected a JSON object {...}"),
        error("malformed-json", "malformed JSON: Unrecognized token 'trailing' at column 65"),
        null,
        error("malformed-json", "malformed JSON: more after the object at column 65"),
        error("invalid-field", "the null sender (empty \"sender\") is checked as postmaster@HELO: add \"helo\""),
        null,
        error("unknown-key", "unknown keys \"mailfrom\" (did you mean \"sender\"?), \"Helo\"; an input line has id, ip, sender, helo"));
    assertThat(out.get(12)).containsEntry("result", "pass").containsEntry("sender", "postmaster@mail.example.com");
  }

  private static Map<String, Object> error(String code, String message) {
    return Map.of("code", code, "message", message);
  }

  @Test
  void readsStandardInputForDash() throws Exception {
    String input = "{\"id\":\"x\",\"ip\":\"192.0.2.10\",\"sender\":\"alice@example.com\"}\n";

    Cli.Run run = runWithInput(input, "check", "--zone", zone(), "--batch", "-");

    assertThat(run.status()).isZero();
    assertThat(lines(run.out())).singleElement().satisfies(o -> assertThat(o).containsEntry("id", "x").containsEntry("result", "pass"));
  }

  @Test
  void appliesTheWhatIfRecordToEveryLine() throws Exception {
    String input =
        "{\"id\":1,\"ip\":\"203.0.113.25\",\"sender\":\"a@example.com\"}\n"
            + "{\"id\":2,\"ip\":\"203.0.113.26\",\"sender\":\"b@example.com\"}\n";

    Cli.Run run = runWithInput(input, "check", "--zone", zone(), "--batch", "-", "--record", "v=spf1 ip4:203.0.113.25 -all");

    assertThat(lines(run.out())).extracting(o -> o.get("result")).containsExactly("pass", "fail");
  }

  @Test
  @SuppressWarnings("unchecked")
  void addsTheTraceToEveryLineWithTrace() throws Exception {
    String input = "{\"id\":1,\"ip\":\"198.51.100.9\",\"sender\":\"a@example.com\"}\n";

    Cli.Run run = runWithInput(input, "check", "--zone", zone(), "--batch", "-", "--trace");

    Map<String, Object> line = lines(run.out()).get(0);
    assertThat((Map<String, Object>) line.get("trace")).containsEntry("domain", "example.com").containsEntry("result", "pass");
  }

  @Test
  void drawsProgressOnATerminalForALongBatch() {
    String input = longBatch(BatchCheck.LONG_BATCH + 50);

    Cli.Run run = Cli.run(input, true, "check", "--zone", zone(), "--batch", "-");

    assertThat(run.out().split("\n")).hasSize(BatchCheck.LONG_BATCH + 50);
    assertThat(run.err()).startsWith("\rspf check --batch: ").endsWith("\rspf check --batch: 250 lines, 0 errors\n");
  }

  @Test
  void drawsNoProgressButEndsWithTheSummaryWhenStandardErrorIsNotATerminal() {
    Cli.Run run = Cli.run(longBatch(BatchCheck.LONG_BATCH + 50), false, "check", "--zone", zone(), "--batch", "-");

    assertThat(run.err()).isEqualTo("spf check --batch: 250 lines, 0 errors\n");
  }

  @Test
  void drawsNoProgressForAShortBatchOnlyTheSummary() {
    Cli.Run run = Cli.run(longBatch(10), true, "check", "--zone", zone(), "--batch", "-");

    assertThat(run.err()).isEqualTo("spf check --batch: 10 lines, 0 errors\n");
  }

  @Test
  void evaluatesLinesConcurrently() {
    // Answers nothing until eight questions wait at once: a batch run one line at a time would hang.
    GateDns dns = new GateDns(8);
    SpfChecker checker = SpfChecker.builder().dns(dns).build();
    StringWriter out = new StringWriter();
    Console console =
        new Console(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            new ByteArrayInputStream(longBatch(8).getBytes(StandardCharsets.UTF_8)),
            false);

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> new BatchCheck(checker, null, false, Limits.RFC).run("-", console));

    assertThat(out.toString().strip().split("\n")).hasSize(8).allSatisfy(line -> assertThat(line).contains("\"result\":\"pass\""));
  }

  private static String longBatch(int n) {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < n; i++) {
      input.append("{\"id\":").append(i).append(",\"ip\":\"192.0.2.").append(i % 64)
          .append("\",\"sender\":\"user").append(i).append("@d").append(i).append(".example.com\"}\n");
    }
    return input.toString();
  }

  /** Holds every answer back until {@code gate} questions are waiting, then answers all. */
  private static final class GateDns implements DnsLookup {
    private final int gate;
    private final List<CompletableFuture<DnsAnswer>> waiting = new ArrayList<>();
    private boolean open;

    GateDns(int gate) {
      this.gate = gate;
    }

    @Override
    public synchronized CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
      CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
      DnsAnswer value = new DnsAnswer.Records(List.of("v=spf1 ip4:192.0.2.0/24 -all"), 60);
      if (open) {
        answer.complete(value);
        return answer;
      }
      waiting.add(answer);
      if (waiting.size() >= gate) {
        open = true;
        waiting.forEach(w -> CompletableFuture.runAsync(() -> w.complete(value)));
      }
      return answer;
    }
  }
}
