package io.github.spfkit.benchmarks;

import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.DNSServiceEnabled;
import org.apache.james.jspf.core.MacroExpand;
import org.apache.james.jspf.core.MacroExpandEnabled;
import org.apache.james.jspf.core.SPFCheckEnabled;
import org.apache.james.jspf.core.SPFRecordParser;
import org.apache.james.jspf.impl.DefaultTermsFactory;
import org.apache.james.jspf.impl.SPF;
import org.apache.james.jspf.parser.RFC4408SPF1Parser;
import org.apache.james.jspf.wiring.WiringServiceTable;

/** Sets up Apache jSPF the way its own {@code SPF(DNSService)} constructor does. */
final class Jspf {
  private Jspf() {}

  /** A checker on {@code dns} with jSPF's synchronous executor and default policies. */
  static SPF checker(DNSService dns) {
    return new SPF(dns);
  }

  /**
   * jSPF's record parser, wired as {@code SPF} wires its own (the terms it creates need the DNS
   * service, the macro expander and the checker; parsing itself asks no DNS).
   */
  static SPFRecordParser parser(DNSService dns) {
    WiringServiceTable wiring = new WiringServiceTable();
    wiring.put(DNSServiceEnabled.class, dns);
    wiring.put(MacroExpandEnabled.class, new MacroExpand(dns));
    wiring.put(SPFCheckEnabled.class, checker(dns));
    return new RFC4408SPF1Parser(new DefaultTermsFactory(wiring));
  }
}
