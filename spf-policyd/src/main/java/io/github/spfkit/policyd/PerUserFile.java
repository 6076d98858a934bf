package io.github.spfkit.policyd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code policyd-spf.peruser(5)}: {@code Per_User = text,PATH} names a file of lines {@code
 * recipient,Name=value|Name=value...}; a recipient's settings replace the global ones for mail to
 * that recipient. Read once at start (policyd-spf reads it again for every request).
 */
final class PerUserFile {
  private PerUserFile() {}

  static PolicyConfig read(PolicyConfig global, String source, List<String> warnings) {
    int comma = source.indexOf(',');
    String type = comma < 0 ? source : source.substring(0, comma).strip();
    if (comma < 0 || !type.equals("text")) {
      warnings.add("Per_User \"" + source + "\" is not text,PATH (the only type policyd-spf"
          + " knows); per-user settings are off");
      return withPerUser(global, null, Map.of());
    }
    Path path = Path.of(source.substring(comma + 1).strip());
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      warnings.add("Per_User file " + path + " cannot be read (" + e.getMessage() + "); the"
          + " global settings apply, as in policyd-spf");
      return withPerUser(global, source, Map.of());
    }
    Map<String, PolicyConfig> users = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int hash = line.indexOf('#');
      line = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = path + ":" + (n + 1);
      int userEnd = line.indexOf(',');
      if (userEnd <= 0) {
        warnings.add(where + ": not recipient,settings; line ignored");
        continue;
      }
      String user = line.substring(0, userEnd).strip().toLowerCase(Locale.ROOT);
      List<String[]> pairs = new ArrayList<>();
      boolean broken = false;
      for (String pair : line.substring(userEnd + 1).split("\\|", -1)) {
        String[] kv = pair.split("=", -1);
        if (kv.length != 2) {
          broken = true;
          break;
        }
        pairs.add(new String[] {kv[0].strip(), kv[1].strip()});
      }
      if (broken) {
        warnings.add(where + ": a setting is not Name=value (policyd-spf fails on this line);"
            + " line ignored");
        continue;
      }
      if (users.containsKey(user)) {
        warnings.add(where + ": " + user + " appears again; the first line wins, as in"
            + " policyd-spf");
        continue;
      }
      users.put(user, ConfigFile.apply(global, pairs, where, warnings));
    }
    return withPerUser(global, source, users);
  }

  private static PolicyConfig withPerUser(PolicyConfig c, @Nullable String source,
      Map<String, PolicyConfig> users) {
    return new PolicyConfig(
        c.debugLevel(), c.heloReject(), c.mailFromReject(), c.permErrorReject(),
        c.tempErrorDefer(), c.skipAddresses(), c.whitelist(), c.heloWhitelist(),
        c.domainWhitelist(), c.domainWhitelistPtr(), c.noMail(), c.rejectNotPassDomains(),
        c.heloPassRestriction(), c.mailFromPassRestriction(), c.testOnly(),
        c.enhancedStatusCodes(), c.headerType(), c.hideReceiver(), c.authservId(),
        c.lookupTime(), c.whitelistLookupTime(), c.voidLimit(), c.reasonMessage(), c.mock(),
        c.prospective(), source, users);
  }
}
