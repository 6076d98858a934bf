package io.github.spfkit.core.record;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The positions of a parsed record's terms, held as {@code int}s: an immutable list that {@link
 * ParseResult.Valid} keeps without copying or boxing them all.
 */
final class Positions extends AbstractList<Integer> implements RandomAccess {
  private final int[] values;
  private final int size;

  /** The first {@code size} values; the array is the caller's no more. */
  Positions(int[] values, int size) {
    this.values = values;
    this.size = size;
  }

  @Override
  public Integer get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  @Override
  public int size() {
    return size;
  }
}
