package io.github.spfkit.diagnosis;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.ReceivedHop;
import io.github.spfkit.lint.LintReport;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the live lookups found for one bounce, as a value: what the cause finder, the advisor
 * and the evidence writer decide from. Made by {@link DiagnosisRun}; nothing here does I/O.
 *
 * @param domain the analyzed domain (the envelope domain, or the HELO name for HELO failures)
 * @param helo whether the HELO identity was analyzed
 * @param sender the sender used for the MAIL FROM check
 * @param ip the client IP that was checked, or {@code null} if none was known
 * @param candidate the reporting host whose address was checked in place of an IP the bounce did
 *     not state, or {@code null}
 * @param state what the domain's TXT lookup showed
 * @param result the live {@code check_host()} result for {@code ip}, or {@code null} without an IP
 * @param lint the lint of the domain's SPF tree, or {@code null} when DNS was unavailable
 * @param reach whether this machine's DNS answered anything at all
 * @param outbound for a client IP that is not public, the nearest public address in the returned
 *     message's {@code Received} chain with its live check, or {@code null}
 * @param expired whether the diagnosis deadline passed before everything was answered
 */
record LiveAnalysis(
    String domain,
    boolean helo,
    String sender,
    @Nullable IpAddress ip,
    @Nullable String candidate,
    DomainState state,
    @Nullable SpfResult result,
    @Nullable LintReport lint,
    Reach reach,
    @Nullable Outbound outbound,
    boolean expired) {

  LiveAnalysis {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reach, "reach");
  }

  /**
   * The nearest public sending address in the returned message's {@code Received} chain.
   *
   * @param hop the {@code Received} field it was read from
   * @param ip its address
   * @param result the live check of the domain for it, or {@code null} if it could not be run
   */
  record Outbound(ReceivedHop hop, IpAddress ip, @Nullable SpfResult result) {}

  /**
   * Whether DNS answered at all from this machine, found by asking the names above the analyzed
   * domain when the domain itself got no answer.
   *
   * @param unavailable {@code true} when neither the domain nor its top-level domain got any
   *     answer
   * @param failures each name tried that got no answer, with the reason the DNS seam gave
   */
  record Reach(boolean unavailable, List<String> failures) {
    Reach {
      failures = List.copyOf(failures);
    }

    static final Reach ANSWERED = new Reach(false, List.of());
  }
}
