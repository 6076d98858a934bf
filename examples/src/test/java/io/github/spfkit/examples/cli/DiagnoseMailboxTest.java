package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.golden;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spf diagnose} over several messages: mbox files, folders, Maildirs, several files. */
final class DiagnoseMailboxTest {
  private static final String DEMO_ZONE = "demo/demo.zone";
  private static final String MBOX = "src/test/resources/mailboxes/mixed.mbox";

  @TempDir Path folder;

  @Test
  void summarizesAnMboxByCategoryAndCauseThenOneLinePerMessage() throws IOException {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, MBOX);

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_OK);
    assertThat(run.err()).isEmpty();
    Cli.keep("diagnose-mbox-en.txt", run.out());
    assertThat(run.out()).isEqualTo(golden("diagnose-mbox-en.txt"));
  }

  @Test
  void writesTheSummaryInIndonesianToo() throws IOException {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--lang", "id", MBOX);

    Cli.keep("diagnose-mbox-id.txt", run.out());
    assertThat(run.out()).isEqualTo(golden("diagnose-mbox-id.txt"));
  }

  @Test
  void writesOneJsonLinesRecordPerMessageWithFileAndIndex() throws IOException {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", MBOX);

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_OK);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4).allSatisfy(line -> {
      assertThat(line).startsWith("{\"schemaVersion\":1,\"file\":\"" + MBOX + "\",\"index\":");
      Schemas.assertValid("diagnose-record.schema.json", line);
    });
    assertThat(JSON.std.mapFrom(lines.get(0))).containsEntry("index", 1).containsEntry("cause", "ip-not-authorized");
    assertThat(JSON.std.mapFrom(lines.get(1))).containsEntry("index", 2).containsEntry("category", "not-spf");
    assertThat(JSON.std.mapFrom(lines.get(2))).containsEntry("index", 3)
        .containsEntry("error", Map.of("code", "not-a-bounce", "message",
            "not a bounce: it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)"));
    Cli.keep("diagnose-mbox.jsonl", run.out());
    assertThat(run.out()).isEqualTo(golden("diagnose-mbox.jsonl"));
  }

  @Test
  void writesTheSummaryDocumentWithJsonAndSummary() throws IOException {
    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", "--summary", MBOX);

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_OK);
    Schemas.assertValid("mailbox-summary.schema.json", run.out());
    Cli.keep("diagnose-mbox-summary.json", run.out());
    assertThat(run.out()).isEqualTo(golden("diagnose-mbox-summary.json"));
  }

  @Test
  void diagnosesTheRestAndExitsOneWhenAMessageCannotBeRead() throws IOException {
    Path bounce = folder.resolve("bounce.eml");
    Files.copy(Path.of("demo/bounce-5.7.23.eml"), bounce);
    String missing = folder.resolve("missing.eml").toString();

    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", missing, bounce.toString());

    assertThat(run.status()).isEqualTo(SpfCommand.EXIT_SOME_FAILED);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(line -> Schemas.assertValid("diagnose-record.schema.json", line));
    assertThat(JSON.std.mapFrom(lines.get(0))).containsEntry("file", missing)
        .containsEntry("error", Map.of("code", "unreadable-input", "message", "cannot read: no such file"));
    assertThat(JSON.std.mapFrom(lines.get(1))).containsEntry("cause", "ip-not-authorized");
    assertThat(run("diagnose", "--zone", DEMO_ZONE, missing, bounce.toString()).out())
        .contains("1 unreadable").contains("unreadable: no such file");
  }

  @Test
  void readsAFolderSkippingFilesThatAreNotMailAndAMaildir() throws IOException {
    Files.copy(Path.of("demo/bounce-5.7.23.eml"), folder.resolve("a.eml"));
    Files.writeString(folder.resolve("LICENSE"), "Copyright (C) 2014\n");
    Path maildir = folder.resolve("Maildir");
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    Files.copy(Path.of("demo/bounce-5.7.23.eml"), maildir.resolve("new/1.host"));

    Cli.Run run = run("diagnose", "--zone", DEMO_ZONE, "--json", "--summary", folder.toString());
    Map<String, Object> summary = JSON.std.mapFrom(run.out());

    assertThat(summary).containsEntry("messages", 2).containsEntry("diagnosed", 2).containsEntry("skipped", 1)
        .containsEntry("byCause", Map.of("ip-not-authorized", 2));
    Cli.Run maildirRun = run("diagnose", "--zone", DEMO_ZONE, "--json", "--summary", maildir.toString());
    assertThat(JSON.std.mapFrom(maildirRun.out())).containsEntry("messages", 1);
  }

  @Test
  void readsAnMboxFromStandardInput() throws IOException {
    String mbox = Files.readString(Path.of(MBOX), StandardCharsets.UTF_8);

    Cli.Run run = runWithInput(mbox, "diagnose", "--zone", DEMO_ZONE, "--json", "--summary", "-");

    assertThat(JSON.std.mapFrom(run.out())).containsEntry("messages", 4).containsEntry("diagnosed", 3);
  }

  @Test
  void showsProgressOnlyOnATerminal() {
    Cli.Run terminal = Cli.run("", true, "diagnose", "--zone", DEMO_ZONE, MBOX);
    Cli.Run pipe = Cli.run("", false, "diagnose", "--zone", DEMO_ZONE, MBOX);

    assertThat(terminal.err()).startsWith("\rspf diagnose: 1 message read").endsWith("\rspf diagnose: 4 messages read\n");
    assertThat(pipe.err()).isEmpty();
    assertThat(terminal.out()).isEqualTo(pipe.out());
  }

  @Test
  void looksUpOneSenderDomainOnceForTheWholeRun() throws Exception {
    Path mbox = folder.resolve("three.mbox");
    String bounce = Files.readString(Path.of("demo/bounce-5.7.23.eml"), StandardCharsets.UTF_8);
    Files.writeString(mbox, ("From MAILER-DAEMON Thu Nov 26 09:14:07 2026\n" + bounce + "\n").repeat(3));
    try (LoopbackDnsServer server = new LoopbackDnsServer(Map.of(
        "example.com", "v=spf1 mx ip4:192.0.2.0/26 -all"))) {
      Cli.Run run = run("diagnose", "--dns", server.address(), "--timeout", "5s", "--json", "--summary", mbox.toString());

      assertThat(JSON.std.mapFrom(run.out())).containsEntry("diagnosed", 3);
      assertThat(server.questions("example.com", "TXT")).isEqualTo(1);
    }
  }
}
