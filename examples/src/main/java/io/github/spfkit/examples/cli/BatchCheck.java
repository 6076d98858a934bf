package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Check;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * {@code spf check --batch}: JSON Lines in, JSON Lines out, in the same order. Checks run
 * concurrently through {@link Check#evaluateAsync()}, at most {@value #IN_FLIGHT} at a time, and
 * each result is written as soon as it and all before it are done, so a pipe streams.
 *
 * <p>Each input line is an object {@code {"id":..,"ip":..,"sender":..,"helo":..}}, named as the
 * flags of {@code spf check}: {@code id} is echoed as it came (any JSON value, or {@code null} when
 * absent); an empty {@code sender} is the null sender; without {@code sender} the HELO identity is
 * checked. Any other key is an error that names it. Blank lines are skipped. Each output line is a
 * record of {@code examples/schemas/batch-check.schema.json}: {@code schemaVersion}, {@code line},
 * {@code id}, then the check or {@code error: {code, message}}; the batch goes on after an error.
 * At the end one line on standard error counts the lines and the errors. Not thread safe: one
 * batch per instance at a time.
 */
final class BatchCheck {
  static final int IN_FLIGHT = 256;
  static final int LONG_BATCH = 200;
  /** The keys an input line may have, in the order of {@code spf check}'s flags. */
  static final List<String> INPUT_KEYS = List.of("id", "ip", "sender", "helo");
  private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

  private final SpfChecker checker;
  private final @Nullable String record;
  private final boolean trace;
  private final Limits limits;

  /** What a batch did: the lines checked or failed, and how many failed. */
  record Outcome(int lines, int errors) {}

  BatchCheck(SpfChecker checker, @Nullable String record, boolean trace, Limits limits) {
    this.checker = checker;
    this.record = record;
    this.trace = trace;
    this.limits = limits;
  }

  /**
   * Checks every line of {@code source} ({@code -} for standard input) and writes the results.
   *
   * @return the lines and errors counted
   * @throws UsageException if the file cannot be read
   */
  Outcome run(String source, Console console) {
    try (BufferedReader reader = open(source, console)) {
      return run(reader, console);
    } catch (NoSuchFileException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + source + ": no such file");
    } catch (IOException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + source + ": " + e.getMessage());
    }
  }

  private static BufferedReader open(String source, Console console) throws IOException {
    if (source.equals("-")) {
      return new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
    }
    Path path = Path.of(source);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }

  private Outcome run(BufferedReader reader, Console console) throws IOException {
    PrintWriter out = console.out();
    Progress progress = new Progress(console);
    ArrayDeque<CompletableFuture<Map<String, @Nullable Object>>> pending = new ArrayDeque<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      pending.add(submit(line, lineNumber));
      while (!pending.isEmpty() && (pending.size() >= IN_FLIGHT || pending.peek().isDone())) {
        write(out, pending.remove(), progress);
      }
    }
    while (!pending.isEmpty()) {
      write(out, pending.remove(), progress);
    }
    out.flush();
    return progress.finish();
  }

  private static void write(
      PrintWriter out, CompletableFuture<Map<String, @Nullable Object>> next, Progress progress) {
    Map<String, @Nullable Object> object = next.join();
    out.println(Json.line(object));
    progress.written(object.containsKey("error"));
  }

  private CompletableFuture<Map<String, @Nullable Object>> submit(String line, int lineNumber) {
    Map<String, Object> input;
    try {
      input = Json.object(line);
    } catch (IOException | RuntimeException e) {
      return done(error(null, lineNumber, "malformed-json", "malformed JSON: " + firstLine(e.getMessage())));
    }
    @Nullable Object id = input.get("id");
    List<String> unknown = new ArrayList<>();
    for (String key : input.keySet()) {
      if (!INPUT_KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      return done(error(id, lineNumber, "unknown-key", unknownKeys(unknown)));
    }
    Check check;
    try {
      check = describe(input);
    } catch (IllegalArgumentException e) {
      return done(error(id, lineNumber, "invalid-field", String.valueOf(e.getMessage())));
    }
    CompletableFuture<SpfResult> evaluation;
    try {
      evaluation = check.evaluateAsync().toCompletableFuture();
    } catch (IllegalStateException | IllegalArgumentException e) {
      return done(error(id, lineNumber, "invalid-field", String.valueOf(e.getMessage())));
    }
    return evaluation
        .thenApply(
            result -> {
              Map<String, @Nullable Object> out = head(id, lineNumber);
              out.putAll(CheckOutput.fields(result, trace, limits));
              return out;
            })
        .exceptionally(
            failure ->
                error(id, lineNumber, "check-failed", "check failed: " + firstLine(unwrap(failure).toString())));
  }

  private static CompletableFuture<Map<String, @Nullable Object>> done(Map<String, @Nullable Object> line) {
    return CompletableFuture.completedFuture(line);
  }

  // "unknown key "mailfrom" (did you mean "sender"?); an input line has id, ip, sender, helo"
  static String unknownKeys(List<String> keys) {
    List<String> named = new ArrayList<>();
    for (String key : keys) {
      String quoted = "\"" + key + "\"";
      named.add(key.equalsIgnoreCase("mailfrom") || key.equalsIgnoreCase("mail_from")
          ? quoted + " (did you mean \"sender\"?)" : quoted);
    }
    return (keys.size() == 1 ? "unknown key " : "unknown keys ") + String.join(", ", named)
        + "; an input line has " + String.join(", ", INPUT_KEYS);
  }

  private Check describe(Map<String, Object> input) {
    String ip = text(input, "ip");
    String sender = text(input, "sender");
    String helo = text(input, "helo");
    if (ip == null) {
      throw new IllegalArgumentException("missing \"ip\"");
    }
    if (sender == null && helo == null) {
      throw new IllegalArgumentException("give \"sender\", \"helo\" or both");
    }
    if (sender != null && isNullSender(sender) && helo == null) {
      throw new IllegalArgumentException(
          "the null sender (empty \"sender\") is checked as postmaster@HELO: add \"helo\"");
    }
    Check check = checker.check();
    try {
      check.ip(ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP address: \"" + ip + "\"");
    }
    if (sender != null) {
      check.mailFrom(sender);
    }
    if (helo != null) {
      check.helo(helo);
    }
    if (record != null) {
      check.policy(record);
    }
    return check;
  }

  /** The null reverse-path, written as nothing or as {@code <>}. */
  static boolean isNullSender(String mailFrom) {
    String value = mailFrom.strip();
    return value.isEmpty() || value.equals("<>");
  }

  private static @Nullable String text(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("\"" + field + "\" must be a string");
  }

  private static Map<String, @Nullable Object> head(@Nullable Object id, int lineNumber) {
    Map<String, @Nullable Object> out = Json.document();
    out.put("line", lineNumber);
    out.put("id", id);
    return out;
  }

  private static Map<String, @Nullable Object> error(
      @Nullable Object id, int lineNumber, String code, @Nullable String message) {
    Map<String, @Nullable Object> out = head(id, lineNumber);
    out.put("error", Json.error(code, message == null ? "unreadable line" : message));
    return out;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  /** The progress line on a terminal's standard error, for long batches only. */
  private static final class Progress {
    private final Console console;
    private int written;
    private int errors;
    private long lastDrawn;
    private boolean drawn;

    Progress(Console console) {
      this.console = console;
    }

    void written(boolean error) {
      written++;
      if (error) {
        errors++;
      }
      if (!console.errIsTerminal() || written < LONG_BATCH) {
        return;
      }
      long now = System.nanoTime();
      if (!drawn || now - lastDrawn >= PROGRESS_EVERY_NANOS) {
        draw();
        lastDrawn = now;
      }
    }

    /** Ends the progress line, if any, with the summary; otherwise writes the summary alone. */
    Outcome finish() {
      console.err().println((drawn ? "\r" : "") + summary());
      console.err().flush();
      return new Outcome(written, errors);
    }

    private String summary() {
      return "spf check --batch: " + Texts.count(written, "line") + ", " + Texts.count(errors, "error");
    }

    private void draw() {
      drawn = true;
      console.err().print("\r" + summary());
      console.err().flush();
    }
  }
}
