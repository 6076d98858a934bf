package io.github.spfkit.policyd;

import io.github.spfkit.core.net.IpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code policyd-spf.conf} the way policyd-spf 3.0.4 ({@code policydspfsupp._readConfigFile})
 * does: the text after {@code #} is dropped, each line is stripped, a line must split on {@code =}
 * into exactly two parts, names are case-sensitive, later lines win.
 */
final class ConfigFile {

  static final PolicyConfig DEFAULTS =
      new PolicyConfig(
          1,
          RejectPolicy.FAIL,
          RejectPolicy.FAIL,
          false,
          false,
          networks("127.0.0.0/8,::ffff:127.0.0.0/104,::1", "skip_addresses", new ArrayList<>()),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          false,
          List.of(),
          null,
          null,
          1,
          true,
          HeaderType.SPF,
          false,
          PolicyConfig.HOSTNAME,
          Duration.ofSeconds(20),
          Duration.ofSeconds(10),
          2,
          PolicyConfig.DEFAULT_REASON_MESSAGE,
          false,
          null,
          null,
          Map.of());

  /** Options of policyd-spf's milter front end: accepted there and here, without effect here. */
  private static final Set<String> MILTER_OPTIONS =
      Set.of("Socket", "PidFile", "UserID", "UMask", "InternalHosts", "IntHosts", "MacroList");

  private ConfigFile() {}

  static PolicyConfig.ConfigReading parse(String text, String source) {
    List<String> warnings = new ArrayList<>();
    Settings s = new Settings();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = source + ":" + (n + 1);
      String[] parts = line.split("=", -1);
      if (parts.length != 2) {
        warnings.add(
            where
                + ": "
                + (parts.length == 1 ? "no value for \"" + line + "\"" : "cannot parse \"" + line
                    + "\" (more than one '=')")
                + "; line ignored, as policyd-spf ignores it");
        continue;
      }
      String name = parts[0].strip();
      String value = parts[1].strip();
      s.apply(name, value, where, warnings);
    }
    PolicyConfig config = s.build(source, warnings);
    if (s.perUserSource != null) {
      config = PerUserFile.read(config, s.perUserSource, warnings);
    }
    return new PolicyConfig.ConfigReading(config, warnings);
  }

  /** Applies one recipient's settings to the global configuration (policydspfuser.py's names). */
  static PolicyConfig apply(PolicyConfig global, List<String[]> pairs, String where,
      List<String> warnings) {
    Settings s = new Settings(global);
    for (String[] pair : pairs) {
      if (!PER_USER_OPTIONS.contains(pair[0])) {
        warnings.add(where + ": \"" + pair[0] + "\" cannot be set per user (policyd-spf logs an"
            + " error and ignores it)");
        continue;
      }
      s.apply(pair[0], pair[1], where, warnings);
    }
    return s.build(where, warnings);
  }

  /** The names policyd-spf 3.0.4 accepts in a per-user line ({@code policydspfuser.py}). */
  private static final Set<String> PER_USER_OPTIONS = Set.of("debugLevel", "HELO_reject",
      "Mail_From_reject", "PermError_reject", "TempError_Defer", "Mail_From_pass_restriction",
      "HELO_pass_restriction", "Prospective", "Whitelist", "skip_addresses", "Domain_Whitelist",
      "Domain_Whitelist_PTR", "HELO_Whitelist", "No_Mail", "Reject_Not_Pass_Domains",
      "defaultSeedOnly", "SPF_Enhanced_Status_Codes", "Header_Type", "Hide_Receiver",
      "Lookup_Time", "Whitelist_Lookup_Time", "Void_Limit", "Reason_Message");

  /** The settings being read, starting from the defaults. */
  private static final class Settings {
    int debugLevel = DEFAULTS.debugLevel();
    RejectPolicy heloReject = DEFAULTS.heloReject();
    RejectPolicy mailFromReject = DEFAULTS.mailFromReject();
    boolean permErrorReject;
    boolean tempErrorDefer;
    List<Network> skipAddresses = DEFAULTS.skipAddresses();
    List<Network> whitelist = List.of();
    List<String> heloWhitelist = List.of();
    List<String> domainWhitelist = List.of();
    List<String> domainWhitelistPtr = List.of();
    boolean noMail;
    List<String> rejectNotPassDomains = List.of();
    @Nullable String heloPassRestriction;
    @Nullable String mailFromPassRestriction;
    int testOnly = 1;
    boolean enhancedStatusCodes = true;
    String headerTypeValue = "SPF";
    boolean hideReceiver;
    String authservId = PolicyConfig.HOSTNAME;
    Duration lookupTime = DEFAULTS.lookupTime();
    Duration whitelistLookupTime = DEFAULTS.whitelistLookupTime();
    int voidLimit = 2;
    String reasonMessage = PolicyConfig.DEFAULT_REASON_MESSAGE;
    boolean mock;
    @Nullable IpAddress prospective;
    @Nullable String perUserSource;

    Settings() {}

    Settings(PolicyConfig c) {
      debugLevel = c.debugLevel();
      heloReject = c.heloReject();
      mailFromReject = c.mailFromReject();
      permErrorReject = c.permErrorReject();
      tempErrorDefer = c.tempErrorDefer();
      skipAddresses = c.skipAddresses();
      whitelist = c.whitelist();
      heloWhitelist = c.heloWhitelist();
      domainWhitelist = c.domainWhitelist();
      domainWhitelistPtr = c.domainWhitelistPtr();
      noMail = c.noMail();
      rejectNotPassDomains = c.rejectNotPassDomains();
      heloPassRestriction = c.heloPassRestriction();
      mailFromPassRestriction = c.mailFromPassRestriction();
      testOnly = c.testOnly();
      enhancedStatusCodes = c.enhancedStatusCodes();
      headerTypeValue = switch (c.headerType()) {
        case SPF -> "SPF";
        case AR -> "AR";
        case NONE -> "None";
      };
      hideReceiver = c.hideReceiver();
      authservId = c.authservId();
      lookupTime = c.lookupTime();
      whitelistLookupTime = c.whitelistLookupTime();
      voidLimit = c.voidLimit();
      reasonMessage = c.reasonMessage();
      mock = c.mock();
      prospective = c.prospective();
      perUserSource = c.perUserSource();
    }

    void apply(String name, String value, String where, List<String> warnings) {
      switch (name) {
        case "debugLevel" -> debugLevel = integer(name, value, where, warnings, debugLevel);
        case "HELO_reject" -> heloReject = policy(name, value, where, warnings, true);
        case "Mail_From_reject" -> mailFromReject = policy(name, value, where, warnings, false);
        case "PermError_reject" -> permErrorReject = trueFalse(name, value, where, warnings);
        case "TempError_Defer" -> tempErrorDefer = trueFalse(name, value, where, warnings);
        case "No_Mail" -> noMail = trueFalse(name, value, where, warnings);
        case "skip_addresses" -> skipAddresses = networks(value, where + ": " + name, warnings);
        case "Whitelist" -> whitelist = networks(value, where + ": " + name, warnings);
        case "HELO_Whitelist" -> heloWhitelist = names(value);
        case "Domain_Whitelist" -> domainWhitelist = names(value);
        case "Domain_Whitelist_PTR" -> domainWhitelistPtr = names(value);
        case "Reject_Not_Pass_Domains" -> rejectNotPassDomains = names(value);
        case "HELO_pass_restriction" -> heloPassRestriction = value.isEmpty() ? null : value;
        case "Mail_From_pass_restriction" ->
            mailFromPassRestriction = value.isEmpty() ? null : value;
        case "TestOnly" -> testOnly = integer(name, value, where, warnings, testOnly);
        case "defaultSeedOnly" ->
            warnings.add(
                where
                    + ": defaultSeedOnly is deprecated and has no effect (use TestOnly), as in"
                    + " policyd-spf");
        case "SPF_Enhanced_Status_Codes" -> enhancedStatusCodes = !"No".equals(value);
        case "Header_Type" -> headerTypeValue = value;
        case "Hide_Receiver" -> hideReceiver = !"No".equals(value);
        case "Authserv_Id" -> authservId = value;
        case "Lookup_Time" -> lookupTime = seconds(name, value, where, warnings, lookupTime);
        case "Whitelist_Lookup_Time" ->
            whitelistLookupTime = seconds(name, value, where, warnings, whitelistLookupTime);
        case "Void_Limit" -> {
          int limit = integer(name, value, where, warnings, voidLimit);
          if (limit < 0) {
            warnings.add(where + ": Void_Limit " + limit + " is negative; 2 is used");
            limit = 2;
          }
          voidLimit = limit;
        }
        case "Reason_Message" -> reasonMessage = reason(value, where, warnings);
        case "Mock" -> mock = mock(value, where, warnings);
        case "Prospective" -> {
          Optional<IpAddress> ip = IpAddress.parse(value);
          if (ip.isEmpty()) {
            warnings.add(where + ": Prospective \"" + value + "\" is not an IP address; ignored");
          }
          prospective = ip.orElse(null);
        }
        case "Per_User" -> perUserSource = value;
        default -> {
          if (MILTER_OPTIONS.contains(name)) {
            warnings.add(
                where + ": " + name + " is an option of policyd-spf's milter; no effect here");
          } else {
            warnings.add(where + ": unknown option \"" + name + "\"; ignored, as policyd-spf"
                + " ignores it");
          }
        }
      }
    }

    PolicyConfig build(String source, List<String> warnings) {
      HeaderType headerType;
      boolean spf = headerTypeValue.contains("SPF");
      boolean ar = headerTypeValue.contains("AR");
      if (spf && ar) {
        warnings.add(
            source
                + ": Header_Type \""
                + headerTypeValue
                + "\" names both SPF and AR (policyd-spf fails every check then); SPF is used");
        headerType = HeaderType.SPF;
      } else if (ar) {
        headerType = HeaderType.AR;
      } else if ("None".equals(headerTypeValue)) {
        headerType = HeaderType.NONE;
      } else {
        if (!spf) {
          warnings.add(
              source + ": Header_Type \"" + headerTypeValue + "\" is not SPF, AR or None;"
                  + " Received-SPF is used, as in policyd-spf");
        }
        headerType = HeaderType.SPF;
      }
      if (headerType == HeaderType.AR && authservId.isEmpty()) {
        warnings.add(
            source + ": Header_Type AR needs an Authserv_Id (policyd-spf fails every check"
                + " without one); the host name is used");
        authservId = PolicyConfig.HOSTNAME;
      }
      if (heloReject == RejectPolicy.NO_CHECK && mailFromReject == RejectPolicy.NO_CHECK) {
        warnings.add(source + ": HELO_reject and Mail_From_reject are both No_Check: nothing is"
            + " checked");
      }
      return new PolicyConfig(
          debugLevel, heloReject, mailFromReject, permErrorReject, tempErrorDefer, skipAddresses,
          whitelist, heloWhitelist, domainWhitelist, domainWhitelistPtr, noMail,
          rejectNotPassDomains, heloPassRestriction, mailFromPassRestriction, testOnly,
          enhancedStatusCodes, headerType, hideReceiver, authservId, lookupTime,
          whitelistLookupTime, voidLimit, reasonMessage, mock, prospective, perUserSource,
          Map.of());
    }
  }

  private static RejectPolicy policy(
      String name, String value, String where, List<String> warnings, boolean helo) {
    RejectPolicy policy = RejectPolicy.fromToken(value);
    if (policy == RejectPolicy.NULL && !helo) {
      policy = RejectPolicy.UNRECOGNISED;
    }
    if (policy == RejectPolicy.UNRECOGNISED) {
      warnings.add(
          where
              + ": "
              + name
              + " \""
              + value
              + "\" is not one of "
              + (helo ? "Fail, Softfail, SPF_Not_Pass, Null, False, No_Check"
                  : "Fail, Softfail, SPF_Not_Pass, False, No_Check")
              + " (case matters): as in policyd-spf, no result of this identity rejects, but"
              + " TempError_Defer and PermError_reject still apply");
    }
    return policy;
  }

  private static boolean trueFalse(String name, String value, String where, List<String> warnings) {
    if (!"True".equals(value) && !"False".equals(value)) {
      warnings.add(
          where + ": " + name + " \"" + value + "\" is neither True nor False (case matters);"
              + " read as False, as in policyd-spf");
    }
    return "True".equals(value);
  }

  private static boolean mock(String value, String where, List<String> warnings) {
    // policyd-spf converts with Python's bool(): any non-empty text, even "False", turns Mock on.
    String lower = value.toLowerCase(Locale.ROOT);
    boolean off = value.isEmpty() || Set.of("false", "no", "0", "off").contains(lower);
    if (off && !value.isEmpty()) {
      warnings.add(
          where + ": Mock \"" + value + "\" is read as off; note that policyd-spf 3.0.4 turns"
              + " Mock on for any non-empty value");
    }
    return !off;
  }

  private static int integer(
      String name, String value, String where, List<String> warnings, int fallback) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      warnings.add(
          where + ": " + name + " \"" + value + "\" is not an integer (policyd-spf does not"
              + " start); " + fallback + " is used");
      return fallback;
    }
  }

  private static Duration seconds(
      String name, String value, String where, List<String> warnings, Duration fallback) {
    int seconds = integer(name, value, where, warnings, (int) fallback.toSeconds());
    if (seconds <= 0) {
      warnings.add(
          where + ": " + name + " " + seconds + " is not a positive number of seconds; "
              + fallback.toSeconds() + " is used");
      return fallback;
    }
    return Duration.ofSeconds(seconds);
  }

  private static String reason(String value, String where, List<String> warnings) {
    String rest = value.replace("{rejectdefer}", "").replace("{spf}", "").replace("{url}", "")
        .replace("{{", "").replace("}}", "");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      warnings.add(
          where + ": Reason_Message has a brace that is not {rejectdefer}, {spf} or {url}"
              + " (policyd-spf fails on it); it is sent as written");
    }
    return value;
  }

  private static List<String> names(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
      }
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  private static List<Network> networks(String value, String what, List<String> warnings) {
    List<Network> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isBlank()) {
        continue;
      }
      Optional<Network> network = Network.parse(part);
      if (network.isEmpty()) {
        warnings.add(
            what + ": \"" + part.strip() + "\" is not a network in CIDR notation (or has host"
                + " bits set); entry ignored (policyd-spf stops reading the list there at each"
                + " check)");
      } else {
        out.add(network.get());
      }
    }
    return List.copyOf(out);
  }
}
