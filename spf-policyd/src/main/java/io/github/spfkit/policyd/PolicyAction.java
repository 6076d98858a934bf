package io.github.spfkit.policyd;

import java.util.Objects;

/**
 * What the policy server answers Postfix: one {@code action=...} line (Postfix's access(5) actions).
 * Every text is one line of printable ASCII by construction: whatever DNS or the client supplied,
 * no CR, LF or other control character reaches Postfix.
 */
public sealed interface PolicyAction {

  /**
   * The answer as Postfix reads it, without the empty line that ends it.
   *
   * @return e.g. {@code action=550 5.7.23 Message rejected due to: ...}
   */
  String line();

  /**
   * The action class, as the side-by-side comparison with policyd-spf counts them.
   *
   * @return {@code reject}, {@code defer}, {@code prepend}, {@code dunno} or {@code restriction}
   */
  String kind();

  /**
   * Reject the recipient: {@code action=CODE TEXT}.
   *
   * @param code the SMTP code and enhanced status code, e.g. {@code 550 5.7.23}
   * @param text the reply text
   */
  record Reject(String code, String text) implements PolicyAction {
    /**
     * Makes the text safe.
     *
     * @param code the SMTP code, starting with 5; not null
     * @param text the reply text; not null
     */
    public Reject {
      Objects.requireNonNull(code, "code");
      text = SafeText.oneLine(text, SafeText.MAX_REPLY_TEXT);
    }

    @Override
    public String line() {
      return "action=" + code + " " + text;
    }

    @Override
    public String kind() {
      return "reject";
    }
  }

  /**
   * Defer the recipient (a 4xx answer): {@code action=CODE TEXT}.
   *
   * @param code the SMTP code and enhanced status code, e.g. {@code 451 4.7.24}
   * @param text the reply text
   */
  record Defer(String code, String text) implements PolicyAction {
    /**
     * Makes the text safe.
     *
     * @param code the SMTP code, starting with 4; not null
     * @param text the reply text; not null
     */
    public Defer {
      Objects.requireNonNull(code, "code");
      text = SafeText.oneLine(text, SafeText.MAX_REPLY_TEXT);
    }

    @Override
    public String line() {
      return "action=" + code + " " + text;
    }

    @Override
    public String kind() {
      return "defer";
    }
  }

  /**
   * Accept as far as SPF goes and prepend a header field to the message: {@code action=PREPEND
   * HEADER}.
   *
   * @param header the whole header field, name included, on one line
   */
  record Prepend(String header) implements PolicyAction {
    /**
     * Makes the header safe.
     *
     * @param header the header field; not null
     */
    public Prepend {
      header = SafeText.oneLine(header, SafeText.MAX_HEADER);
    }

    @Override
    public String line() {
      return "action=PREPEND " + header;
    }

    @Override
    public String kind() {
      return "prepend";
    }
  }

  /**
   * No opinion: {@code action=DUNNO}; Postfix goes on with its next restriction.
   *
   * @param why why nothing was said, for the log only (never sent to Postfix)
   */
  record Dunno(String why) implements PolicyAction {
    /**
     * Checks the reason.
     *
     * @param why the reason for the log; not null
     */
    public Dunno {
      Objects.requireNonNull(why, "why");
    }

    @Override
    public String line() {
      return "action=DUNNO";
    }

    @Override
    public String kind() {
      return "dunno";
    }
  }

  /**
   * A named Postfix restriction class to apply ({@code HELO_pass_restriction}, {@code
   * Mail_From_pass_restriction}): {@code action=NAME}.
   *
   * @param name the restriction class name from the configuration
   */
  record Restriction(String name) implements PolicyAction {
    /**
     * Makes the name safe.
     *
     * @param name the restriction name; not null
     */
    public Restriction {
      name = SafeText.oneLine(name, SafeText.MAX_REPLY_TEXT);
    }

    @Override
    public String line() {
      return "action=" + name;
    }

    @Override
    public String kind() {
      return "restriction";
    }
  }
}
