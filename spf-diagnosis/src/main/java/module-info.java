/**
 * Diagnosis of SPF-related bounces: reads a bounce (RFC 3464 reports, Exchange, Postfix, Exim,
 * Sendmail, qmail and plain-text notices), tells what the rejecting server said, finds the root
 * cause through a live analysis over the {@link io.github.spfkit.core.dns.DnsLookup} seam, and
 * gives advice with a proposed record that was verified before it is offered. Lints the sender's
 * tree with spf-lint ({@code io.github.spfkit.lint}), which it gives its users.
 */
module io.github.spfkit.diagnosis {
  requires transitive io.github.spfkit.core;
  requires transitive io.github.spfkit.lint;
  requires static org.jspecify;
  requires apache.mime4j.core;
  requires apache.mime4j.dom;
  // mime4j 0.8.14's jars are automatic modules: they read every module but make none resolve, and
  // commons-io (which they use) has a module descriptor of its own. Required here so that
  // `java --module-path` resolves it; without it MIME parsing fails with NoClassDefFoundError.
  requires org.apache.commons.io;

  exports io.github.spfkit.diagnosis;
  exports io.github.spfkit.diagnosis.bounce;
}
