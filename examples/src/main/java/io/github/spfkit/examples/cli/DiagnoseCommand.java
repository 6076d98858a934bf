package io.github.spfkit.examples.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code spf diagnose}: draft, wired when spf-diagnosis lands. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, description = "Diagnoses a bounce.")
public final class DiagnoseCommand implements Callable<Integer> {
  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(paramLabel = "FILE|-", description = "The bounce message, or - for standard input.")
  String file = "";

  @Option(names = "--lang", paramLabel = "en|id", description = "Language of the report.")
  String lang = "en";

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  /** Creates the command (picocli instantiates it). */
  public DiagnoseCommand() {}

  @Override
  public Integer call() {
    throw new UsageException("diagnose is not available yet");
  }
}
