package io.github.spfkit.examples.cli;

/**
 * A user's mistake found while a command runs (a missing file, an unusable DNS server, a bad
 * option combination): the tool prints its message on one line and exits with {@link
 * SpfCommand#EXIT_USAGE}, without a stack trace.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line for the user, without the program name
   */
  public UsageException(String message) {
    super(message, null, false, false);
  }
}
