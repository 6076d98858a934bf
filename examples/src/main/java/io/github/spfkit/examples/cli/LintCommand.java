package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.SpfLinter;
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
 * counts, every counted term with its queries for IPv4 and IPv6 senders, the void lookups of each
 * family, then the findings. Exits 0 whatever it finds; 2 for bad usage or unusable DNS options
 * (with {@code --json}, the error as JSON on standard output).
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Lints a domain's SPF tree: lookups per include and per address family, then the findings.",
    description = {
      "Draws DOMAIN's SPF tree with the DNS-querying terms each node counts, lists every",
      "counted term with its queries for IPv4 and IPv6 senders and the rule that counts it,",
      "then what is wrong or fragile (lookup limits, void lookups, syntax, +all, ...)."
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
    PrintWriter out = console.out();
    String name = domain.strip();
    try {
      if (name.isEmpty()) {
        throw new UsageException("DOMAIN must not be empty");
      }
      SpfLinter linter = SpfLinter.builder().dns(dns.open()).limits(Limits.RFC).build();
      LintReport report = record == null ? linter.lint(name) : linter.lint(name, record);
      if (json) {
        out.println(Json.pretty(LintOutput.json(report)));
      } else {
        LintOutput.text(report).forEach(line -> out.println(Texts.printable(line)));
      }
      return SpfCommand.EXIT_OK;
    } catch (UsageException e) {
      if (!json) {
        throw e;
      }
      out.println(Json.pretty(LintOutput.error("usage", SpfCommand.oneLine(e.getMessage()))));
      return SpfCommand.EXIT_USAGE;
    }
  }
}
