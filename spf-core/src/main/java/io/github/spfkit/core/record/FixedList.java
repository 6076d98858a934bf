package io.github.spfkit.core.record;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The base of this package's own unmodifiable lists ({@link ArrayView}, {@link LiteralTokens}): a
 * {@link List} by {@link #get(int)} and {@link #size()}, with the {@code equals} and {@code
 * hashCode} of the {@code List} contract. Unlike {@code AbstractList} it holds no modification
 * count, which these lists, made once and never changed, do not need.
 */
abstract class FixedList<E> extends AbstractCollection<E> implements List<E>, RandomAccess {

  @Override
  public ListIterator<E> iterator() {
    return listIterator(0);
  }

  @Override
  public ListIterator<E> listIterator() {
    return listIterator(0);
  }

  @Override
  public ListIterator<E> listIterator(int index) {
    Objects.checkIndex(index, size() + 1);
    return new Cursor(index);
  }

  @Override
  public int indexOf(@Nullable Object o) {
    for (int i = 0; i < size(); i++) {
      if (get(i).equals(o)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int lastIndexOf(@Nullable Object o) {
    for (int i = size() - 1; i >= 0; i--) {
      if (get(i).equals(o)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean contains(@Nullable Object o) {
    return indexOf(o) >= 0;
  }

  @Override
  public List<E> subList(int fromIndex, int toIndex) {
    return List.copyOf(this).subList(fromIndex, toIndex);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof List<?> other) || other.size() != size()) {
      return false;
    }
    int i = 0;
    for (Object element : other) {
      if (!get(i++).equals(element)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size(); i++) {
      hash = 31 * hash + get(i).hashCode();
    }
    return hash;
  }

  @Override
  public E set(int index, E element) {
    throw new UnsupportedOperationException("unmodifiable list");
  }

  @Override
  public void add(int index, E element) {
    throw new UnsupportedOperationException("unmodifiable list");
  }

  @Override
  public E remove(int index) {
    throw new UnsupportedOperationException("unmodifiable list");
  }

  @Override
  public boolean addAll(int index, Collection<? extends E> c) {
    throw new UnsupportedOperationException("unmodifiable list");
  }

  /** A read-only cursor. */
  private final class Cursor implements ListIterator<E> {
    private int next;

    Cursor(int next) {
      this.next = next;
    }

    @Override
    public boolean hasNext() {
      return next < size();
    }

    @Override
    public E next() {
      if (next >= size()) {
        throw new NoSuchElementException();
      }
      return get(next++);
    }

    @Override
    public boolean hasPrevious() {
      return next > 0;
    }

    @Override
    public E previous() {
      if (next <= 0) {
        throw new NoSuchElementException();
      }
      return get(--next);
    }

    @Override
    public int nextIndex() {
      return next;
    }

    @Override
    public int previousIndex() {
      return next - 1;
    }

    @Override
    public void remove() {
      throw new UnsupportedOperationException("unmodifiable list");
    }

    @Override
    public void set(E e) {
      throw new UnsupportedOperationException("unmodifiable list");
    }

    @Override
    public void add(E e) {
      throw new UnsupportedOperationException("unmodifiable list");
    }
  }
}
