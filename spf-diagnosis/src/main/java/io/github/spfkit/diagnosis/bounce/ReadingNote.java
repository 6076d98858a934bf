package io.github.spfkit.diagnosis.bounce;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One thing that could not be read, or was read only in part, as a stable {@link Code} and its
 * arguments (sizes, a charset or MIME type as the input names it, an exception's class name), so
 * that a diagnosis can say it in any language; {@link #text(Locale)} words it with the bundles of
 * the diagnosis ({@code note.<code>} keys). Immutable.
 *
 * @param code what could not be read
 * @param args the arguments the code's sentence names, in the order documented on each code
 */
public record ReadingNote(Code code, List<String> args) {

  /** What could not be read. */
  public enum Code {
    /** Reading failed as a whole; args: the failure's class name. */
    READ_FAILED("read-failed"),
    /** The input is empty; no args. */
    EMPTY("empty"),
    /** The input is over the size cap and was cut; args: the cap, the input's size, the bytes cut. */
    TOO_LARGE("too-large"),
    /** A stream is over the size cap and was cut; args: the cap. */
    TOO_LARGE_STREAM("too-large-stream"),
    /** Where the cut fell; args: the MIME type of the last part that starts before the cut. */
    CUT_IN("cut-in"),
    /** The MIME structure could not be read, so the message was read as plain text; args: the failure's class name. */
    MIME_UNREADABLE("mime-unreadable"),
    /** The declared MIME boundary was missing or wrong and the one the parts use was taken; no args. */
    BOUNDARY_REPAIRED("boundary-repaired"),
    /** The declared MIME boundary never appears, so the body was read as plain text; no args. */
    BOUNDARY_NEVER_APPEARS("boundary-never-appears"),
    /** MIME parts nested too deep were skipped; args: the deepest level followed. */
    TOO_DEEP("too-deep"),
    /** A part names a charset Java does not know; args: the charset as written, the part's MIME type. */
    UNKNOWN_CHARSET("unknown-charset"),
    /** A part could not be decoded; args: the part's MIME type. */
    PART_UNDECODABLE("part-undecodable"),
    /** The input stream failed; args: the I/O error's message. */
    INPUT_ERROR("input-error");

    private final String key;

    Code(String key) {
      this.key = key;
    }

    /**
     * The message key of the code's sentence.
     *
     * @return {@code note.} and the code in lower case with hyphens, e.g. {@code note.too-large}
     */
    public String key() {
      return "note." + key;
    }
  }

  private static final String BUNDLE = "io.github.spfkit.diagnosis.messages";

  /**
   * Checks the code and copies the arguments.
   *
   * @param code what could not be read
   * @param args the arguments
   */
  public ReadingNote {
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
  }

  /**
   * A note with the arguments given.
   *
   * @param code what could not be read
   * @param args the arguments
   * @return the note
   */
  public static ReadingNote of(Code code, Object... args) {
    String[] texts = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = String.valueOf(args[i]);
    }
    return new ReadingNote(code, List.of(texts));
  }

  /**
   * The note in a language (English where the bundles have no such language).
   *
   * @param language the language
   * @return the sentence
   */
  public String text(Locale language) {
    // no Control argument: that form is not supported in named modules
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language);
    String pattern = bundle.containsKey(code.key()) ? bundle.getString(code.key()) : code.key();
    return new MessageFormat(pattern, language).format(args.toArray());
  }

  /** The note in English, for logs and tests. */
  @Override
  public String toString() {
    return text(Locale.ENGLISH);
  }
}
