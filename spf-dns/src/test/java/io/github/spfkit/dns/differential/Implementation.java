package io.github.spfkit.dns.differential;

/** The implementations compared. */
enum Implementation {
  /** This library: spf-core evaluating through spf-dns's {@code DnsJavaLookup}. */
  SPFKIT("spfkit"),
  /** pyspf 2.0.14 (Debian {@code python3-spf}), DNS through pydns. */
  PYSPF("pyspf"),
  /** Mail::SPF 2.9.0 (Debian {@code libmail-spf-perl}), DNS through Net::DNS. */
  MAIL_SPF("Mail::SPF");

  private final String label;

  Implementation(String label) {
    this.label = label;
  }

  /** The name used in reports and in the README. */
  String label() {
    return label;
  }
}
