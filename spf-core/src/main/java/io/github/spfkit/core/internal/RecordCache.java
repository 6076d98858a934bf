package io.github.spfkit.core.internal;

/** Placeholder. */
public final class RecordCache {
  /** Placeholder. */
  public RecordCache(int size) {}
}
