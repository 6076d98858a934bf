package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.diagnosis.lint.LintReport;
import io.github.spfkit.diagnosis.lint.SpfLinter;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spf lint DOMAIN}: the domain's whole SPF tree with the DNS-querying terms each node
 * counts, then the findings. Exits 0 whatever it finds; 2 for bad usage or unusable DNS options.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Lints a domain's SPF tree: lookups per include, then the findings.",
    description = {
      "Draws DOMAIN's SPF tree with the DNS-querying terms each node counts, then",
      "lists what is wrong or fragile (lookup limits, void lookups, syntax, +all, ...)."
    })
public final class LintCommand implements Callable<Integer> {

  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(paramLabel = "DOMAIN", description = "The domain whose SPF tree to lint.")
  String domain = "";

  @Option(
      names = "--record",
      paramLabel = "TEXT",
      description = "What if: lint TEXT as DOMAIN's record (its includes still come from DNS).")
  @Nullable String record;

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  /** Creates the command (picocli instantiates it). */
  public LintCommand() {}

  @Override
  public Integer call() {
    Console console = Objects.requireNonNull(parent, "parent").console();
    String name = domain.strip();
    if (name.isEmpty()) {
      throw new UsageException("DOMAIN must not be empty");
    }
    SpfLinter linter = SpfLinter.builder().dns(dns.open()).limits(Limits.RFC).build();
    LintReport report = record == null ? linter.lint(name) : linter.lint(name, record);
    PrintWriter out = console.out();
    if (json) {
      out.println(Json.pretty(LintOutput.json(report)));
    } else {
      LintOutput.text(report, Limits.RFC).forEach(line -> out.println(Texts.printable(line)));
    }
    return SpfCommand.EXIT_OK;
  }
}
