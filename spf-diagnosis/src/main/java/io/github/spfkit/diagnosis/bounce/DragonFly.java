package io.github.spfkit.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The DragonFly Mail Agent: "HOST [IP] did not like our RCPT TO:" then the reply. */
final class DragonFly implements Dialect {
  private static final int F = Pattern.CASE_INSENSITIVE;
  private static final int FD = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern DMA =
      Pattern.compile(
          "^(\\S+) \\[([^\\]]*)\\] did not like our [^:\\n]+:\\s*\\n(.+?)" + Dialects.END,
          FD | Pattern.MULTILINE);
  private static final Pattern DMA_AT = Pattern.compile("DragonFly Mail Agent[^\\n]*? at ([^\\s]+?)\\.?\\s", F);

  @Override
  public String name() {
    return "dragonfly";
  }

  @Override
  public @Nullable BounceFormat format(Notice notice) {
    return notice.fullText().contains("DragonFly Mail Agent") ? BounceFormat.DMA : null;
  }

  @Override
  public @Nullable Reading read(Notice notice) {
    String text = notice.text();
    Matcher m = DMA.matcher(text);
    Matcher at = DMA_AT.matcher(text);
    String reporting = at.find() ? at.group(1) : null;
    if (m.find()) {
      return new Reading(Replies.parse(m.group(3)), m.group(1), null, reporting, List.of(), null);
    }
    return reporting == null ? null : new Reading(null, null, null, reporting, List.of(), null);
  }
}
