package io.github.spfkit.core.internal;

import io.github.spfkit.core.Identity;
import io.github.spfkit.core.Limits;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.net.IpAddress;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Placeholder. */
public final class Evaluator {
  /** Placeholder. */
  public record Request(
      IpAddress ip,
      String domain,
      String sender,
      @Nullable String helo,
      @Nullable String receiver,
      Identity identity,
      @Nullable String policy) {}

  /** Placeholder. */
  public Evaluator(
      DnsLookup dns,
      Limits limits,
      @Nullable String defaultExplanation,
      RecordCache cache,
      boolean prefetch) {}

  /** Placeholder. */
  public CompletionStage<SpfResult> evaluate(Request request) {
    throw new UnsupportedOperationException();
  }
}
