package io.github.spfkit.diagnosis;

/** Where a fact of the diagnosis came from. */
public enum FactSource {
  /** Read from the bounce: the rejecting server's reply, the report's fields, the returned headers. */
  BOUNCE,
  /** Given by the user ({@link RequestFacts}), which wins over the bounce. */
  USER,
  /** Looked up: the address of the host that wrote the report, checked in place of a client IP the bounce did not state. */
  REPORTING_HOST
}
