package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Check;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.net.IpAddress;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spf check}: one SPF check from the command line, or many from JSON Lines with {@code
 * --batch}. Exits 0 whatever the SPF result; 1 when some batch lines could not be checked; 2 for
 * bad usage or unreadable input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Checks an IP address against a domain's SPF policy.",
    description = {
      "Checks whether IP may send mail for the sender's domain (MAIL FROM identity),",
      "or with --helo alone for the HELO name (HELO identity). An empty --sender is",
      "the null sender, checked as postmaster@ the HELO name.",
      "With --batch, reads JSON Lines {\"id\":..,\"ip\":..,\"sender\":..,\"helo\":..} and",
      "writes one JSON object per line, in the same order, then \"N lines, M errors\"",
      "on standard error; exit status 1 when some line could not be checked."
    })
public final class CheckCommand implements Callable<Integer> {

  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Option(names = "--ip", paramLabel = "IP", description = "The client's IP address.")
  @Nullable String ip;

  @Option(
      names = "--sender",
      paramLabel = "ADDRESS",
      description = "The MAIL FROM address; empty for the null sender <>.")
  @Nullable String sender;

  @Option(names = "--helo", paramLabel = "NAME", description = "The HELO/EHLO name.")
  @Nullable String helo;

  @Option(
      names = "--receiver",
      paramLabel = "NAME",
      description = "The receiving host's name, for Received-SPF's receiver= and %%{r}.")
  @Nullable String receiver;

  @Option(
      names = "--record",
      paramLabel = "TEXT",
      description = "What if: evaluate TEXT as the checked domain's SPF record.")
  @Nullable String record;

  @Option(
      names = "--default-explanation",
      paramLabel = "TEXT",
      description = "The explanation for fail when the policy gives none (macros expand).")
  @Nullable String defaultExplanation;

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  @Option(names = "--trace", description = "Add the evaluation as a tree.")
  boolean trace;

  @Option(
      names = "--batch",
      paramLabel = "FILE|-",
      description = "Check every line of FILE (or standard input) as JSON Lines.")
  @Nullable String batch;

  /** Creates the command (picocli instantiates it). */
  public CheckCommand() {}

  @Override
  public Integer call() {
    Console console = Objects.requireNonNull(parent, "parent").console();
    String batchSource = batch;
    if (batchSource != null) {
      if (ip != null || sender != null || helo != null) {
        throw new UsageException("--batch takes the IP, sender and HELO name from each line");
      }
      SpfChecker checker = checker(dns.open());
      BatchCheck.Outcome outcome = new BatchCheck(checker, record, trace, Limits.RFC).run(batchSource, console);
      return outcome.errors() == 0 ? SpfCommand.EXIT_OK : SpfCommand.EXIT_SOME_FAILED;
    }
    String address = ip;
    if (address == null) {
      throw new UsageException("missing --ip (or use --batch)");
    }
    if (sender == null && helo == null) {
      throw new UsageException("give --sender ADDRESS, --helo NAME, or both");
    }
    if (sender != null && BatchCheck.isNullSender(sender) && helo == null) {
      throw new UsageException("the null sender is checked as postmaster@HELO: add --helo NAME");
    }
    IpAddress client =
        IpAddress.parse(address.strip())
            .orElseThrow(() -> new UsageException("not an IP address: '" + address + "'"));
    Check check = checker(dns.open()).check().ip(client);
    if (sender != null) {
      check.mailFrom(sender);
    }
    if (helo != null) {
      check.helo(helo);
    }
    if (record != null) {
      check.policy(record);
    }
    SpfResult result;
    try {
      result = check.evaluate();
    } catch (IllegalStateException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    print(console.out(), result);
    return SpfCommand.EXIT_OK;
  }

  private void print(PrintWriter out, SpfResult result) {
    if (json) {
      out.println(Json.pretty(CheckOutput.document(result, trace, Limits.RFC)));
      return;
    }
    CheckOutput.text(result, Limits.RFC).forEach(line -> out.println(Texts.printable(line)));
    if (trace) {
      out.println();
      out.println("Trace:");
      result.trace().lines().forEach(line -> out.println(Texts.printable(line)));
    }
  }

  private SpfChecker checker(DnsLookup lookup) {
    SpfChecker.Builder builder = SpfChecker.builder().dns(lookup).limits(Limits.RFC);
    if (defaultExplanation != null) {
      builder.defaultExplanation(defaultExplanation);
    }
    if (receiver != null) {
      try {
        builder.receiver(receiver.strip());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--receiver: " + e.getMessage());
      }
    }
    return builder.build();
  }
}
