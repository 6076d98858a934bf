package io.github.spfkit.core.dns;

/** The DNS record types SPF evaluation asks for (RFC 7208 §4.6.4, §5). */
public enum RecordType {
  /** Text records: SPF policies (RFC 7208 §3, §4.5) and explanation strings (§6.2). */
  TXT,
  /** IPv4 addresses ({@code a}, {@code mx} and {@code ptr} validation, §5.3-§5.5). */
  A,
  /** IPv6 addresses. */
  AAAA,
  /** Mail exchangers ({@code mx}, §5.4). */
  MX,
  /** Reverse names ({@code ptr} and the {@code %{p}} macro, §5.5, §7.3). */
  PTR,
  /**
   * The obsolete type-99 SPF record (RFC 7208 §3.1, §14.1). The evaluator never asks for it;
   * linters do, to warn about records that no receiver reads.
   */
  SPF
}
