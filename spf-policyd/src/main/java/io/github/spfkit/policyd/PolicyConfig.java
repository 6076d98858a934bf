package io.github.spfkit.policyd;

import io.github.spfkit.core.net.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of {@code policyd-spf.conf(5)} (postfix-policyd-spf-python 3.0.4), with its
 * defaults. {@link #parse(String, String)} and {@link #read(Path)} read such a file unchanged;
 * {@link #defaults()} is what policyd-spf uses without one. Immutable.
 *
 * @param debugLevel {@code debugLevel}: 0 or less logs errors only; 1 (default) one line per
 *     decision; higher values add the request attributes
 * @param heloReject {@code HELO_reject} (default {@code Fail})
 * @param mailFromReject {@code Mail_From_reject} (default {@code Fail})
 * @param permErrorReject {@code PermError_reject = True} (default {@code False})
 * @param tempErrorDefer {@code TempError_Defer = True} (default {@code False})
 * @param skipAddresses {@code skip_addresses} (default 127.0.0.0/8, ::ffff:127.0.0.0/104, ::1)
 * @param whitelist {@code Whitelist}: client blocks not checked
 * @param heloWhitelist {@code HELO_Whitelist}: HELO names not checked when their A/AAAA name the
 *     client
 * @param domainWhitelist {@code Domain_Whitelist}: domains whose SPF pass for the client skips the
 *     check
 * @param domainWhitelistPtr {@code Domain_Whitelist_PTR}: domains whose (validated) PTR name for
 *     the client skips the check
 * @param noMail {@code No_Mail = True}: reject only for a record that is exactly {@code v=spf1
 *     -all}
 * @param rejectNotPassDomains {@code Reject_Not_Pass_Domains}: domains treated as {@code
 *     SPF_Not_Pass}
 * @param heloPassRestriction {@code HELO_pass_restriction}, or null
 * @param mailFromPassRestriction {@code Mail_From_pass_restriction}, or null
 * @param testOnly {@code TestOnly}: 0 never rejects or defers (default 1)
 * @param enhancedStatusCodes {@code SPF_Enhanced_Status_Codes} (default {@code Yes}): RFC 7372
 *     codes 5.7.23 and 5.7.24
 * @param headerType {@code Header_Type} (default {@code SPF})
 * @param hideReceiver {@code Hide_Receiver}: anything but {@code No} hides the recipient's domain
 * @param authservId {@code Authserv_Id}; {@code HOSTNAME} (default) is replaced by the host name
 * @param lookupTime {@code Lookup_Time}: the deadline of one SPF check (default 20 s)
 * @param whitelistLookupTime {@code Whitelist_Lookup_Time} (default 10 s)
 * @param voidLimit {@code Void_Limit}: void lookups allowed (default 2, RFC 7208 §4.6.4)
 * @param reasonMessage {@code Reason_Message}, with {@code {rejectdefer}}, {@code {spf}} and
 *     {@code {url}}
 * @param mock {@code Mock}: answer every request with a fixed DUNNO
 * @param prospective {@code Prospective}: check this address instead of the client's, or null
 * @param perUserSource {@code Per_User} as written ({@code text,PATH}), or null when per-user
 *     settings are off
 * @param perUser the per-recipient configurations of {@code policyd-spf.peruser(5)}, by lower-case
 *     recipient address: this configuration with the recipient's settings applied
 */
public record PolicyConfig(
    int debugLevel,
    RejectPolicy heloReject,
    RejectPolicy mailFromReject,
    boolean permErrorReject,
    boolean tempErrorDefer,
    List<Network> skipAddresses,
    List<Network> whitelist,
    List<String> heloWhitelist,
    List<String> domainWhitelist,
    List<String> domainWhitelistPtr,
    boolean noMail,
    List<String> rejectNotPassDomains,
    @Nullable String heloPassRestriction,
    @Nullable String mailFromPassRestriction,
    int testOnly,
    boolean enhancedStatusCodes,
    HeaderType headerType,
    boolean hideReceiver,
    String authservId,
    Duration lookupTime,
    Duration whitelistLookupTime,
    int voidLimit,
    String reasonMessage,
    boolean mock,
    @Nullable IpAddress prospective,
    @Nullable String perUserSource,
    Map<String, PolicyConfig> perUser) {

  /** policyd-spf's default {@code Reason_Message}. */
  public static final String DEFAULT_REASON_MESSAGE =
      "Message {rejectdefer} due to: {spf}. Please see {url}";

  /** The value of {@code Authserv_Id} that stands for the host name. */
  public static final String HOSTNAME = "HOSTNAME";

  /**
   * Copies the lists and checks the values.
   *
   * @param debugLevel the log level
   * @param heloReject the HELO policy; not null
   * @param mailFromReject the MAIL FROM policy; not null
   * @param permErrorReject whether permerror rejects
   * @param tempErrorDefer whether temperror defers
   * @param skipAddresses blocks not checked (local connections); copied, not null
   * @param whitelist blocks not checked (trusted relays); copied, not null
   * @param heloWhitelist HELO names not checked; copied, not null
   * @param domainWhitelist domains whose pass skips the check; copied, not null
   * @param domainWhitelistPtr domains whose PTR name skips the check; copied, not null
   * @param noMail whether only {@code v=spf1 -all} rejects
   * @param rejectNotPassDomains domains treated as {@code SPF_Not_Pass}; copied, not null
   * @param heloPassRestriction the restriction for a HELO pass, or null
   * @param mailFromPassRestriction the restriction for a MAIL FROM pass, or null
   * @param testOnly 0 for test operation, anything else acts
   * @param enhancedStatusCodes whether RFC 7372 codes are sent
   * @param headerType the header to prepend; not null
   * @param hideReceiver whether the recipient domain is hidden
   * @param authservId the authserv-id; not null
   * @param lookupTime the SPF check deadline; positive
   * @param whitelistLookupTime the whitelist lookup deadline; positive
   * @param voidLimit void lookups allowed, 0 or more
   * @param reasonMessage the reject and defer text template; not null
   * @param mock whether to answer a fixed DUNNO
   * @param prospective the address to check instead of the client's, or null
   * @param perUserSource the {@code Per_User} value, or null
   * @param perUser per-recipient configurations by lower-case address; copied, not null
   * @throws IllegalArgumentException if a duration is not positive or the void limit negative
   */
  public PolicyConfig {
    Objects.requireNonNull(heloReject, "heloReject");
    Objects.requireNonNull(mailFromReject, "mailFromReject");
    skipAddresses = List.copyOf(skipAddresses);
    whitelist = List.copyOf(whitelist);
    heloWhitelist = List.copyOf(heloWhitelist);
    domainWhitelist = List.copyOf(domainWhitelist);
    domainWhitelistPtr = List.copyOf(domainWhitelistPtr);
    rejectNotPassDomains = List.copyOf(rejectNotPassDomains);
    Objects.requireNonNull(headerType, "headerType");
    Objects.requireNonNull(authservId, "authservId");
    Objects.requireNonNull(reasonMessage, "reasonMessage");
    perUser = Map.copyOf(perUser);
    if (lookupTime.isNegative() || lookupTime.isZero()) {
      throw new IllegalArgumentException("lookupTime must be positive: " + lookupTime);
    }
    if (whitelistLookupTime.isNegative() || whitelistLookupTime.isZero()) {
      throw new IllegalArgumentException(
          "whitelistLookupTime must be positive: " + whitelistLookupTime);
    }
    if (voidLimit < 0) {
      throw new IllegalArgumentException("voidLimit must be 0 or more: " + voidLimit);
    }
  }

  /**
   * policyd-spf's defaults, as used without a configuration file; {@code Authserv_Id} is {@value
   * #HOSTNAME}.
   *
   * @return the defaults
   */
  public static PolicyConfig defaults() {
    return ConfigFile.DEFAULTS;
  }

  /**
   * Reads a {@code policyd-spf.conf} text: {@code Name = value} lines, {@code #} comments. Unknown
   * names, malformed lines and values policyd-spf would not accept become warnings that name them;
   * the rest is read as policyd-spf reads it.
   *
   * @param text the file's text; not null
   * @param source where it came from, for the warnings (e.g. the file name)
   * @return the configuration and the warnings, never an exception for bad content
   */
  public static ConfigReading parse(String text, String source) {
    return ConfigFile.parse(text, source);
  }

  /**
   * Reads a {@code policyd-spf.conf} file; see {@link #parse(String, String)}. Bytes that are not
   * UTF-8 are read as ISO-8859-1.
   *
   * @param file the file
   * @return the configuration and the warnings
   * @throws IOException if the file cannot be read
   */
  public static ConfigReading read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return parse(text, file.toString());
  }

  /**
   * This configuration with {@code Authserv_Id = HOSTNAME} replaced by a host name.
   *
   * @param hostName the local host name
   * @return a configuration with a concrete authserv-id
   */
  public PolicyConfig withHostName(String hostName) {
    if (!HOSTNAME.equals(authservId)) {
      return this;
    }
    return new PolicyConfig(
        debugLevel, heloReject, mailFromReject, permErrorReject, tempErrorDefer, skipAddresses,
        whitelist, heloWhitelist, domainWhitelist, domainWhitelistPtr, noMail,
        rejectNotPassDomains, heloPassRestriction, mailFromPassRestriction, testOnly,
        enhancedStatusCodes, headerType, hideReceiver, hostName, lookupTime, whitelistLookupTime,
        voidLimit, reasonMessage, mock, prospective, perUserSource, perUserWithHostName(hostName));
  }

  private Map<String, PolicyConfig> perUserWithHostName(String hostName) {
    Map<String, PolicyConfig> out = new java.util.LinkedHashMap<>();
    perUser.forEach((user, config) -> out.put(user, config.withHostName(hostName)));
    return out;
  }

  /**
   * The configuration for one recipient: its {@code policyd-spf.peruser(5)} settings, if any.
   *
   * @param recipient the RCPT TO address
   * @return the per-user configuration, or this one
   */
  public PolicyConfig forRecipient(String recipient) {
    PolicyConfig user = perUser.get(recipient.toLowerCase(java.util.Locale.ROOT));
    return user != null ? user : this;
  }

  /**
   * The result of reading a configuration file.
   *
   * @param config the configuration: the defaults with every line that could be read applied
   * @param warnings one message per unknown name, malformed line or unusable value, naming it
   */
  public record ConfigReading(PolicyConfig config, List<String> warnings) {
    /**
     * Copies the warnings.
     *
     * @param config the configuration; not null
     * @param warnings the warnings; copied, not null
     */
    public ConfigReading {
      Objects.requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }
  }
}
