package io.github.spfkit.diagnosis.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a bounce and extracts its {@link BounceFacts}. Understands RFC 3464 delivery status
 * notifications, Microsoft 365/Exchange non-delivery reports (text and HTML), Postfix, Exim (with
 * and without a report part), Sendmail session transcripts, qmail, DragonFly and other plain-text
 * notices, Amazon SES JSON notifications, Gmail, Zoho and OpenSMTPD notices, notices forwarded as a
 * {@code > } quotation, RFC 5965 feedback reports, and a bare SMTP reply line. MIME structure, transfer
 * encodings and charsets are handled by Apache mime4j; multi-line replies are unfolded and their
 * continuation prefixes ({@code 550-5.7.26 }) removed. Where a report's human-readable part and its
 * structured part disagree, the structured part decides.
 *
 * <p>Headers of the returned message (a {@code message/rfc822} or {@code text/rfc822-headers}
 * part, Exchange's "Original message headers", qmail's "Below this line is a copy") and the
 * bounce's own top-level {@code Authentication-Results} never count as the rejecting server's
 * words.
 *
 * <p>Immutable and safe for concurrent use. Never throws for anything the input contains: what
 * could not be read is listed in {@link BounceFacts#unreadable()}; input over the size cap is cut
 * and the cut is reported.
 */
public final class BounceReader {

  /** The default input size cap: {@value} bytes (4 MiB). */
  public static final long DEFAULT_MAX_INPUT_BYTES = 4L * 1024 * 1024;

  private static final BounceReader STANDARD = new BounceReader(DEFAULT_MAX_INPUT_BYTES);

  private final long maxInputBytes;

  private BounceReader(long maxInputBytes) {
    this.maxInputBytes = maxInputBytes;
  }

  /**
   * A reader with the default size cap.
   *
   * @return the shared reader with a cap of {@value #DEFAULT_MAX_INPUT_BYTES} bytes
   */
  public static BounceReader standard() {
    return STANDARD;
  }

  /**
   * A reader that reads at most {@code maxInputBytes} bytes of a bounce.
   *
   * @param maxInputBytes the cap in bytes
   * @return the reader
   * @throws IllegalArgumentException if {@code maxInputBytes} is less than 1
   */
  public static BounceReader withMaxInputBytes(long maxInputBytes) {
    if (maxInputBytes < 1) {
      throw new IllegalArgumentException("maxInputBytes must be positive: " + maxInputBytes);
    }
    return new BounceReader(maxInputBytes);
  }

  /**
   * The size cap in bytes.
   *
   * @return the cap in bytes
   */
  public long maxInputBytes() {
    return maxInputBytes;
  }

  /**
   * Reads a bounce from bytes: a whole message, or just the rejection text.
   *
   * @param bounce the raw bytes
   * @return the facts; never {@code null}
   */
  public BounceFacts read(byte[] bounce) {
    Objects.requireNonNull(bounce, "bounce");
    if (bounce.length > maxInputBytes) {
      return new BounceParser(
              Arrays.copyOf(bounce, (int) maxInputBytes),
              List.of(ReadingNote.of(ReadingNote.Code.TOO_LARGE, maxInputBytes, bounce.length,
                  bounce.length - maxInputBytes)))
          .parse();
    }
    return new BounceParser(bounce, List.of()).parse();
  }

  /**
   * Reads a bounce from text, for instance a pasted SMTP reply.
   *
   * @param bounce the text
   * @return the facts
   */
  public BounceFacts read(String bounce) {
    Objects.requireNonNull(bounce, "bounce");
    return read(bounce.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a bounce from a stream: at most the size cap, leaving the stream open.
   *
   * @param bounce the stream
   * @return the facts; an I/O error is listed in {@link BounceFacts#unreadable()}
   */
  public BounceFacts read(InputStream bounce) {
    Objects.requireNonNull(bounce, "bounce");
    int cap = (int) Math.min(maxInputBytes, Integer.MAX_VALUE - 16);
    byte[] data;
    boolean cut = false;
    try {
      data = bounce.readNBytes(cap);
      if (data.length == cap && bounce.read() >= 0) {
        cut = true;
      }
    } catch (IOException e) {
      return new BounceParser(
              new byte[0], List.of(ReadingNote.of(ReadingNote.Code.INPUT_ERROR, String.valueOf(e.getMessage()))))
          .parse();
    }
    return new BounceParser(
            data, cut ? List.of(ReadingNote.of(ReadingNote.Code.TOO_LARGE_STREAM, cap)) : List.of())
        .parse();
  }
}
