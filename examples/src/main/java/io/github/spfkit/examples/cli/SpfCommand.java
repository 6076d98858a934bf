package io.github.spfkit.examples.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code spf}: the command-line tool's top-level command, with the subcommands {@code check},
 * {@code lint} and {@code diagnose}.
 *
 * <p>Exit codes: {@value #EXIT_OK} when a command did its job, whatever the SPF result; {@value
 * #EXIT_USAGE} for bad usage or unreadable input, with a one-line message on standard error and no
 * stack trace; {@value #EXIT_INTERNAL} for a bug in the tool.
 *
 * <p>Each {@link #run} builds a fresh command tree; runs on different threads do not interfere.
 */
@Command(
    name = "spf",
    mixinStandardHelpOptions = true,
    versionProvider = SpfCommand.Version.class,
    description = "Sender Policy Framework (RFC 7208): check, lint and diagnose.",
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
      "2 for bad usage or unreadable input."
    })
public final class SpfCommand implements Runnable {

  /** The command did its job. */
  public static final int EXIT_OK = 0;

  /** An unexpected failure inside the tool: a bug. */
  public static final int EXIT_INTERNAL = 1;

  /** Bad usage or unreadable input. */
  public static final int EXIT_USAGE = 2;

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
        "missing command: check, lint or diagnose");
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
    CommandLine commandLine = new CommandLine(new SpfCommand(console));
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(SpfCommand::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> executionError(console, failed, exception));
    int status = commandLine.execute(args);
    console.out().flush();
    console.err().flush();
    return status;
  }

  private static int usageError(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    String name = failed.getCommandSpec().qualifiedName();
    failed
        .getErr()
        .println(name + ": " + oneLine(exception.getMessage()) + " (see '" + name + " --help')");
    failed.getErr().flush();
    return EXIT_USAGE;
  }

  private static int executionError(Console console, CommandLine failed, Exception exception) {
    String name = failed.getCommandSpec().qualifiedName();
    if (exception instanceof UsageException) {
      console.err().println(name + ": " + oneLine(exception.getMessage()));
      console.err().flush();
      return EXIT_USAGE;
    }
    console.err().println(name + ": internal error, please report it:");
    exception.printStackTrace(console.err());
    console.err().flush();
    return EXIT_INTERNAL;
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
