package io.github.spfkit.diagnosis.bounce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One reading of one bounce: the {@link MimeWalker} yields the {@link Notice}, the {@link
 * Dialects} read it, and the facts are put together from their readings, the delivery-status
 * fields and the returned message. Stateless apart from the notes it is given; {@link
 * BounceReader} makes one per input.
 */
final class BounceParser {
  /** Characters of the human-readable text kept in the facts. */
  private static final int MAX_HUMAN_CHARS = 8 * 1024;

  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final Pattern EXPANDED =
      Pattern.compile("\\(expanded from:?\\s*<?([^>)\\s]+)>?\\)", F);
  private static final Pattern ENVELOPE_FROM =
      Pattern.compile("envelope-from\\s+<?([^<>\\s;)]+@[^<>\\s;)]+)>?", F);
  private static final Pattern RECEIVED_FOR = Pattern.compile("\\bfor <?([^<>\\s;]+@[^<>\\s;]+?)>?\\s*;", F);
  private static final Pattern ADDRESS = Pattern.compile("<?([^<>\\s\"]+@[^<>\\s\"]+?)>?(?:\\s|$)");

  private final byte[] data;
  private final List<ReadingNote> unreadable;

  BounceParser(byte[] data, List<ReadingNote> unreadable) {
    this.data = data;
    this.unreadable = new ArrayList<>(unreadable);
  }

  BounceFacts parse() {
    try {
      if (unreadable.stream().anyMatch(n -> n.code() == ReadingNote.Code.TOO_LARGE
          || n.code() == ReadingNote.Code.TOO_LARGE_STREAM)) {
        unreadable.add(ReadingNote.of(ReadingNote.Code.CUT_IN, MimeWalker.partAtTheEnd(data)));
      }
      return read();
    } catch (RuntimeException | StackOverflowError e) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.READ_FAILED, e.getClass().getSimpleName()));
      return new BounceFacts(
          BounceFormat.UNREADABLE, null, null, null, null, null, null, null, List.of(), List.of(),
          null, null, null, null, null, null, null, List.of(), null, List.of(), "", unreadable,
          NoticeKind.ORDINARY_MAIL, null);
    }
  }

  private BounceFacts read() {
    String trimmed = MimeWalker.decode(data, StandardCharsets.UTF_8).stripLeading();
    if (trimmed.isEmpty()) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.EMPTY));
      HeaderBlock none = HeaderBlock.of(List.of());
      return facts(BounceFormat.UNREADABLE, new Notice(none, "", "", "", List.of(), null, null));
    }
    if (Replies.isReplyLine(trimmed.lines().findFirst().orElse(""))) {
      return replyOnly(trimmed);
    }
    Notice notice = MimeWalker.walk(data, unreadable);
    return facts(format(notice), notice);
  }

  private BounceFacts replyOnly(String text) {
    Replies.Reply reply = Replies.parse(text);
    Statements said = Statements.of(reply.text());
    String domain = said.domain;
    return new BounceFacts(
        BounceFormat.SMTP_REPLY,
        reply.basic(),
        remoteEnhanced(reply),
        null,
        reply.text(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        domain,
        said.ip,
        said.helo,
        said.scope,
        null,
        null,
        List.of(),
        null,
        List.of(),
        cap(Replies.unfold(text)),
        unreadable,
        NoticeKind.FAILED_DELIVERY,
        "smtp-reply");
  }

  /** The format the notice's marks tell, by the first dialect that recognizes them. */
  private static BounceFormat format(Notice notice) {
    for (Dialect dialect : Dialects.BY_MARKS) {
      BounceFormat format = dialect.format(notice);
      if (format != null) {
        return format;
      }
    }
    String n = notice.fullText().isEmpty() ? notice.html() : notice.fullText();
    return n.isBlank() ? BounceFormat.UNREADABLE : BounceFormat.PLAIN_TEXT;
  }

  private BounceFacts facts(BounceFormat format, Notice notice) {
    String text = notice.text();
    HeaderBlock message = notice.dsn().isEmpty() ? HeaderBlock.of(List.of()) : notice.dsn().get(0);
    HeaderBlock recipient = notice.recipientBlock();

    // each field from the first dialect that reads it
    Replies.Reply reply = null;
    String rejectingHost = null;
    String rejectingIp = null;
    String reportingMta = null;
    List<String> finals = List.of();
    String stated = null;
    String dialect = null;
    String anyDialect = null;
    for (Dialect d : Dialects.ALL) {
      Reading r = d.read(notice);
      if (r == null || r.isEmpty()) {
        continue;
      }
      anyDialect = anyDialect == null ? d.name() : anyDialect;
      if (reply == null && r.reply() != null) {
        reply = r.reply();
        dialect = d.name();
      }
      if (rejectingHost == null && rejectingIp == null) {
        rejectingHost = r.rejectingHost();
        rejectingIp = r.rejectingIp();
      }
      reportingMta = reportingMta == null ? r.reportingMta() : reportingMta;
      finals = finals.isEmpty() ? r.recipients() : finals;
      stated = stated == null ? r.envelopeSender() : stated;
    }
    if (format == BounceFormat.UNREADABLE) {
      dialect = null;
    } else if (dialect == null) {
      dialect = anyDialect;
    }
    // the structured part decides over any text
    String remoteMta = recipient == null ? null : recipient.first("Remote-MTA");
    if (remoteMta != null && !HeaderBlock.untyped(remoteMta).isEmpty()) {
      rejectingHost = HeaderBlock.untyped(remoteMta);
    }
    if (reportingMta == null) {
      reportingMta = mailSystemSender(notice.top());
    }

    // the report's own fields
    String reportStatus = recipient == null ? null : recipient.first("Status");
    List<String> originals = new ArrayList<>();
    List<String> actuals = new ArrayList<>();
    for (HeaderBlock block : notice.dsn()) {
      addUntyped(originals, block.first("Original-Recipient"));
      addUntyped(actuals, block.first("X-Actual-Recipient"));
    }

    // what the reply states
    String replyText = reply == null ? null : reply.text();
    String clientIp = notice.arf() == null ? null : Statements.ip(notice.arf().first("Source-IP"));
    Statements said = Statements.of(replyText);
    if (said.domain == null && said.ip == null && Sendmail.transcript(text) == null
        && Rfc3464.diagnostic(notice) != null) {
      said = Statements.of(Replies.unfold(text));
    }
    if (said.ip != null) {
      clientIp = said.ip;
    }

    // the returned message
    HeaderBlock copy = notice.returned();
    String authResults = null;
    String receivedSpf = null;
    String fromDomain = null;
    String envelope = stated;
    if (copy != null) {
      authResults = copy.first("Authentication-Results");
      receivedSpf = copy.first("Received-SPF");
      fromDomain = Statements.domainOf(address(copy.first("From")));
      if (envelope == null) {
        envelope = address(copy.first("Return-Path"));
      }
    }
    if (envelope == null && copy != null) {
      for (String received : copy.all("Received")) {
        Matcher e = ENVELOPE_FROM.matcher(received);
        if (e.find()) {
          envelope = e.group(1);
          break;
        }
      }
    }
    String senderDomain = said.domain != null ? said.domain : Statements.domainOf(envelope);

    List<ForwardingSign> forwarding = forwarding(text, finals, originals, actuals, copy);

    String statusCode = reply == null ? null : remoteEnhanced(reply);
    if (statusCode == null) {
      statusCode = Replies.status(reportStatus);
    }
    return new BounceFacts(
        format,
        reply == null ? null : reply.basic(),
        statusCode,
        reportStatus,
        replyText,
        rejectingHost,
        rejectingIp,
        reportingMta,
        finals,
        originals,
        envelope,
        senderDomain,
        clientIp,
        said.helo,
        said.scope,
        authResults,
        receivedSpf,
        forwarding,
        fromDomain,
        copy == null ? List.of() : ReceivedHop.of(copy.all("Received")),
        cap(text.strip()),
        unreadable,
        format == BounceFormat.UNREADABLE
            ? NoticeKind.ORDINARY_MAIL
            : NoticeKinds.of(
                notice.top(), notice.dsn(), format,
                replyText != null || statusCode != null || reportStatus != null, text),
        dialect);
  }

  /** The domain of a mail-system sender ({@code MAILER-DAEMON@x}, {@code postmaster@x}), or {@code null}. */
  private static @Nullable String mailSystemSender(HeaderBlock top) {
    String from = address(top.first("From"));
    if (from != null) {
      String local = lower(from.substring(0, from.lastIndexOf('@')));
      if (local.equals("mailer-daemon") || local.equals("postmaster")) {
        return Statements.domainOf(from);
      }
    }
    return null;
  }

  private static List<ForwardingSign> forwarding(
      String notice,
      List<String> finals,
      List<String> originals,
      List<String> actuals,
      @Nullable HeaderBlock copy) {
    Set<ForwardingSign> out = new LinkedHashSet<>();
    Matcher m = EXPANDED.matcher(notice);
    while (m.find() && out.size() < 10) {
      out.add(new ForwardingSign("expanded", List.of(m.group(1))));
    }
    Set<String> known = new LinkedHashSet<>();
    for (String f : finals) {
      known.add(lower(f));
    }
    for (String o : originals) {
      if (!known.contains(lower(o))) {
        out.add(new ForwardingSign("original-recipient", List.of(o, String.join(", ", finals))));
      }
    }
    for (String a : actuals) {
      if (!finals.isEmpty() && !known.contains(lower(a))) {
        out.add(new ForwardingSign("delivered-on", List.of(String.join(", ", finals), a)));
      }
    }
    for (String o : originals) {
      known.add(lower(o));
    }
    for (String a : actuals) {
      known.add(lower(a));
    }
    if (copy != null && !known.isEmpty()) {
      for (String deliveredTo : copy.all("Delivered-To")) {
        String address = address(deliveredTo);
        if (address != null && !known.contains(lower(address))) {
          out.add(new ForwardingSign("delivered-to", List.of(address)));
          break;
        }
      }
      for (String received : copy.all("Received")) {
        Matcher r = RECEIVED_FOR.matcher(received);
        if (r.find()) {
          String address = r.group(1);
          if (!known.contains(lower(address))) {
            out.add(new ForwardingSign("received-for", List.of(address, String.join(", ", finals))));
            break;
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The enhanced code of the server that really rejected: after Exchange's "->", if any. */
  private static @Nullable String remoteEnhanced(Replies.Reply reply) {
    String text = reply.text();
    int arrow = text.lastIndexOf("->");
    if (arrow >= 0) {
      Replies.Reply remote = Replies.parse(text.substring(arrow + 2));
      if (remote.enhanced() != null) {
        return remote.enhanced();
      }
    }
    return reply.enhanced();
  }

  static void addUntyped(List<String> out, @Nullable String value) {
    if (value == null) {
      return;
    }
    String v = HeaderBlock.untyped(value);
    if (!v.isEmpty() && v.indexOf('@') > 0 && !out.contains(v)) {
      out.add(v);
    }
  }

  /** The address in a header value such as {@code "Name" <a@b>} or {@code a@b (comment)}. */
  static @Nullable String address(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.length() > 1000 ? value.substring(0, 1000).trim() : value.trim();
    int lt = v.lastIndexOf('<');
    int gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
      String inner = v.substring(lt + 1, gt).trim();
      return inner.indexOf('@') > 0 ? inner : null;
    }
    Matcher m = ADDRESS.matcher(v);
    return m.find() ? m.group(1) : null;
  }

  private static String cap(String text) {
    return text.length() <= MAX_HUMAN_CHARS ? text : text.substring(0, MAX_HUMAN_CHARS);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
