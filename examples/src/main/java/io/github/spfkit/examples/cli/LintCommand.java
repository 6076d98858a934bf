package io.github.spfkit.examples.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code spf lint}: draft, wired when spf-diagnosis lands. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Lints a domain's SPF tree.")
public final class LintCommand implements Callable<Integer> {
  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(paramLabel = "DOMAIN", description = "The domain whose SPF tree to lint.")
  String domain = "";

  @Option(names = "--record", paramLabel = "TEXT", description = "Lint TEXT as DOMAIN's record.")
  @Nullable String record;

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  /** Creates the command (picocli instantiates it). */
  public LintCommand() {}

  @Override
  public Integer call() {
    throw new UsageException("lint is not available yet");
  }
}
