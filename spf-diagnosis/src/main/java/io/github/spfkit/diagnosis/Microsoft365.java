package io.github.spfkit.diagnosis;

import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.ReceivedHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What Microsoft says to do about an SPF rejection of mail sent from Microsoft 365 / Exchange
 * Online (vendor texts §1.2, root causes §12), in three steps that the diagnosis always gives for
 * one: the record check, done live here; ruling out the High Risk Delivery Pool and the relay pool;
 * contacting the receiving admin with the exact error. Everything about this vendor is in this file.
 */
final class Microsoft365 {
  private Microsoft365() {}

  /** Microsoft's NDR label for 5.7.23, as an admin pastes it. */
  private static final String LABEL = "rejected because of sender policy framework violation";

  /** Whether the bounce is an SPF rejection of mail that left Microsoft 365. */
  static boolean spfRejection(BounceFacts facts, Category category) {
    boolean spf =
        category == Category.SPF_FAIL || category == Category.SPF_ERROR
            || category == Category.SPF_POLICY || category == Category.SPF_HELO
            || (category == Category.DMARC && mentionsSpf(facts));
    return spf && fromMicrosoft365(facts);
  }

  private static boolean fromMicrosoft365(BounceFacts facts) {
    if (microsoftHost(facts.reportingMta())) {
      return true;
    }
    for (ReceivedHop hop : facts.received()) {
      if (microsoftHost(hop.by()) || microsoftHost(hop.fromName())) {
        return true;
      }
    }
    String reply = facts.replyText();
    return reply != null && Classifier.normalize(reply).contains(LABEL);
  }

  private static boolean mentionsSpf(BounceFacts facts) {
    String reply = facts.replyText();
    return reply != null && Classifier.normalize(reply).matches(".*\\bspf\\b.*");
  }

  private static boolean microsoftHost(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".outlook.com") || h.endsWith(".outlook.office365.com") || h.endsWith(".office365.com");
  }

  /** The returned headers' hops that show the relay pool or Microsoft's relay, for the evidence. */
  static List<String> poolHops(BounceFacts facts) {
    List<String> out = new ArrayList<>();
    for (ReceivedHop hop : facts.received()) {
      IpAddress ip = hop.fromIp() == null ? null : IpAddress.parse(hop.fromIp()).orElse(null);
      boolean relayPool = ip != null && ip.isIn(CauseFinder.RELAY_POOL, 16);
      boolean relay = contains(hop.fromName(), "mail.protection.outlook.com")
          || contains(hop.by(), "mail.protection.outlook.com");
      if (relayPool || relay) {
        out.add((hop.fromName() == null ? "?" : hop.fromName())
            + (hop.fromIp() == null ? "" : " [" + hop.fromIp() + "]")
            + (hop.by() == null ? "" : " -> " + hop.by()));
      }
    }
    return out;
  }

  private static boolean contains(@Nullable String host, String part) {
    return host != null && host.toLowerCase(Locale.ROOT).contains(part);
  }

  /** The three steps; {@code hrdpGiven} leaves out the second when the cause's advice is that step. */
  static List<Advice> steps(Messages messages, CauseFinder.Case c, boolean hrdpGiven) {
    BounceFacts facts = c.facts();
    List<Advice> out = new ArrayList<>();
    LiveAnalysis live = c.live();
    SpfResult result = live == null ? null : live.result();
    if (live != null && result != null) {
      Object record = live.state() instanceof DomainState.Published published
          ? String.join(" | ", published.records())
          : EvidenceWriter.state(live.state());
      out.add(messages.advice("m365-record-check", live.domain(), result.result().token(),
          result.ip().toString(), record));
    } else {
      String domain = live != null ? live.domain() : facts.senderDomain();
      String reason = domain == null ? "reason.no-domain"
          : !c.dnsConfigured() ? "reason.no-dns"
          : live != null && live.reach().unavailable() ? "reason.dns-unavailable"
          : "reason.no-ip";
      out.add(domain == null
          ? messages.adviceAs("m365-record-check", "m365-record-check-no-domain", Phrase.of(reason))
          : messages.adviceAs("m365-record-check", "m365-record-check-not-run", domain, Phrase.of(reason)));
    }
    if (!hrdpGiven) {
      out.add(messages.advice("m365-hrdp"));
    }
    String code = Texts.join(facts.replyCode(), facts.statusCode());
    String reply = facts.replyText();
    String quoted = (code.isEmpty() ? "" : code + " ") + (reply == null ? "" : Texts.shorten(reply, 600));
    out.add(facts.rejectingHost() == null
        ? messages.adviceAs("m365-contact", "m365-contact-unknown-host", quoted)
        : messages.advice("m365-contact", facts.rejectingHost(), quoted));
    return out;
  }
}
