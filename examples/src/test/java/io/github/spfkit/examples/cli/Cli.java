package io.github.spfkit.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the tool in-process through picocli with captured standard streams. */
final class Cli {
  private Cli() {}

  /** What one run of the tool did. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    return run("", false, args);
  }

  static Run runWithInput(String stdin, String... args) {
    return run(stdin, false, args);
  }

  static Run run(String stdin, boolean errIsTerminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console =
        new Console(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            errIsTerminal);
    int status = SpfCommand.run(console, args);
    return new Run(status, normalize(out.toString()), normalize(err.toString()));
  }

  /** A test resource as a file path. */
  static String resource(String name) {
    try {
      return Path.of(Cli.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }

  /** The test zone every command test uses. */
  static String zone() {
    return resource("zones/test.zone");
  }

  /** A golden file's text, line ends normalized. */
  static String golden(String name) {
    try {
      return normalize(Files.readString(Path.of(resource("golden/" + name)), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes what the tool wrote beside the test output ({@code target/golden-actual/NAME}), so that a
   * golden file that no longer matches can be read and compared by hand; returns it unchanged.
   */
  static String keep(String golden, String out) {
    try {
      Path actual = Path.of("target", "golden-actual", golden);
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, out, StandardCharsets.UTF_8);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String normalize(String text) {
    return text.replace("\r\n", "\n");
  }
}
