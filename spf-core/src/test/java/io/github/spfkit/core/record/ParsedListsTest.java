package io.github.spfkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lists a parse hands out (a record's terms, a macro string's tokens) keep the whole {@link
 * List} contract: they equal, hash and search like {@code List.of} of the same elements, walk both
 * ways, and refuse every change.
 */
final class ParsedListsTest {

  private static SpfRecord valid(String text) {
    return ((ParseResult.Valid) RecordParser.parse(text)).record();
  }

  private static MacroString domain(String record) {
    return ((Mechanism.Include) valid(record).terms().get(0)).domain();
  }

  /** Each case: a list the parser made, and the same elements as an ordinary list. */
  static Stream<Arguments> parsedLists() {
    SpfRecord record = valid("v=spf1 a mx -all a");
    List<Term> expectedTerms =
        List.of(
            new Mechanism.A(Qualifier.PASS, null, 32, 128),
            new Mechanism.Mx(Qualifier.PASS, null, 32, 128),
            new Mechanism.All(Qualifier.FAIL),
            new Mechanism.A(Qualifier.PASS, null, 32, 128));
    MacroString literal = domain("v=spf1 include:_spf.example.com");
    MacroString macros = domain("v=spf1 include:%{i}.%{d2}.example.com");
    return Stream.of(
        Arguments.of("terms of a record", record.terms(), expectedTerms),
        Arguments.of(
            "tokens of a literal domain",
            literal.tokens(),
            List.of(new MacroToken.Literal("_spf.example.com"))),
        Arguments.of(
            "tokens of a domain with macros",
            macros.tokens(),
            List.of(
                new MacroToken.Macro('i', false, 0, false, ""),
                new MacroToken.Literal("."),
                new MacroToken.Macro('d', false, 2, false, ""),
                new MacroToken.Literal(".example.com"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  @SuppressWarnings("JdkObsolete") // a LinkedList: a list that is not RandomAccess
  void equalsAndHashesLikeAnOrdinaryListOfTheSameElements(
      String name, List<?> parsed, List<?> expected) {
    assertThat(parsed.equals(expected)).isTrue();
    assertThat(expected.equals(parsed)).isTrue();
    assertThat(parsed.equals(new LinkedList<>(expected))).isTrue();
    assertThat(parsed.equals(parsed)).isTrue();
    assertThat(parsed.hashCode()).isEqualTo(expected.hashCode());
    assertThat(parsed).hasSameSizeAs(expected).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  void differsFromAListWithOneElementChangedOrMissingOrAdded(
      String name, List<?> parsed, List<?> expected) {
    List<Object> changedLast = new ArrayList<>(expected);
    changedLast.set(changedLast.size() - 1, "something else");
    List<Object> changedFirst = new ArrayList<>(expected);
    changedFirst.set(0, "something else");
    List<Object> longer = new ArrayList<>(expected);
    longer.add(expected.get(0));

    assertThat(parsed.equals(changedLast)).isFalse();
    assertThat(parsed.equals(changedFirst)).isFalse();
    assertThat(parsed.equals(expected.subList(0, expected.size() - 1))).isFalse();
    assertThat(parsed.equals(longer)).isFalse();
    Object sameElementsAsASet = new LinkedHashSet<>(expected);
    Object nothing = null;
    assertThat(parsed.equals(sameElementsAsASet)).isFalse();
    assertThat(parsed.equals(nothing)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  void findsEachElementByItsFirstAndLastIndex(String name, List<?> parsed, List<?> expected) {
    for (Object element : expected) {
      assertThat(parsed.indexOf(element)).isEqualTo(expected.indexOf(element));
      assertThat(parsed.lastIndexOf(element)).isEqualTo(expected.lastIndexOf(element));
      assertThat(parsed.contains(element)).isTrue();
    }
    assertThat(parsed.indexOf("absent")).isEqualTo(-1);
    assertThat(parsed.lastIndexOf("absent")).isEqualTo(-1);
    assertThat(parsed.contains("absent")).isFalse();
    assertThat(parsed.indexOf(null)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  void walksForwardAndBackwardWithTheIndexesOfAListIterator(
      String name, List<?> parsed, List<?> expected) {
    ListIterator<?> cursor = parsed.listIterator();
    List<Object> forward = new ArrayList<>();
    while (cursor.hasNext()) {
      assertThat(cursor.nextIndex()).isEqualTo(forward.size());
      assertThat(cursor.previousIndex()).isEqualTo(forward.size() - 1);
      forward.add(cursor.next());
    }
    assertThatThrownBy(cursor::next).isInstanceOf(NoSuchElementException.class);
    List<Object> backward = new ArrayList<>();
    while (cursor.hasPrevious()) {
      backward.add(0, cursor.previous());
    }
    assertThatThrownBy(cursor::previous).isInstanceOf(NoSuchElementException.class);
    assertThat(cursor.nextIndex()).isZero();

    assertThat(forward).isEqualTo(expected);
    assertThat(backward).isEqualTo(expected);
    assertThat(parsed.iterator().next()).isEqualTo(expected.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  void startsAListIteratorAtAnyIndexUpToItsSize(String name, List<?> parsed, List<?> expected) {
    int size = expected.size();
    ListIterator<?> atEnd = parsed.listIterator(size);
    assertThat(atEnd.hasNext()).isFalse();
    assertThat(atEnd.hasPrevious()).isTrue();
    assertThat(atEnd.previous()).isEqualTo(expected.get(size - 1));
    assertThat(parsed.listIterator(0).next()).isEqualTo(expected.get(0));

    assertThatThrownBy(() -> parsed.listIterator(size + 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> parsed.listIterator(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> parsed.get(size)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  void givesTheSameSubListsAsAnOrdinaryList(String name, List<?> parsed, List<?> expected) {
    int size = expected.size();
    assertThat(parsed.subList(0, size)).isEqualTo(expected);
    assertThat(parsed.subList(1, size)).isEqualTo(expected.subList(1, size));
    assertThat(parsed.subList(0, 0)).isEmpty();
    assertThatThrownBy(() -> parsed.subList(0, size + 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedLists")
  @SuppressWarnings("unchecked")
  void refusesEveryChange(String name, List<?> parsed, List<?> expected) {
    List<Object> list = (List<Object>) parsed;
    Object first = expected.get(0);
    assertThatThrownBy(() -> list.set(0, first)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(0, first)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(first)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.addAll(0, List.of(first)))
        .isInstanceOf(UnsupportedOperationException.class);
    ListIterator<Object> cursor = list.listIterator();
    cursor.next();
    assertThatThrownBy(cursor::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cursor.set(first)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cursor.add(first)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(list).isEqualTo(expected);
  }
}
