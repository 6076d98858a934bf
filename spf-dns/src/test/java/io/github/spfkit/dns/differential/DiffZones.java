package io.github.spfkit.dns.differential;

import io.github.spfkit.dns.KnotServer;
import io.github.spfkit.dns.SuiteZones;
import java.util.List;

/**
 * All cases' worlds as zones for one Knot: everything in the root zone, so that every name of
 * every world is answered with NXDOMAIN or NODATA as written, and {@link World#SERVFAIL_ZONE} as a
 * zone whose file does not load, so that every name under it answers SERVFAIL.
 */
final class DiffZones {

  private static final String SOA =
      " 300 IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300\n";

  private DiffZones() {}

  static List<KnotServer.Zone> zones(List<DiffCase> cases) {
    StringBuilder root = new StringBuilder(cases.size() * 600);
    root.append("$TTL 300\n.").append(SOA).append(". 300 IN NS ns.invalid.\n");
    for (DiffCase c : cases) {
      for (World.Rr rr : c.records()) {
        if (rr.owner().endsWith("." + World.SERVFAIL_ZONE)) {
          continue; // never served: the zone does not load
        }
        root.append(SuiteZones.name(rr.owner())).append(" IN ").append(rr.type()).append(' ');
        root.append(
                switch (rr.type()) {
                  case "TXT" -> SuiteZones.txt(rr.data());
                  case "MX" -> mx(rr.data().get(0));
                  case "PTR", "CNAME" -> SuiteZones.name(rr.data().get(0));
                  default -> rr.data().get(0);
                })
            .append('\n');
      }
    }
    return List.of(KnotServer.Zone.of(".", root.toString()), KnotServer.Zone.broken(World.SERVFAIL_ZONE));
  }

  private static String mx(String data) {
    int space = data.indexOf(' ');
    return data.substring(0, space + 1) + SuiteZones.name(data.substring(space + 1));
  }
}
