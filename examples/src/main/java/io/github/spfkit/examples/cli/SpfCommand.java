package io.github.spfkit.examples.cli;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code spf}: the command-line tool's top-level command, with the subcommands {@code check},
 * {@code lint}, {@code flatten} and {@code diagnose}.
 *
 * <p>Exit codes: {@value #EXIT_OK} when a command did its whole job, whatever the SPF result;
 * {@value #EXIT_SOME_FAILED} when it did its job but some inputs failed (batch lines that could
 * not be checked, mailbox messages that could not be read); {@value #EXIT_USAGE} for bad usage or
 * unreadable input, with a one-line message on standard error and no stack trace; {@value
 * #EXIT_INTERNAL} (sysexits' {@code EX_SOFTWARE}) for a bug in the tool. With {@code --json} a
 * failed command also writes {@code {"schemaVersion": 1, "error": {"code": .., "message": ..}}}
 * on standard output.
 *
 * <p>Each {@link #run} builds a fresh command tree; runs on different threads do not interfere.
 */
@Command(
    name = "spf",
    mixinStandardHelpOptions = true,
    versionProvider = SpfCommand.Version.class,
    description = "Sender Policy Framework (RFC 7208): check, lint, flatten and diagnose.",
    subcommands = {CheckCommand.class, LintCommand.class, DiagnoseCommand.class, FlattenCommand.class},
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "DNS: --zone FILE (no network), --dns HOST[:PORT], or the system resolver.",
      "",
      "Example, offline:",
      "  spf diagnose examples/demo/bounce-5.7.23.eml --zone examples/demo/demo.zone",
      "",
      "Exit status: 0 when the command did its job (whatever the SPF result),",
      "1 when it did but some inputs failed (batch lines, mailbox messages),",
      "2 for bad usage or unreadable input, 70 for a bug in the tool."
    })
public final class SpfCommand implements Runnable {

  /** The command did its job. */
  public static final int EXIT_OK = 0;

  /** The command did its job, but some inputs (batch lines, mailbox messages) failed. */
  public static final int EXIT_SOME_FAILED = 1;

  /** Bad usage or unreadable input. */
  public static final int EXIT_USAGE = 2;

  /** An unexpected failure inside the tool: a bug (sysexits' {@code EX_SOFTWARE}). */
  public static final int EXIT_INTERNAL = 70;

  private final Console console;

  @CommandLine.Spec @Nullable CommandSpec spec;

  SpfCommand(Console console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  /** The streams every subcommand writes to. */
  Console console() {
    return console;
  }

  /** Without a subcommand, {@code spf} prints its usage and fails. */
  @Override
  public void run() {
    throw new ParameterException(
        Objects.requireNonNull(spec, "spec").commandLine(),
        "missing command: check, lint, flatten or diagnose");
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Console console = Console.system();
    int status = run(console, args);
    console.out().flush();
    console.err().flush();
    System.exit(status);
  }

  /**
   * Runs the tool on {@code console}'s streams and returns its exit code; never exits the JVM and
   * never throws for anything on the command line or in its input.
   *
   * @param console the streams to use
   * @param args the command line
   * @return {@link #EXIT_OK}, {@link #EXIT_USAGE} or {@link #EXIT_INTERNAL}
   */
  public static int run(Console console, String... args) {
    boolean json = wantsJson(args);
    CommandLine commandLine = new CommandLine(new SpfCommand(console));
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(
        (exception, unused) -> usageError(console, json, exception));
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> executionError(console, json, failed, exception));
    int status = commandLine.execute(args);
    console.out().flush();
    console.err().flush();
    return status;
  }

  // --json anywhere before "--" asks for the JSON error document, also when parsing fails
  private static boolean wantsJson(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  private static int usageError(Console console, boolean json, ParameterException exception) {
    String name = exception.getCommandLine().getCommandSpec().qualifiedName();
    String message = oneLine(exception.getMessage());
    fail(console, json, "usage", name + ": " + message + " (see '" + name + " --help')", message);
    return EXIT_USAGE;
  }

  private static int executionError(
      Console console, boolean json, CommandLine failed, Exception exception) {
    String name = failed.getCommandSpec().qualifiedName();
    if (exception instanceof UsageException usage) {
      String message = oneLine(usage.getMessage());
      fail(console, json, Json.kebab(usage.code()), name + ": " + message, message);
      return EXIT_USAGE;
    }
    String message = "internal error, please report it: " + oneLine(String.valueOf(exception));
    if (json) {
      console.out().println(Json.pretty(errorDocument("internal", message)));
    }
    console.err().println(name + ": internal error, please report it:");
    exception.printStackTrace(console.err());
    console.err().flush();
    return EXIT_INTERNAL;
  }

  private static void fail(Console console, boolean json, String code, String line, String message) {
    if (json) {
      console.out().println(Json.pretty(errorDocument(code, message)));
      console.out().flush();
    }
    console.err().println(line);
    console.err().flush();
  }

  /** The error document of {@code error.schema.json}. */
  static Map<String, @Nullable Object> errorDocument(String code, String message) {
    Map<String, @Nullable Object> out = Json.document();
    out.put("error", Json.error(code, message));
    return out;
  }

  static String oneLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "failed";
    }
    return Texts.printable(message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; "));
  }

  /** The version from the jar's manifest, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SpfCommand.class.getPackage().getImplementationVersion();
      return new String[] {"spf " + (version == null ? "dev" : version)};
    }
  }
}
