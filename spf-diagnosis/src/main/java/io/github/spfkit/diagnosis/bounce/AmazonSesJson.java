package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Amazon SES bounce notifications in JSON, as SES sends them by SNS or email ({@code
 * "notificationType":"Bounce"}, {@code bouncedRecipients[].diagnosticCode} such as {@code "smtp;
 * 550 5.1.1 user unknown"}), also when the whole notification is a string inside an SNS envelope
 * ({@code "Message" : "{\"notificationType\":...}"}).
 */
final class AmazonSesJson implements Dialect {
  private static final Pattern BOUNCE = Pattern.compile("\"notificationType\"\\s*:\\s*\"Bounce\"");
  private static final int MAX_RECIPIENTS = 50;

  @Override
  public String name() {
    return "amazon-ses-json";
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String json = notice.text();
    if (json.indexOf('{') < 0 || !json.contains("notificationType")) {
      return null;
    }
    if (json.contains("\\\"notificationType\\\"")) {
      // the notification is a JSON string inside the SNS envelope: take it out once
      json = json.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\");
    }
    if (!BOUNCE.matcher(json).find()) {
      return null;
    }
    String diagnostic = field(json, "diagnosticCode");
    List<String> recipients = new ArrayList<>();
    Matcher m = field("emailAddress").matcher(json);
    while (m.find() && recipients.size() < MAX_RECIPIENTS) {
      String address = unescape(m.group(1));
      if (address.indexOf('@') > 0 && !recipients.contains(address)) {
        recipients.add(address);
      }
    }
    String reporting = field(json, "reportingMTA");
    String source = field(json, "source");
    return new Reading(
        diagnostic == null ? null : Replies.parse(HeaderBlock.untyped(diagnostic)),
        null,
        Statements.ip(field(json, "remoteMtaIp")),
        reporting == null ? null : HeaderBlock.untyped(reporting),
        recipients,
        source == null ? null : BounceParser.address(source));
  }

  private static Pattern field(String name) {
    return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,4000})\"");
  }

  private static @Nullable String field(String json, String name) {
    Matcher m = field(name).matcher(json);
    return m.find() ? unescape(m.group(1)) : null;
  }

  /** A JSON string's escapes: the short ones and {@code \\uXXXX}. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n', 'r', 't' -> out.append(' ');
        case 'u' -> {
          if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
