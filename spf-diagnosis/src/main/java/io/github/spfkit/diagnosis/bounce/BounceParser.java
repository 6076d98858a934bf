package io.github.spfkit.diagnosis.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jspecify.annotations.Nullable;

/** One reading of one bounce. Not thread safe; {@link BounceReader} makes one per input. */
final class BounceParser {
  /** MIME nesting followed at most. */
  private static final int MAX_DEPTH = 16;
  /** Characters kept of one text part. */
  private static final int MAX_PART_CHARS = 512 * 1024;
  /** Characters of the human-readable text kept in the facts. */
  private static final int MAX_HUMAN_CHARS = 8 * 1024;

  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final String END = "(?=\\n[ \\t]*\\n|\\n---|\\n--[^\\s-]|\\z)";

  /** Where the returned message's headers start inside a human-readable part. */
  private static final Pattern EMBEDDED =
      Pattern.compile(
          "^[ \\t]*(?:Original message headers:|-+ ?Below this line is a copy of the message\\.?"
              + "|-+ ?Enclosed is a copy of the message\\.?|Message headers follow\\.?"
              + "|-+ This is a copy of the message.{0,40}-+|-+ Original message -+"
              + "|-+ ?The original message headers.{0,20}|Below is a copy of the original message.{0,20})[ \\t]*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private static final Pattern EXCHANGE_REMOTE =
      Pattern.compile("Remote Server\\s+returned\\s+'(.{1,4000}?)'\\s*(?:\\n|\\z)", FD);
  private static final Pattern EXCHANGE_GAVE =
      Pattern.compile("^[ \\t]*(\\S+) gave this error:\\s*\\n(.+?)" + END, FD | Pattern.MULTILINE);
  private static final Pattern POSTFIX_SAID =
      Pattern.compile("host (\\S+?)\\[([^\\]]*)\\] said:\\s*(.+?)" + END, FD);
  private static final Pattern QMAIL_SAID =
      Pattern.compile("Remote host said:\\s*(.+?)" + END, FD);
  private static final Pattern QMAIL_HOST =
      Pattern.compile(
          "(?:^|\\s)(\\S+) (?:failed after I sent the message|does not like recipient)", F);
  private static final Pattern DMA =
      Pattern.compile(
          "^(\\S+) \\[([^\\]]*)\\] did not like our [^:\\n]+:\\s*\\n(.+?)" + END,
          FD | Pattern.MULTILINE);
  private static final Pattern EXIM =
      Pattern.compile(
          "SMTP error from remote (?:mail )?server (?:after|for) (?:[A-Z ]+:<[^>]*>(?: SIZE=\\d+)?|end of data|[A-Za-z ]+?):"
              + "\\s*(?:host\\s+(\\S+)\\s+\\[([^\\]]*)\\]:?\\s*)?(.+?)"
              + END,
          FD);
  /** Exim names the host on the line before its "SMTP error" line. */
  private static final Pattern EXIM_HOST =
      Pattern.compile("^[ \\t]*host (\\S{1,253}) \\[([^\\]\\n]{0,64})\\][ \\t]*\\n[ \\t]*SMTP error from remote", Pattern.MULTILINE);
  private static final Pattern REASON = Pattern.compile("^[ \\t]*Reason:\\s*(.+?)" + END, FD | Pattern.MULTILINE);
  private static final Pattern TALKING = Pattern.compile("while talking to ([^\\s:]+?)\\.?:", F);
  private static final Pattern MAIL_SYSTEM = Pattern.compile("mail system at host ([^\\s]+?)\\.?\\s", F);
  private static final Pattern QMAIL_AT = Pattern.compile("qmail-send program at ([^\\s]+?)\\.?\\s", F);
  private static final Pattern DMA_AT = Pattern.compile("DragonFly Mail Agent[^\\n]*? at ([^\\s]+?)\\.?\\s", F);
  private static final Pattern GENERATING = Pattern.compile("Generating server:\\s*(\\S+)", F);
  private static final Pattern EXPANDED =
      Pattern.compile("\\(expanded from:?\\s*<?([^>)\\s]+)>?\\)", F);
  private static final Pattern ANGLE_RCPT =
      Pattern.compile("^[ \\t]*<([^<>\\s@]+@[^<>\\s]+)>(?::|\\s*\\(|\\s*$)", Pattern.MULTILINE);
  private static final Pattern DELIVERING_TO =
      Pattern.compile("(?:delivering your mail to|delivered to the following recipients?:?)\\s*<?([^<>\\s@]+@[^<>\\s.]+(?:\\.[^<>\\s.]+)+)", F);
  private static final Pattern ENVELOPE_FROM =
      Pattern.compile("envelope-from\\s+<?([^<>\\s;)]+@[^<>\\s;)]+)>?", F);
  private static final Pattern QMAIL_FROM = Pattern.compile("^From: <([^<>\\s]+@[^<>\\s]+)> RCPT:", Pattern.MULTILINE);
  private static final Pattern RECEIVED_FOR = Pattern.compile("\\bfor <?([^<>\\s;]+@[^<>\\s;]+?)>?\\s*;", F);
  private static final Pattern ADDRESS = Pattern.compile("<?([^<>\\s\"]+@[^<>\\s\"]+?)>?(?:\\s|$)");

  private static final Pattern BOUNDARY_LINE =
      Pattern.compile("^--([!-~]{4,200}?)(?:--)?[ \\t]*$", Pattern.MULTILINE);

  private byte[] data;
  private final List<ReadingNote> unreadable;

  private HeaderBlock top = HeaderBlock.of(List.of());
  private final StringBuilder plain = new StringBuilder();
  private final StringBuilder html = new StringBuilder();
  private final List<HeaderBlock> dsn = new ArrayList<>();
  private @Nullable HeaderBlock arf;
  private @Nullable HeaderBlock returned;
  private boolean mime;

  BounceParser(byte[] data, List<ReadingNote> unreadable) {
    this.data = data;
    this.unreadable = new ArrayList<>(unreadable);
  }

  BounceFacts parse() {
    try {
      if (unreadable.stream().anyMatch(n -> n.code() == ReadingNote.Code.TOO_LARGE
          || n.code() == ReadingNote.Code.TOO_LARGE_STREAM)) {
        unreadable.add(ReadingNote.of(ReadingNote.Code.CUT_IN, partAtTheEnd(data)));
      }
      return read();
    } catch (RuntimeException | StackOverflowError e) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.READ_FAILED, e.getClass().getSimpleName()));
      return new BounceFacts(
          BounceFormat.UNREADABLE, null, null, null, null, null, null, null, List.of(), List.of(),
          null, null, null, null, null, null, null, List.of(), null, List.of(), "", unreadable,
          NoticeKind.ORDINARY_MAIL);
    }
  }

  private static final Pattern PART_TYPE =
      Pattern.compile("^Content-Type:[ \\t]*([!-~&&[^;]]{1,100})", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /** The MIME type of the last part that starts before the end of a cut input. */
  private static String partAtTheEnd(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Matcher m = PART_TYPE.matcher(text);
    String type = "text/plain";
    while (m.find()) {
      type = lower(m.group(1));
    }
    return type;
  }

  private BounceFacts read() {
    String text = decode(data, StandardCharsets.UTF_8);
    String trimmed = text.stripLeading();
    if (trimmed.isEmpty()) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.EMPTY));
      return facts(BounceFormat.UNREADABLE, "");
    }
    String firstLine = trimmed.lines().findFirst().orElse("");
    if (Replies.isReplyLine(firstLine)) {
      return replyOnly(trimmed);
    }
    if (firstLine.matches("^(?:From |[!-9;-~]+:).*")) {
      readMime();
    }
    if (!mime) {
      plain.append(text);
    }
    String notice = plain.length() > 0 ? plain.toString() : html.toString();
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
        NoticeKind.FAILED_DELIVERY);
  }

  // ---------------------------------------------------------------- MIME

  private void readMime() {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(
        new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(10_000)
            .setMaxContentLen(-1)
            .build());
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    Message message;
    try {
      message = builder.parseMessage(new ByteArrayInputStream(data));
    } catch (IOException | RuntimeException e) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.MIME_UNREADABLE, e.getClass().getSimpleName()));
      return;
    }
    mime = true;
    top = headers(message);
    boolean multipart = message.getBody() instanceof Multipart mp && !mp.getBodyParts().isEmpty();
    if (!multipart) {
      byte[] repaired = repairBoundary();
      if (repaired != null) {
        // the declared boundary is missing or wrong: read again with the one the parts use
        data = repaired;
        try {
          message = builder.parseMessage(new ByteArrayInputStream(data));
          top = headers(message);
          unreadable.add(ReadingNote.of(ReadingNote.Code.BOUNDARY_REPAIRED));
        } catch (IOException | RuntimeException e) {
          // keep the first reading
        }
      }
    }
    walk(message, 0);
    if (message.getBody() instanceof Multipart mp && mp.getBodyParts().isEmpty()) {
      // a declared boundary that never appears: the body is the notice, read as plain text
      String text = decode(data, StandardCharsets.UTF_8).replaceAll("\r+\n", "\n");
      Matcher end = Pattern.compile("\n[ \t]*\n").matcher(text);
      if (end.find()) {
        plain.append(text, end.end(), text.length());
        unreadable.add(ReadingNote.of(ReadingNote.Code.BOUNDARY_NEVER_APPEARS));
      }
    }
  }

  /**
   * The input with its top-level Content-Type replaced by a multipart one using the boundary that
   * the body's delimiter lines actually use, or {@code null} when there is no such boundary.
   */
  private byte @Nullable [] repairBoundary() {
    String text = decode(data, StandardCharsets.ISO_8859_1).replaceAll("\r+\n", "\n");
    Matcher end = Pattern.compile("\n\\s*\n").matcher(text);
    if (!end.find()) {
      return null;
    }
    String head = text.substring(0, end.start());
    String body = text.substring(end.start());
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    Matcher m = BOUNDARY_LINE.matcher(body);
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
    }
    String best = null;
    int bestCount = 1;
    for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (best == null
        // a boundary declared inside the body is a quoted message's own, not the outer one's
        || Pattern.compile("boundary\\s*=\\s*\"?" + Pattern.quote(best) + "(?:\"|[\\s;]|$)",
                Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)
            .matcher(body)
            .find()
        || !Pattern.compile(
                "--" + Pattern.quote(best) + "\\n(?:[!-9;-~]+:.*\\n)*Content-Type:",
                Pattern.CASE_INSENSITIVE)
            .matcher(body)
            .find()) {
      return null;
    }
    String cleaned =
        head.replaceAll("(?im)^Content-Type:.*(?:\n[ \t].*)*\n?", "")
            .replaceAll("(?im)^Content-Transfer-Encoding:.*\n?", "");
    String header =
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + best + "\"";
    String fixed;
    if (cleaned.startsWith("From ")) {
      int nl = cleaned.indexOf('\n');
      fixed = cleaned.substring(0, nl + 1) + header + "\n" + cleaned.substring(nl + 1);
    } else {
      fixed = header + "\n" + cleaned;
    }
    if (!fixed.endsWith("\n")) {
      fixed = fixed + "\n";
    }
    return (fixed + body).getBytes(StandardCharsets.ISO_8859_1);
  }

  private void walk(Entity entity, int depth) {
    if (depth > MAX_DEPTH) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.TOO_DEEP, MAX_DEPTH));
      return;
    }
    Body body = entity.getBody();
    String type = lower(entity.getMimeType() == null ? "text/plain" : entity.getMimeType());
    if (body instanceof Multipart multipart) {
      for (Entity part : multipart.getBodyParts()) {
        walk(part, depth + 1);
      }
    } else if (body instanceof Message nested) {
      if (depth == 0) {
        walk(nested, depth + 1);
      } else if (returned == null) {
        returned = headers(nested);
      }
    } else if (body instanceof SingleBody single) {
      String text = text(entity, single);
      switch (type) {
        case "message/delivery-status":
        case "message/global-delivery-status":
          dsn.addAll(HeaderBlock.blocks(text));
          break;
        case "message/feedback-report":
          arf = HeaderBlock.parse(text);
          break;
        case "text/rfc822-headers":
        case "message/rfc822-headers":
        case "message/rfc822":
        case "message/global":
        case "message/global-headers":
          if (returned == null) {
            returned = HeaderBlock.parse(headerPart(text));
          }
          break;
        case "text/html":
          html.append(HtmlText.toText(text)).append('\n');
          break;
        default:
          if (type.startsWith("text/") || (depth == 0 && type.equals("text/plain"))) {
            plain.append(text).append('\n');
          }
      }
    }
  }

  private String text(Entity entity, SingleBody body) {
    String charset = entity.getCharset();
    Charset cs = StandardCharsets.US_ASCII;
    if (charset != null && !charset.isBlank()) {
      try {
        cs = Charset.forName(charset.trim());
      } catch (RuntimeException e) {
        unreadable.add(ReadingNote.of(ReadingNote.Code.UNKNOWN_CHARSET, charset, entity.getMimeType()));
        cs = StandardCharsets.ISO_8859_1;
      }
    }
    try {
      if (body instanceof TextBody && cs != StandardCharsets.ISO_8859_1) {
        try (Reader reader = ((TextBody) body).getReader()) {
          char[] buffer = new char[MAX_PART_CHARS];
          int n = reader.read(buffer, 0, buffer.length);
          int total = Math.max(n, 0);
          while (n > 0 && total < buffer.length) {
            n = reader.read(buffer, total, buffer.length - total);
            if (n > 0) {
              total += n;
            }
          }
          return new String(buffer, 0, total);
        }
      }
      try (InputStream in = body.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_PART_CHARS);
        return decode(bytes, body instanceof BinaryBody ? StandardCharsets.UTF_8 : cs);
      }
    } catch (IOException | RuntimeException e) {
      unreadable.add(ReadingNote.of(ReadingNote.Code.PART_UNDECODABLE, entity.getMimeType()));
      return "";
    }
  }

  private static HeaderBlock headers(Message message) {
    List<HeaderBlock.Field> fields = new ArrayList<>();
    if (message.getHeader() != null) {
      for (Field field : message.getHeader().getFields()) {
        String body = field.getBody();
        fields.add(new HeaderBlock.Field(field.getName(), body == null ? "" : Replies.unfold(body)));
      }
    }
    return HeaderBlock.of(fields);
  }

  /** The header section of a message given as text. */
  private static String headerPart(String text) {
    String t = text.stripLeading();
    Matcher blank = Pattern.compile("\\r?\\n\\s*\\r?\\n").matcher(t);
    return blank.find() ? t.substring(0, blank.start()) : t;
  }

  // ---------------------------------------------------------------- facts

  private BounceFacts facts(BounceFormat format, String rawNotice) {
    String fullNotice = unquote(rawNotice.replaceAll("\r+\n", "\n").replace('\r', '\n'));
    String notice = fullNotice;
    Matcher embedded = EMBEDDED.matcher(fullNotice);
    if (embedded.find()) {
      notice = fullNotice.substring(0, embedded.start());
      if (returned == null) {
        returned = HeaderBlock.parse(headerPart(fullNotice.substring(embedded.end())));
      }
    }

    HeaderBlock message = dsn.isEmpty() ? HeaderBlock.of(List.of()) : dsn.get(0);
    HeaderBlock recipient = firstRecipientBlock();

    // the rejecting server's reply
    String rejectingHost = null;
    Replies.Reply reply = null;
    String transcript = transcript(notice);
    String diagnostic = recipient == null ? null : recipient.first("Diagnostic-Code");
    if (diagnostic != null) {
      diagnostic = HeaderBlock.untyped(diagnostic);
      if (diagnostic.isBlank()) {
        diagnostic = null;
      }
    }
    if (transcript != null) {
      Replies.Reply t = Replies.parse(transcript);
      if (diagnostic == null || sameStart(t, Replies.parse(diagnostic))) {
        reply = t;
      }
    }
    if (reply == null && diagnostic != null) {
      reply = Replies.parse(diagnostic);
    }
    Matcher m;
    if (reply == null && (m = EXCHANGE_REMOTE.matcher(notice)).find()) {
      reply = Replies.parse(m.group(1));
    }
    String rejectingIp = null;
    if ((m = POSTFIX_SAID.matcher(notice)).find()) {
      rejectingHost = m.group(1);
      rejectingIp = Statements.ip(m.group(2));
      if (reply == null) {
        reply = Replies.parse(m.group(3));
      }
    }
    if ((m = DMA.matcher(notice)).find()) {
      rejectingHost = m.group(1);
      if (reply == null) {
        reply = Replies.parse(m.group(3));
      }
    }
    if ((m = QMAIL_SAID.matcher(notice)).find() && reply == null) {
      reply = Replies.parse(m.group(1));
    }
    if (rejectingHost == null && (m = QMAIL_HOST.matcher(notice)).find()) {
      rejectingHost = m.group(1);
    }
    if ((m = EXIM.matcher(notice)).find()) {
      if (m.group(1) != null && rejectingHost == null) {
        rejectingHost = m.group(1);
      }
      if (reply == null) {
        reply = Replies.parse(m.group(3));
      }
    }
    if (rejectingHost == null && (m = EXIM_HOST.matcher(notice)).find()) {
      rejectingHost = m.group(1);
      rejectingIp = Statements.ip(m.group(2));
    }
    if ((m = EXCHANGE_GAVE.matcher(notice)).find()) {
      if (rejectingHost == null) {
        rejectingHost = m.group(1);
      }
      if (reply == null) {
        reply = Replies.parse(m.group(2));
      }
    }
    Notice read = new Notice(top, notice, html.toString(), dsn, arf, returned);
    Reading said0 = null;
    for (Dialect dialect : Dialects.ALL) {
      Reading r = dialect.read(read);
      if (r != null && !r.isEmpty()) {
        said0 = r;
        break;
      }
    }
    if (said0 != null) {
      if (reply == null) {
        reply = said0.reply();
      }
      if (rejectingHost == null) {
        rejectingHost = said0.rejectingHost();
        if (rejectingIp == null) {
          rejectingIp = said0.rejectingIp();
        }
      }
    }
    if (reply == null && (m = REASON.matcher(notice)).find()) {
      reply = Replies.parse(m.group(1));
    }
    if (reply == null && format != BounceFormat.ARF) {
      String line = firstReplyLines(notice);
      if (line != null) {
        reply = Replies.parse(line);
      }
    }
    String remoteMta = recipient == null ? null : recipient.first("Remote-MTA");
    if (remoteMta != null && !HeaderBlock.untyped(remoteMta).isEmpty()) {
      rejectingHost = HeaderBlock.untyped(remoteMta);
    }
    if (rejectingHost == null && (m = TALKING.matcher(notice)).find()) {
      rejectingHost = m.group(1);
    }

    // the report's own fields
    String reportStatus = recipient == null ? null : recipient.first("Status");
    String reportingMta = reportingMta(message, notice);
    if (said0 != null && said0.reportingMta() != null
        && (reportingMta == null || message.first("Reporting-MTA") == null)) {
      reportingMta = said0.reportingMta();
    }
    List<String> finals = new ArrayList<>();
    List<String> originals = new ArrayList<>();
    List<String> actuals = new ArrayList<>();
    for (HeaderBlock block : dsn) {
      addUntyped(finals, block.first("Final-Recipient"));
      addUntyped(originals, block.first("Original-Recipient"));
      addUntyped(actuals, block.first("X-Actual-Recipient"));
    }
    if (finals.isEmpty()) {
      for (String failed : top.all("X-Failed-Recipients")) {
        for (String a : failed.split(",")) {
          addUntyped(finals, a);
        }
      }
    }
    if (finals.isEmpty() && said0 != null) {
      finals.addAll(said0.recipients());
    }
    if (finals.isEmpty()) {
      Matcher r = ANGLE_RCPT.matcher(notice);
      while (r.find() && finals.size() < 20) {
        addUntyped(finals, r.group(1));
      }
      Matcher d = DELIVERING_TO.matcher(notice);
      if (finals.isEmpty() && d.find()) {
        addUntyped(finals, d.group(1));
      }
    }

    // ARF: a feedback report is not a bounce, but states the IP and the failure
    String replyText = reply == null ? null : reply.text();
    String clientIp = null;
    String envelope = null;
    if (arf != null) {
      HeaderBlock f = arf;
      clientIp = Statements.ip(f.first("Source-IP"));
      envelope = address(f.first("Original-Mail-From"));
      if (replyText == null) {
        String ar = f.first("Authentication-Results");
        replyText =
            "Feedback-Type: " + nz(f.first("Feedback-Type")) + "; Auth-Failure: "
                + nz(f.first("Auth-Failure")) + (ar == null ? "" : "; Authentication-Results: " + ar);
      }
    }

    // what the reply states
    Statements said = Statements.of(replyText);
    if (said.domain == null && said.ip == null && transcript == null && diagnostic != null) {
      said = Statements.of(Replies.unfold(notice));
    }
    if (said.ip != null) {
      clientIp = said.ip;
    }

    // the returned message
    HeaderBlock copy = returned;
    String authResults = null;
    String receivedSpf = null;
    String fromDomain = null;
    if (copy != null) {
      authResults = copy.first("Authentication-Results");
      receivedSpf = copy.first("Received-SPF");
      fromDomain = Statements.domainOf(address(copy.first("From")));
      if (envelope == null) {
        envelope = address(copy.first("Return-Path"));
      }
    }
    String postfixSender = message.first("X-Postfix-Sender");
    if (postfixSender != null && address(HeaderBlock.untyped(postfixSender)) != null) {
      envelope = address(HeaderBlock.untyped(postfixSender));
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
    if (envelope == null && said0 != null) {
      envelope = said0.envelopeSender();
    }
    if (envelope == null && (m = QMAIL_FROM.matcher(notice)).find()) {
      envelope = m.group(1);
    }
    String senderDomain = said.domain != null ? said.domain : Statements.domainOf(envelope);

    List<ForwardingSign> forwarding = forwarding(notice, finals, originals, actuals, copy);

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
        cap(notice.strip()),
        unreadable,
        format == BounceFormat.UNREADABLE
            ? NoticeKind.ORDINARY_MAIL
            : NoticeKinds.of(
                top, dsn, format, replyText != null || statusCode != null || reportStatus != null,
                notice));
  }

  /**
   * A notice forwarded as a quotation ({@code > } before most lines) with one level of quoting
   * taken off, so that its transcript and replies read as written; other text as it is.
   */
  static String unquote(String notice) {
    int quoted = 0;
    int lines = 0;
    for (String line : notice.split("\n", 2000)) {
      if (!line.isBlank()) {
        lines++;
        if (line.startsWith(">")) {
          quoted++;
        }
      }
    }
    if (lines < 4 || quoted * 3 < lines) {
      return notice;
    }
    return notice.replaceAll("(?m)^> ?(?!>)", "");
  }

  private @Nullable HeaderBlock firstRecipientBlock() {
    HeaderBlock any = null;
    for (HeaderBlock block : dsn) {
      if (block.has("Final-Recipient") || block.has("Action") || block.has("Diagnostic-Code")) {
        String action = block.first("Action");
        if (action == null || lower(action).contains("fail")) {
          return block;
        }
        if (any == null) {
          any = block;
        }
      }
    }
    if (any != null) {
      return any;
    }
    // some MTAs write everything in one block
    return dsn.isEmpty() ? null : dsn.get(0);
  }

  private static boolean sameStart(Replies.Reply transcript, Replies.Reply diagnostic) {
    String a = lower(transcript.text());
    String b = lower(diagnostic.text());
    int n = Math.min(Math.min(a.length(), b.length()), 24);
    return n == 0 || a.regionMatches(0, b, 0, n);
  }

  /** Sendmail's session transcript: the first run of {@code <<<} lines that is an error reply. */
  private static @Nullable String transcript(String notice) {
    StringBuilder out = new StringBuilder();
    for (String line : notice.split("\n")) {
      String t = line.stripLeading();
      // Sendmail writes the server's lines after "<<< ", Postfix's transcripts after "Out: "
      String prefix = t.startsWith("<<< ") ? "<<< " : t.startsWith("Out: ") ? "Out: " : null;
      if (prefix != null) {
        String r = t.substring(prefix.length());
        if (out.length() == 0) {
          if (Replies.isReplyLine(r) && (r.charAt(0) == '4' || r.charAt(0) == '5')) {
            out.append(r).append('\n');
          }
        } else {
          out.append(r).append('\n');
        }
      } else if (out.length() > 0) {
        break;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** The first lines of the notice that read like an error reply, for notices without markers. */
  private static @Nullable String firstReplyLines(String notice) {
    StringBuilder out = new StringBuilder();
    for (String line : notice.split("\n")) {
      String t = line.strip();
      if (out.length() == 0) {
        if (Replies.isReplyLine(t) && (t.charAt(0) == '4' || t.charAt(0) == '5')) {
          out.append(t).append('\n');
        }
      } else if (Replies.isReplyLine(t) || (!t.isEmpty() && line.startsWith(" "))) {
        out.append(t).append('\n');
      } else {
        break;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private @Nullable String reportingMta(HeaderBlock message, String notice) {
    String field = message.first("Reporting-MTA");
    if (field != null && !HeaderBlock.untyped(field).isEmpty()) {
      return HeaderBlock.untyped(field);
    }
    for (Pattern p : new Pattern[] {MAIL_SYSTEM, QMAIL_AT, DMA_AT, GENERATING}) {
      Matcher m = p.matcher(notice);
      if (m.find()) {
        return m.group(1);
      }
    }
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

  private BounceFormat format(String notice) {
    if (arf != null || lower(nz(top.first("Content-Type"))).contains("feedback-report")) {
      return BounceFormat.ARF;
    }
    String n = notice;
    if (top.has("X-MS-Exchange-Message-Is-Ndr")
        || n.contains("Diagnostic information for administrators")
        || n.contains("Remote Server returned")) {
      return BounceFormat.EXCHANGE;
    }
    if (n.contains("qmail-send program") || n.contains("--- Below this line is a copy")) {
      return BounceFormat.QMAIL;
    }
    if (n.contains("DragonFly Mail Agent")) {
      return BounceFormat.DMA;
    }
    if (n.contains("Transcript of session follows")
        || n.contains("The following addresses had permanent fatal errors")) {
      return BounceFormat.SENDMAIL;
    }
    if (n.contains("This is the mail system at host")
        || (!dsn.isEmpty() && dsn.get(0).has("X-Postfix-Queue-ID"))) {
      return BounceFormat.POSTFIX;
    }
    if (n.contains("SMTP error from remote") || n.contains("created automatically by mail delivery software")) {
      return BounceFormat.EXIM;
    }
    if (!dsn.isEmpty()) {
      return BounceFormat.RFC3464;
    }
    return notice.isBlank() ? BounceFormat.UNREADABLE : BounceFormat.PLAIN_TEXT;
  }

  // ---------------------------------------------------------------- helpers

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

  private static void addUntyped(List<String> out, @Nullable String value) {
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

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static String cap(String text) {
    return text.length() <= MAX_HUMAN_CHARS ? text : text.substring(0, MAX_HUMAN_CHARS);
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
