package io.github.spfkit.diagnosis;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * DMARC identifier alignment of the SPF-authenticated domain with the From domain (RFC 9989
 * §4.4): strict means the same name; relaxed means the same Organizational Domain, found by {@link
 * DmarcTreeWalk}. Without DNS only strict alignment can be told.
 */
final class OrgDomains {
  private OrgDomains() {}

  /**
   * The outcome of an alignment check.
   *
   * @param aligned whether the domains are aligned, or {@code null} when it cannot be told (no DNS,
   *     or a lookup of the walk failed)
   * @param mode {@code r} (relaxed) or {@code s} (strict), from the From domain's policy
   * @param spfOrg the Organizational Domain of the SPF domain, or {@code null} if not known
   * @param fromOrg the Organizational Domain of the From domain, or {@code null} if not known
   */
  record Alignment(@Nullable Boolean aligned, String mode, @Nullable String spfOrg, @Nullable String fromOrg) {}

  static Alignment align(
      String spfDomain, String fromDomain, DmarcTreeWalk.@Nullable Walk spf, DmarcTreeWalk.@Nullable Walk from) {
    boolean same = spfDomain.equalsIgnoreCase(fromDomain);
    if (from == null || spf == null) {
      return new Alignment(same ? Boolean.TRUE : null, "r", null, null);
    }
    String mode = from.spfMode();
    boolean aligned = mode.equals("s") ? same : spf.organizational().equals(from.organizational());
    return new Alignment(aligned, mode, spf.organizational(), from.organizational());
  }

  /**
   * Whether a reporting host belongs to the sender's own mail system, for telling an alias expanded
   * on the sender's own server from forwarding elsewhere: the host is the domain, under it, or
   * under the domain's parent (mx.example.co.uk for a.example.co.uk). Not a DMARC alignment test.
   */
  static boolean sameSystem(String host, String domain) {
    String h = host.toLowerCase(Locale.ROOT);
    String d = domain.toLowerCase(Locale.ROOT);
    if (h.equals(d) || h.endsWith("." + d)) {
      return true;
    }
    int dot = h.indexOf('.');
    String parent = dot < 0 ? "" : h.substring(dot + 1);
    return parent.indexOf('.') > 0 && (d.equals(parent) || d.endsWith("." + parent));
  }
}
