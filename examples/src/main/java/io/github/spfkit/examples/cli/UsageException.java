package io.github.spfkit.examples.cli;

import java.util.Objects;

/**
 * A user's mistake found while a command runs (a missing file, an unusable DNS server, a bad
 * option combination, input that is not a bounce): the tool prints its message on one line and
 * exits with {@link SpfCommand#EXIT_USAGE}, without a stack trace; with {@code --json} it also
 * writes the error document of {@code examples/schemas/error.schema.json} on standard output.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of mistake, as the JSON error's {@code code} names it. */
  public enum Code {
    /** A mistake on the command line. */
    USAGE,
    /** A file or standard input that cannot be read or parsed. */
    UNREADABLE_INPUT,
    /** The input reports no failed or delayed delivery. */
    NOT_A_BOUNCE
  }

  /** The kind of mistake. */
  private final Code code;

  /**
   * Creates a command-line mistake ({@link Code#USAGE}).
   *
   * @param message one line for the user, without the program name
   */
  public UsageException(String message) {
    this(Code.USAGE, message);
  }

  /**
   * Creates the exception.
   *
   * @param code the kind of mistake
   * @param message one line for the user, without the program name
   */
  public UsageException(Code code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The kind of mistake.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }
}
