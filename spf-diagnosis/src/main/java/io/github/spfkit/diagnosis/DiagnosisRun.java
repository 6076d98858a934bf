package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One diagnosis: classification, live analysis, advice. Not thread safe; one per bounce. */
final class DiagnosisRun {
  private final @Nullable DnsLookup dns;
  private final Limits limits;
  private final Duration deadline;
  private final Messages messages;

  DiagnosisRun(@Nullable DnsLookup dns, Limits limits, Duration deadline, Messages messages) {
    this.dns = dns;
    this.limits = limits;
    this.deadline = deadline;
    this.messages = messages;
  }

  Diagnosis run(BounceFacts facts) {
    Category category = Classifier.classify(facts);
    return new Diagnosis(
        category.isAuthentication(), category,
        category == Category.NOT_SPF ? Cause.NOT_SPF : Cause.UNDETERMINED, facts, null, null,
        List.of(), List.of(), null, null, null, facts.unreadable());
  }
}
