package io.github.spfkit.core.record;


/**
 * An unmodifiable list over an array that the parser made for it and gave away: {@link SpfRecord}
 * and {@link MacroString} keep it as it is, where {@code List.of(array)} would copy the array once
 * more. Only this package makes one, and never keeps a reference to the array.
 */
final class ArrayView<E> extends FixedList<E> {
  private final E[] elements;

  /** The array is the list's from now on: no element is null, and no one writes to it again. */
  ArrayView(E[] elements) {
    this.elements = elements;
  }

  @Override
  public E get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
