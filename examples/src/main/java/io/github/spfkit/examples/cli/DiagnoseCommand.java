package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.diagnosis.BounceDiagnoser;
import io.github.spfkit.diagnosis.Cause;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.diagnosis.RequestFacts;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.NoticeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spf diagnose FILE|-}: reads a bounce and reports, top to bottom, what it says, what DNS
 * says now, the cause, the steps, and a proposed record that was verified before it is shown.
 * Exits 0 when it diagnosed the bounce (also when the bounce is not about SPF, and when this
 * machine's DNS gave no answer at all: then standard error says what was asked and how to fix it);
 * 2 when the file cannot be read or is not a bounce at all.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Explains an SPF bounce: cause, steps, and a verified record to publish.",
    description = {
      "Reads a bounce (an .eml file, a whole message, or pasted SMTP reply lines) and",
      "checks the sender's SPF in DNS now to find the cause. With --zone the analysis",
      "runs on the zone files alone, with no network. --sender, --ip and --helo supply",
      "what a pasted reply lacks; they win over what the bounce says."
    })
public final class DiagnoseCommand implements Callable<Integer> {

  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(paramLabel = "FILE|-", description = "The bounce message, or - for standard input.")
  String file = "";

  @Option(
      names = "--lang",
      paramLabel = "en|id",
      converter = LanguageConverter.class,
      description = "Language of the report: en (default) or id.")
  Language language = Language.EN;

  @Option(names = "--json", description = "Write one JSON object.")
  boolean json;

  @Option(
      names = "--sender",
      paramLabel = "ADDRESS|DOMAIN",
      description = "The envelope sender (MAIL FROM) of the bounced message; wins over the bounce.")
  @Nullable String sender;

  @Option(
      names = "--ip",
      paramLabel = "IP",
      description = "The client IP the receiver checked; wins over the bounce.")
  @Nullable String ip;

  @Option(
      names = "--helo",
      paramLabel = "NAME",
      description = "The HELO/EHLO name the client gave; wins over the bounce.")
  @Nullable String helo;

  /** Creates the command (picocli instantiates it). */
  public DiagnoseCommand() {}

  @Override
  public Integer call() {
    Console console = Objects.requireNonNull(parent, "parent").console();
    DnsLookup lookup = dns.open();
    BounceDiagnoser diagnoser =
        BounceDiagnoser.builder().dns(lookup).limits(Limits.RFC).locale(language.locale()).build();
    Diagnosis diagnosis = diagnose(diagnoser, console);
    if (!isBounce(diagnosis.facts())) {
      throw new UsageException(UsageException.Code.NOT_A_BOUNCE,
          (file.equals("-") ? "standard input" : file)
              + " is not a bounce: " + notBounce(diagnosis.facts().kind()));
    }
    if (diagnosis.cause() == Cause.DNS_UNAVAILABLE) {
      // the diagnosis is made and printed, but say plainly that it is this machine's DNS
      console.err().println(
          "spf diagnose: no DNS answer could be had from " + dns.describe()
              + ", so the sender's SPF was not checked. Give a working server with --dns HOST[:PORT],"
              + " or answer from zone files with --zone FILE.");
    }
    PrintWriter out = console.out();
    if (json) {
      out.println(Json.pretty(DiagnoseOutput.document(diagnosis, ClientName.of(diagnosis.ip(), diagnosis.facts(), lookup))));
    } else {
      DiagnoseOutput.text(diagnosis, language, Limits.RFC).forEach(line -> out.println(Texts.printable(line)));
    }
    return SpfCommand.EXIT_OK;
  }

  private RequestFacts request() {
    RequestFacts request = RequestFacts.NONE;
    try {
      if (sender != null) {
        request = request.withSender(sender);
      }
      if (helo != null) {
        request = request.withHelo(helo);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    if (ip != null) {
      String text = ip;
      request = request.withIp(
          IpAddress.parse(text.strip()).orElseThrow(() -> new UsageException("--ip: not an IP address: " + text)));
    }
    return request;
  }

  private Diagnosis diagnose(BounceDiagnoser diagnoser, Console console) {
    RequestFacts request = request();
    if (file.equals("-")) {
      return diagnoser.diagnose(console.in(), request);
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + file + ": is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return diagnoser.diagnose(in, request);
    } catch (NoSuchFileException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + file + ": " + e.getMessage());
    }
  }

  // A bounce states a reply or a delivery status somewhere; a feedback report is SPF evidence too.
  /** Which kind of message, not a bounce, the input is, in words. */
  static String notBounce(NoticeKind kind) {
    return switch (kind) {
      case AUTO_REPLY -> "it is an automatic reply (such as a vacation notice)";
      case DELIVERY_SUCCESS -> "it reports a successful delivery";
      default -> "it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)";
    };
  }

  static boolean isBounce(BounceFacts facts) {
    return facts.reportsFailedDelivery();
  }
}
