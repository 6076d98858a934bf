package io.github.spfkit.examples.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The messages of {@code spf diagnose}'s inputs, one at a time: a file of one message, an mbox
 * file (split at its {@code From } lines, mboxrd {@code >From } quoting undone), a directory (every
 * file in it and below, by name; files that do not start like a mail message, such as a LICENSE,
 * are skipped), a Maildir (its {@code new} and {@code cur} messages), or {@code -} for standard
 * input (one message, or an mbox). The whole input is never held: each message is read in one pass
 * and at most {@code maxBytes + 1} bytes of it are kept (the diagnoser then says it was cut), so
 * memory is bounded per message and time is linear in the input. Not thread safe.
 */
final class Mailbox {
  /** Lines longer than this are never an mbox {@code From } separator, and are not buffered. */
  private static final int SEPARATOR_LINE_LIMIT = 1_000;

  private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

  /** One unit of input: a message to diagnose, or one that could not be read. */
  sealed interface Item {
    /** The file it came from, {@code -} for standard input. */
    String file();

    /** Its number in that file, from 1. */
    int index();
  }

  /**
   * A message's bytes, at most {@code maxBytes + 1} of them.
   *
   * @param file the file it came from
   * @param index its number in that file, from 1
   * @param bytes the message
   */
  record Message(String file, int index, byte[] bytes) implements Item {
    Message {
      Objects.requireNonNull(file, "file");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * A message, file or folder that could not be read.
   *
   * @param file the file (or folder) it came from
   * @param index its number in that file, from 1
   * @param reason why, for people
   */
  record Unreadable(String file, int index, String reason) implements Item {
    Unreadable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final int maxBytes;
  private int skipped;

  Mailbox(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Files of a directory that were skipped because they do not start like a mail message. */
  int skipped() {
    return skipped;
  }

  /** Whether {@code input} is read as several messages: a directory, or an mbox file. */
  static boolean isMailbox(String input) {
    if (input.equals("-")) {
      return false;
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) {
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      return startsWith(in.readNBytes(FROM.length), FROM);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether a stream starts like an mbox, looked at without consuming it.
   *
   * @param in a stream that supports {@link InputStream#mark}
   */
  static boolean isMbox(InputStream in) {
    try {
      in.mark(FROM.length);
      boolean mbox = startsWith(in.readNBytes(FROM.length), FROM);
      in.reset();
      return mbox;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Hands every message of {@code inputs} to {@code sink}, in order.
   *
   * @param stdin what {@code -} reads
   */
  void read(List<String> inputs, InputStream stdin, Consumer<Item> sink) {
    for (String input : inputs) {
      if (input.equals("-")) {
        split("-", stdin, sink);
        continue;
      }
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        directory(path, sink);
      } else {
        file(path, input, false, sink);
      }
    }
  }

  private void directory(Path directory, Consumer<Item> sink) {
    List<Path> files = new ArrayList<>();
    boolean maildir = Files.isDirectory(directory.resolve("cur")) && Files.isDirectory(directory.resolve("new"));
    List<Path> roots = maildir ? List.of(directory.resolve("new"), directory.resolve("cur")) : List.of(directory);
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(file -> !file.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(files::add);
      } catch (IOException | RuntimeException e) {
        sink.accept(new Unreadable(root.toString(), 1, reason(e)));
      }
    }
    for (Path file : files) {
      file(file, file.toString(), true, sink);
    }
  }

  private void file(Path path, String name, boolean skipNonMail, Consumer<Item> sink) {
    try (InputStream in = Files.newInputStream(path)) {
      BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
      if (skipNonMail) {
        buffered.mark(SEPARATOR_LINE_LIMIT);
        byte[] head = buffered.readNBytes(SEPARATOR_LINE_LIMIT);
        buffered.reset();
        if (!looksLikeMail(head)) {
          skipped++;
          return;
        }
      }
      split(name, buffered, sink);
    } catch (NoSuchFileException e) {
      sink.accept(new Unreadable(name, 1, "no such file"));
    } catch (IOException | RuntimeException e) {
      sink.accept(new Unreadable(name, 1, reason(e)));
    }
  }

  // A mail message starts with a header field ("Name: value"), or an mbox "From " line.
  static boolean looksLikeMail(byte[] head) {
    if (startsWith(head, FROM)) {
      return true;
    }
    for (int i = 0; i < head.length; i++) {
      byte b = head[i];
      if (b == ':') {
        return i > 0;
      }
      if (b <= ' ' || b >= 127) {
        return false;
      }
    }
    return false;
  }

  /**
   * Splits one stream into its messages: an mbox when its first line is a {@code From } line,
   * otherwise one message. A read error ends the stream with an {@link Unreadable} item.
   */
  void split(String name, InputStream source, Consumer<Item> sink) {
    InputStream in = source instanceof BufferedInputStream ? source : new BufferedInputStream(source, 64 * 1024);
    Splitter splitter = new Splitter(name, sink);
    try {
      splitter.run(in);
    } catch (IOException e) {
      sink.accept(new Unreadable(name, splitter.index + 1, reason(e)));
    }
  }

  private final class Splitter {
    private final String name;
    private final Consumer<Item> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private ByteArrayOutputStream message = new ByteArrayOutputStream();
    private boolean mbox;
    private boolean first = true;
    private boolean previousBlank = true;
    private boolean lineOverflow;
    int index;

    Splitter(String name, Consumer<Item> sink) {
      this.name = name;
      this.sink = sink;
    }

    void run(InputStream in) throws IOException {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (lineOverflow) {
          keep(b);
          if (b == '\n') {
            lineOverflow = false;
            previousBlank = false;
          }
          continue;
        }
        line.write(b);
        if (b == '\n') {
          endOfLine();
        } else if (line.size() >= SEPARATOR_LINE_LIMIT) {
          // too long for a From line: it goes into the message as it comes
          keep(line.toByteArray());
          line.reset();
          lineOverflow = true;
        }
      }
      if (line.size() > 0) {
        endOfLine();
      }
      if (!mbox || index > 0 || message.size() > 0) {
        emit();
      }
    }

    private void endOfLine() {
      byte[] text = line.toByteArray();
      line.reset();
      if (first) {
        first = false;
        mbox = isFromLine(text);
        if (mbox) {
          previousBlank = false;
          return;
        }
      }
      if (mbox && previousBlank && isFromLine(text)) {
        emit();
        previousBlank = false;
        return;
      }
      previousBlank = isBlank(text);
      if (mbox && isQuotedFrom(text)) {
        keep(Arrays.copyOfRange(text, 1, text.length));
      } else {
        keep(text);
      }
    }

    private void emit() {
      index++;
      sink.accept(new Message(name, index, message.toByteArray()));
      message = new ByteArrayOutputStream();
    }

    private void keep(int b) {
      if (message.size() <= maxBytes) {
        message.write(b);
      }
    }

    private void keep(byte[] bytes) {
      int room = maxBytes + 1 - message.size();
      if (room > 0) {
        message.write(bytes, 0, Math.min(room, bytes.length));
      }
    }
  }

  // "From sender date" (RFC 4155): "From ", a word, a space, then a date with its time (hh:mm),
  // so that a line of text beginning "From here on" is never taken for one
  private static boolean isFromLine(byte[] line) {
    if (!startsWith(line, FROM) || line.length < FROM.length + 3) {
      return false;
    }
    int i = FROM.length;
    if (line[i] == ' ' || line[i] == '\r' || line[i] == '\n') {
      return false;
    }
    while (i < line.length && line[i] != ' ') {
      i++;
    }
    for (int j = i + 1; j + 4 < line.length; j++) {
      if (isDigit(line[j]) && isDigit(line[j + 1]) && line[j + 2] == ':' && isDigit(line[j + 3]) && isDigit(line[j + 4])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  // mboxrd: ">From ", ">>From " ... stand for one '>' less
  private static boolean isQuotedFrom(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    return i > 0 && line.length - i >= FROM.length
        && Arrays.equals(line, i, i + FROM.length, FROM, 0, FROM.length);
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
