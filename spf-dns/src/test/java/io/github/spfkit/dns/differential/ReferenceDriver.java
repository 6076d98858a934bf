package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A reference implementation run as one long-lived child process: the driver script (from the
 * test resources) reads cases as JSON lines on stdin and writes one result line per case on
 * stdout. It asks only the Knot port it is given; the system resolver configuration is not read
 * for queries and never changed.
 */
final class ReferenceDriver {

  /** The interpreter pyspf is installed for (Debian's dist-packages), whatever is on the PATH. */
  static final String PYTHON = "/usr/bin/python3";

  private final Implementation implementation;
  private final List<String> command;

  private ReferenceDriver(Implementation implementation, List<String> command) {
    this.implementation = implementation;
    this.command = List.copyOf(command);
  }

  /** pyspf, run by {@link #PYTHON}. */
  static ReferenceDriver pyspf(Path scripts) {
    return new ReferenceDriver(
        Implementation.PYSPF, List.of(PYTHON, scripts.resolve("pyspf_driver.py").toString()));
  }

  /** Mail::SPF, run by {@code perl}. */
  static ReferenceDriver mailSpf(Path scripts) {
    return new ReferenceDriver(
        Implementation.MAIL_SPF, List.of("perl", scripts.resolve("mailspf_driver.pl").toString()));
  }

  Implementation implementation() {
    return implementation;
  }

  /**
   * Skips the calling test where pyspf or Mail::SPF is missing, or fails it there when {@code
   * CI=true}: CI installs both and must run the comparison.
   */
  static void assumeInstalled() {
    List<String> missing = new ArrayList<>();
    if (!runs(PYTHON, "-c", "import spf, DNS")) {
      missing.add("pyspf for " + PYTHON + " (apt-get install python3-spf python3-dns)");
    }
    if (!runs("perl", "-MMail::SPF", "-MJSON::PP", "-e", "1")) {
      missing.add("Mail::SPF (apt-get install libmail-spf-perl)");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "the reference implementations are not installed, the differential test cannot run: "
            + String.join(", ", missing);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: failing instead of skipping)");
    }
    Assumptions.assumeTrue(false, message);
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs every case through the driver, asking the DNS server on 127.0.0.1:{@code port}.
   *
   * @return each case's outcome by case id
   */
  Map<String, Outcome> run(
      List<DiffCase> cases, int port, String receiver, String defaultExplanation, Path log)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.add(Integer.toString(port));
    full.add(receiver);
    full.add(defaultExplanation);
    Process process = new ProcessBuilder(full).redirectError(log.toFile()).start();
    Thread feeder =
        new Thread(
            () -> {
              try (Writer in =
                  new BufferedWriter(
                      new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
                for (DiffCase c : cases) {
                  in.write(c.json());
                  in.write('\n');
                }
              } catch (IOException e) {
                // the process died; reading its output says why
              }
            },
            implementation.label() + "-feeder");
    feeder.start();
    Map<String, Outcome> out = new HashMap<>();
    try (BufferedReader results =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = results.readLine()) != null) {
        Map<String, @Nullable String> fields = Json.object(line);
        String id = Objects.requireNonNull(fields.get("id"), line);
        out.put(
            id,
            new Outcome(
                Objects.requireNonNull(fields.get("result"), line),
                fields.get("explanation"),
                Objects.requireNonNullElse(fields.get("detail"), "")));
      }
    } finally {
      feeder.join(TimeUnit.SECONDS.toMillis(10));
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (out.size() != cases.size()) {
      fail(
          implementation.label()
              + " answered "
              + out.size()
              + " of "
              + cases.size()
              + " cases (exit "
              + process.exitValue()
              + "):\n"
              + read(log));
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a driver script from the test resources into {@code dir}. */
  static void extract(Path dir, String name) throws IOException {
    try (InputStream in = ReferenceDriver.class.getResourceAsStream("/differential/" + name)) {
      Objects.requireNonNull(in, name + " is missing from the test resources");
      Files.write(dir.resolve(name), in.readAllBytes());
    }
  }
}
