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
import java.util.List;
import java.util.Locale;
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

/**
 * Walks a bounce's MIME structure with mime4j and yields its {@link Notice}: the top headers, the
 * text and HTML parts, the delivery-status blocks, the feedback-report part and the returned
 * message's headers. Repairs a declared boundary that the parts do not use (adopting only one that
 * delimits the outer message), reads a body whose declared boundary never appears as plain text,
 * cuts the returned message's headers off a human-readable part that embeds them, and takes one
 * level of {@code > } quoting off a notice forwarded as a quotation. What could not be read is
 * added to the notes. One walker reads one input; not thread safe.
 */
final class MimeWalker {
  /** MIME nesting followed at most. */
  private static final int MAX_DEPTH = 16;
  /** Characters kept of one text part. */
  private static final int MAX_PART_CHARS = 512 * 1024;

  /** Where the returned message's headers start inside a human-readable part. */
  private static final Pattern EMBEDDED =
      Pattern.compile(
          "^[ \\t]*(?:Original message headers:|-+ ?Below this line is a copy of the message\\.?"
              + "|-+ ?Enclosed is a copy of the message\\.?|Message headers follow\\.?"
              + "|-+ This is a copy of the message.{0,40}-+|-+ Original message -+"
              + "|-+ ?The original message headers.{0,20}|Below is a copy of the original message.{0,20})[ \\t]*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private static final Pattern BOUNDARY_LINE =
      Pattern.compile("^--([!-~]{4,200}?)(?:--)?[ \\t]*$", Pattern.MULTILINE);

  private byte[] data;
  private final List<ReadingNote> notes;
  private HeaderBlock top = HeaderBlock.of(List.of());
  private final StringBuilder plain = new StringBuilder();
  private final StringBuilder html = new StringBuilder();
  private final List<HeaderBlock> dsn = new ArrayList<>();
  private @Nullable HeaderBlock arf;
  private @Nullable HeaderBlock returned;
  private boolean mime;

  private MimeWalker(byte[] data, List<ReadingNote> notes) {
    this.data = data;
    this.notes = notes;
  }

  /**
   * The notice of a bounce that is a message (not a bare reply).
   *
   * @param data the input
   * @param notes where what could not be read is added
   */
  static Notice walk(byte[] data, List<ReadingNote> notes) {
    return new MimeWalker(data, notes).notice();
  }

  private Notice notice() {
    String text = decode(data, StandardCharsets.UTF_8);
    String firstLine = text.stripLeading().lines().findFirst().orElse("");
    if (firstLine.matches("^(?:From |[!-9;-~]+:).*")) {
      readMime();
    }
    if (!mime) {
      plain.append(text);
    }
    String raw = plain.length() > 0 ? plain.toString() : html.toString();
    String full = unquote(raw.replaceAll("\r+\n", "\n").replace('\r', '\n'));
    String human = full;
    Matcher embedded = EMBEDDED.matcher(full);
    if (embedded.find()) {
      human = full.substring(0, embedded.start());
      if (returned == null) {
        returned = HeaderBlock.parse(headerPart(full.substring(embedded.end())));
      }
    }
    return new Notice(top, raw, human, html.toString(), dsn, arf, returned);
  }

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
      notes.add(ReadingNote.of(ReadingNote.Code.MIME_UNREADABLE, e.getClass().getSimpleName()));
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
          notes.add(ReadingNote.of(ReadingNote.Code.BOUNDARY_REPAIRED));
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
        notes.add(ReadingNote.of(ReadingNote.Code.BOUNDARY_NEVER_APPEARS));
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
      notes.add(ReadingNote.of(ReadingNote.Code.TOO_DEEP, MAX_DEPTH));
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
        notes.add(ReadingNote.of(ReadingNote.Code.UNKNOWN_CHARSET, charset, entity.getMimeType()));
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
      notes.add(ReadingNote.of(ReadingNote.Code.PART_UNDECODABLE, entity.getMimeType()));
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

  private static final Pattern PART_TYPE =
      Pattern.compile("^Content-Type:[ \\t]*([!-~&&[^;]]{1,100})", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /** The MIME type of the last part that starts before the end of a cut input. */
  static String partAtTheEnd(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Matcher m = PART_TYPE.matcher(text);
    String type = "text/plain";
    while (m.find()) {
      type = lower(m.group(1));
    }
    return type;
  }

  static String decode(byte[] bytes, Charset charset) {
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

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
