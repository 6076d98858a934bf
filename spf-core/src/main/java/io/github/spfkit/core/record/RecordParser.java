package io.github.spfkit.core.record;

/** Placeholder. */
public final class RecordParser {
  private RecordParser() {}

  /** Placeholder. */
  public static ParseResult parse(String text) {
    throw new UnsupportedOperationException();
  }
}
