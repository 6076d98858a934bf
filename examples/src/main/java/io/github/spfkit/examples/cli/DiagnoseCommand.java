package io.github.spfkit.examples.cli;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.BounceDiagnoser;
import io.github.spfkit.diagnosis.Cause;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.diagnosis.RequestFacts;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.NoticeKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code spf diagnose INPUT...}: reads bounces and says, for each, why it bounced and what to do.
 * One message (a file, or {@code -} for standard input) gets the report a person reads top to
 * bottom, or one JSON document; several (several files, a directory, an mbox file, a Maildir) get
 * a summary table (counts by category and cause, then one line per message) or JSON Lines, one
 * record per message. All live checks of a run share one DNS cache, so a sender domain is looked
 * up once. Exits 0 when every message was read (also when a bounce is not about SPF, and when this
 * machine's DNS gave no answer at all: then standard error says what was asked and how to fix it);
 * 1 when some message of several could not be read (the rest are still diagnosed); 2 when the one
 * input cannot be read or is not a bounce at all.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Explains bounces: cause, fix, and a verified record to publish.",
    description = {
      "Reads a bounce (an .eml file, a whole message, or pasted SMTP reply lines) and",
      "checks the sender's SPF in DNS now to find the cause. With --zone the analysis",
      "runs on the zone files alone, with no network. --sender, --ip and --helo supply",
      "what a pasted reply lacks; they win over what the bounce says.",
      "Several files, a directory, an mbox file or a Maildir give a summary table",
      "(or with --json one JSON Lines record per message)."
    })
public final class DiagnoseCommand implements Callable<Integer> {
  private static final int MAX_MESSAGE_BYTES = (int) BounceDiagnoser.DEFAULT_MAX_INPUT_BYTES;
  private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

  @ParentCommand @Nullable SpfCommand parent;

  @Mixin DnsOptions dns = new DnsOptions();

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "A bounce file, a directory, an mbox file, a Maildir, or - for standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--lang",
      paramLabel = "en|id",
      converter = LanguageConverter.class,
      description = "Language of the report: en (default) or id.")
  Language language = Language.EN;

  @Option(names = "--json", description = "Write JSON: one document, or JSON Lines for several messages.")
  boolean json;

  @Option(
      names = "--summary",
      description = "With --json and several messages: write only the summary document.")
  boolean summary;

  @Option(
      names = "--verbose",
      description = "Add the stable codes of the cause, the category, each fact and each step.")
  boolean verbose;

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
    RequestFacts request = request();
    // one cache for the whole run: every message's live checks share it (see DnsOptions.open)
    DnsLookup lookup = dns.open();
    BounceDiagnoser diagnoser =
        BounceDiagnoser.builder().dns(lookup).limits(Limits.RFC).locale(language.locale()).build();
    InputStream stdin = new BufferedInputStream(console.in(), 64 * 1024);
    String only = inputs.get(0);
    if (inputs.size() == 1 && !(only.equals("-") ? Mailbox.isMbox(stdin) : Mailbox.isMailbox(only))) {
      return one(console, stdin, diagnoser, lookup, request, only);
    }
    return many(console, stdin, diagnoser, lookup, request);
  }

  private int one(Console console, InputStream stdin, BounceDiagnoser diagnoser, DnsLookup lookup,
      RequestFacts request, String file) {
    Diagnosis diagnosis = diagnose(diagnoser, stdin, request, file);
    if (!isBounce(diagnosis.facts())) {
      throw new UsageException(UsageException.Code.NOT_A_BOUNCE,
          (file.equals("-") ? "standard input" : file) + " is not a bounce: " + notBounce(diagnosis.facts().kind()));
    }
    if (diagnosis.cause() == Cause.DNS_UNAVAILABLE) {
      warnDnsUnavailable(console);
    }
    PrintWriter out = console.out();
    ClientName name = ClientName.of(diagnosis.ip(), diagnosis.facts(), lookup);
    if (json) {
      out.println(Json.pretty(DiagnoseOutput.document(diagnosis, name)));
    } else {
      DiagnoseOutput.text(diagnosis, name, language, verbose).forEach(line -> out.println(Texts.printable(line)));
    }
    return SpfCommand.EXIT_OK;
  }

  private int many(Console console, InputStream stdin, BounceDiagnoser diagnoser, DnsLookup lookup,
      RequestFacts request) {
    PrintWriter out = console.out();
    MailboxSummary table = new MailboxSummary();
    Mailbox mailbox = new Mailbox(MAX_MESSAGE_BYTES);
    Progress progress = new Progress(console);
    boolean[] dnsUnavailable = {false};
    mailbox.read(inputs, stdin, item -> {
      Map<String, @Nullable Object> record = Json.document();
      record.put("file", item.file());
      record.put("index", item.index());
      if (item instanceof Mailbox.Unreadable unreadable) {
        record.put("error", Json.error("unreadable-input", "cannot read: " + unreadable.reason()));
        table.unreadable(item.file(), item.index(), unreadable.reason());
      } else if (item instanceof Mailbox.Message message) {
        Diagnosis diagnosis = diagnoser.diagnose(message.bytes(), request);
        if (!isBounce(diagnosis.facts())) {
          String reason = notBounce(diagnosis.facts().kind());
          record.put("error", Json.error("not-a-bounce", "not a bounce: " + reason));
          table.notABounce(item.file(), item.index(), reason);
        } else {
          dnsUnavailable[0] |= diagnosis.cause() == Cause.DNS_UNAVAILABLE;
          record.putAll(DiagnoseOutput.fields(diagnosis, ClientName.of(diagnosis.ip(), diagnosis.facts(), lookup)));
          table.diagnosed(item.file(), item.index(), diagnosis);
        }
      }
      if (json && !summary) {
        out.println(Json.line(record));
      }
      progress.message();
    });
    progress.finish();
    if (json && summary) {
      out.println(Json.pretty(table.document(mailbox.skipped())));
    } else if (!json) {
      table.text(language, mailbox.skipped()).forEach(line -> out.println(Texts.printable(line)));
    }
    out.flush();
    if (dnsUnavailable[0]) {
      warnDnsUnavailable(console);
    }
    return table.unreadable() == 0 ? SpfCommand.EXIT_OK : SpfCommand.EXIT_SOME_FAILED;
  }

  private void warnDnsUnavailable(Console console) {
    // the diagnosis is made and printed, but say plainly that it is this machine's DNS
    console.err().println(
        "spf diagnose: no DNS answer could be had from " + dns.describe()
            + ", so the sender's SPF was not checked. Give a working server with --dns HOST[:PORT],"
            + " or answer from zone files with --zone FILE.");
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

  private static Diagnosis diagnose(BounceDiagnoser diagnoser, InputStream stdin, RequestFacts request, String file) {
    if (file.equals("-")) {
      return diagnoser.diagnose(stdin, request);
    }
    Path path = Path.of(file);
    try (InputStream in = Files.newInputStream(path)) {
      return diagnoser.diagnose(in, request);
    } catch (NoSuchFileException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(UsageException.Code.UNREADABLE_INPUT, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Which kind of message, not a bounce, the input is, in words. */
  static String notBounce(NoticeKind kind) {
    return switch (kind) {
      case AUTO_REPLY -> "it is an automatic reply (such as a vacation notice)";
      case DELIVERY_SUCCESS -> "it reports a successful delivery";
      default -> "it reports no failed or delayed delivery (no SMTP reply, delivery status or failure notice)";
    };
  }

  // A bounce states a reply or a delivery status somewhere; a feedback report is SPF evidence too.
  static boolean isBounce(BounceFacts facts) {
    return facts.reportsFailedDelivery();
  }

  /** A count of messages on a terminal's standard error, redrawn at most four times a second. */
  private static final class Progress {
    private final Console console;
    private int messages;
    private long lastDrawn;
    private boolean drawn;

    Progress(Console console) {
      this.console = console;
    }

    void message() {
      messages++;
      if (!console.errIsTerminal()) {
        return;
      }
      long now = System.nanoTime();
      if (!drawn || now - lastDrawn >= PROGRESS_EVERY_NANOS) {
        drawn = true;
        lastDrawn = now;
        console.err().print("\rspf diagnose: " + Texts.count(messages, "message") + " read");
        console.err().flush();
      }
    }

    void finish() {
      if (drawn) {
        console.err().println("\rspf diagnose: " + Texts.count(messages, "message") + " read");
        console.err().flush();
      }
    }
  }
}
