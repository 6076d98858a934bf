package io.github.spfkit.dns.differential;

/** Our judgement of a kind of disagreement. */
enum Verdict {
  /** A reference implementation departs from RFC 7208; we follow the RFC. */
  REFERENCE_DEVIATION("reference deviation"),
  /** RFC 7208 allows both readings (or says nothing); ours is documented. */
  OPEN_IN_THE_RFC("open in the RFC"),
  /** We differ from both references and RFC 7208's text supports our reading. */
  OURS("ours");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The verdict as the README's table writes it. */
  String label() {
    return label;
  }
}
