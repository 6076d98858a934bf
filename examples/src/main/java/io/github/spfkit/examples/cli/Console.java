package io.github.spfkit.examples.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The streams a command talks through, so tests can run the tool in-process with captured output.
 *
 * @param out standard output: results
 * @param err standard error: usage errors and progress
 * @param in standard input, read by {@code -} arguments
 * @param errIsTerminal whether standard error is a terminal (progress lines are only drawn there)
 */
public record Console(PrintWriter out, PrintWriter err, InputStream in, boolean errIsTerminal) {

  /**
   * Checks all parts are present.
   *
   * @param out standard output: results
   * @param err standard error: usage errors and progress
   * @param in standard input, read by {@code -} arguments
   * @param errIsTerminal whether standard error is a terminal (progress lines are only drawn there)
   */
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
  }

  /**
   * The process's own streams, in the platform's console encoding.
   *
   * @return the console of this process
   */
  public static Console system() {
    Charset charset = outputCharset();
    return new Console(
        new PrintWriter(new OutputStreamWriter(System.out, charset), true),
        new PrintWriter(new OutputStreamWriter(System.err, charset), true),
        System.in,
        stderrIsTerminal());
  }

  private static Charset outputCharset() {
    String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  // Java cannot ask isatty(2); on Linux the descriptor's link names the terminal device, elsewhere
  // a console (stdin and stdout both terminals) is the best guess.
  private static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      // fall through to the console heuristic
    }
    return System.console() != null;
  }
}
