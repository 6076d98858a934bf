package io.github.spfkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MailboxTest {
  @TempDir Path folder;

  private static List<Mailbox.Item> split(String text, int maxBytes) {
    List<Mailbox.Item> items = new ArrayList<>();
    new Mailbox(maxBytes).split("box", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), items::add);
    return items;
  }

  private static String text(Mailbox.Item item) {
    return new String(((Mailbox.Message) item).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void splitsAnMboxAtItsFromLinesAndUndoesFromQuoting() {
    List<Mailbox.Item> items = split(
        "From MAILER-DAEMON Thu Nov 26 09:14:07 2026\nSubject: one\n\nbody\n>From the start\n\n"
            + "From MAILER-DAEMON Thu Nov 26 09:15:00 2026\nSubject: two\n\nFrom here on, text\n",
        1 << 20);

    assertThat(items).extracting(Mailbox.Item::index).containsExactly(1, 2);
    assertThat(text(items.get(0))).isEqualTo("Subject: one\n\nbody\nFrom the start\n\n");
    // "From here on" after a blank line is no separator: no date with a time follows
    assertThat(text(items.get(1))).isEqualTo("Subject: two\n\nFrom here on, text\n");
  }

  @Test
  void readsAStreamThatIsNoMboxAsOneMessageEvenWithFromLinesInside() {
    List<Mailbox.Item> items = split("Subject: x\n\nFrom MAILER-DAEMON Thu Nov 26 09:14:07 2026\nmore\n", 1 << 20);

    assertThat(items).singleElement().satisfies(item ->
        assertThat(text(item)).isEqualTo("Subject: x\n\nFrom MAILER-DAEMON Thu Nov 26 09:14:07 2026\nmore\n"));
  }

  @Test
  void keepsAtMostOneByteOverTheCapOfEachMessageSoTheDiagnosisSaysItWasCut() {
    String big = "x".repeat(5_000) + "\n";
    List<Mailbox.Item> items = split(
        "From a@example.com Thu Nov 26 09:14:07 2026\nSubject: big\n\n" + big.repeat(10) + "\nFrom b@example.com Thu Nov 26 09:14:07 2026\nSubject: small\n\n",
        1_000);

    assertThat(items).hasSize(2);
    assertThat(((Mailbox.Message) items.get(0)).bytes()).hasSize(1_001);
    assertThat(text(items.get(1))).isEqualTo("Subject: small\n\n");
  }

  @Test
  void readsEveryMailFileOfADirectoryByNameAndSkipsTheOthers() throws IOException {
    Files.writeString(folder.resolve("b.eml"), "Subject: b\n\nx\n");
    Files.writeString(folder.resolve("a.eml"), "Subject: a\n\nx\n");
    Files.writeString(folder.resolve("LICENSE"), "Copyright (C) 2014, someone\n");
    Files.writeString(folder.resolve(".hidden"), "Subject: hidden\n\n");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/c.eml"), "Return-Path: <>\n\nx\n");
    Mailbox mailbox = new Mailbox(1 << 20);
    List<Mailbox.Item> items = new ArrayList<>();

    mailbox.read(List.of(folder.toString()), InputStream.nullInputStream(), items::add);

    assertThat(items).extracting(item -> Path.of(item.file()).getFileName().toString()).containsExactly("a.eml", "b.eml", "c.eml");
    assertThat(mailbox.skipped()).isEqualTo(1);
  }

  @Test
  void readsTheNewAndCurMessagesOfAMaildir() throws IOException {
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(folder.resolve(sub));
    }
    Files.writeString(folder.resolve("cur/1.host:2,S"), "Subject: seen\n\n");
    Files.writeString(folder.resolve("new/2.host"), "Subject: new\n\n");
    Files.writeString(folder.resolve("tmp/3.host"), "Subject: being written\n\n");
    List<Mailbox.Item> items = new ArrayList<>();

    new Mailbox(1 << 20).read(List.of(folder.toString()), InputStream.nullInputStream(), items::add);

    assertThat(items).extracting(MailboxTest::text).containsExactly("Subject: new\n\n", "Subject: seen\n\n");
  }

  @Test
  void saysWhichFileCouldNotBeReadAndGoesOn() throws IOException {
    Files.writeString(folder.resolve("a.eml"), "Subject: a\n\n");
    List<Mailbox.Item> items = new ArrayList<>();

    new Mailbox(1 << 20).read(
        List.of(folder.resolve("missing.eml").toString(), folder.resolve("a.eml").toString()),
        InputStream.nullInputStream(), items::add);

    assertThat(items.get(0)).isEqualTo(new Mailbox.Unreadable(folder.resolve("missing.eml").toString(), 1, "no such file"));
    assertThat(items.get(1)).isInstanceOf(Mailbox.Message.class);
  }

  @Test
  void readsA50MegabyteMailboxInLinearTimeAndBoundedMemoryPerMessage() throws IOException {
    Path small = mbox(folder.resolve("5mb.mbox"), 5);
    Path large = mbox(folder.resolve("50mb.mbox"), 50);
    int cap = 256 * 1024;

    read(small, cap); // warm up
    long smallNanos = read(small, cap)[0];
    long[] largeRun = read(large, cap);

    // 2,000 messages of 25 kB, one of 10 MB cut to the cap, and one line of 3 MB with no newline
    assertThat(largeRun[1]).isEqualTo(10 * 200 + 2);
    assertThat(largeRun[2]).as("largest message kept").isEqualTo(cap + 1);
    // ten times the input: linear is about ten times the time; allow noise on a busy machine,
    // a quadratic reader would take about a hundred times
    assertThat(largeRun[0]).isLessThan(Math.max(30 * smallNanos, 2_000_000_000L));
  }

  private static long[] read(Path mbox, int cap) throws IOException {
    long[] counts = new long[2];
    long start = System.nanoTime();
    new Mailbox(cap).read(List.of(mbox.toString()), InputStream.nullInputStream(), item -> {
      counts[0]++;
      counts[1] = Math.max(counts[1], ((Mailbox.Message) item).bytes().length);
    });
    return new long[] {System.nanoTime() - start, counts[0], counts[1]};
  }

  // 200 messages of 25 kB per 5 MB, then one of megabytes / 5 MB (cut to the cap when read) and
  // a last one whose body is a single line of megabytes * 60 kB: written as it goes, never held
  private static Path mbox(Path file, int megabytes) throws IOException {
    String line = "x".repeat(99) + "\n";
    String body = line.repeat(250);
    try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < megabytes / 5 * 200; i++) {
        out.write("From bounce@example.org Thu Nov 26 09:14:07 2026\nSubject: " + i + "\n\n" + body + "\n");
      }
      out.write("From big@example.org Thu Nov 26 09:14:07 2026\nSubject: big\n\n");
      for (int i = 0; i < megabytes * 2_000; i++) {
        out.write(line);
      }
      out.write("\nFrom long@example.org Thu Nov 26 09:14:07 2026\nSubject: long\n\n");
      String chunk = "y".repeat(60_000);
      for (int i = 0; i < megabytes; i++) {
        out.write(chunk);
      }
    }
    return file;
  }
}
