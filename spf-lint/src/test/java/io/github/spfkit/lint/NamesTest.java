package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class NamesTest {

  @Test
  void normalizesWhiteSpaceAndTrailingDots() {
    assertThat(Names.normalize(" example.com.. ")).isEqualTo("example.com");
    assertThat(Names.normalize("example.com")).isEqualTo("example.com");
    assertThat(Names.key(" Example.COM. ")).isEqualTo("example.com");
  }

  @Test
  void aDomainHasTwoLabelsOfOneTo63PrintableCharactersAndAtMost253() {
    String label63 = "a".repeat(63);
    String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
    assertThat(name253).hasSize(253);

    assertThat(Names.looksLikeDomain("a.b")).isTrue();
    assertThat(Names.looksLikeDomain(label63 + ".example")).isTrue();
    assertThat(Names.looksLikeDomain(name253)).isTrue();
    assertThat(Names.looksLikeDomain("!.~")).isTrue();

    assertThat(Names.looksLikeDomain("")).isFalse();
    assertThat(Names.looksLikeDomain("localhost")).isFalse();
    assertThat(Names.looksLikeDomain(name253 + "b")).isFalse();
    assertThat(Names.looksLikeDomain(label63 + "a.example")).isFalse();
    assertThat(Names.looksLikeDomain("a..b")).isFalse();
    assertThat(Names.looksLikeDomain("a.b.")).isFalse();
    assertThat(Names.looksLikeDomain("a b.example")).isFalse();
    assertThat(Names.looksLikeDomain("a.b\u007f")).isFalse();
    assertThat(Names.looksLikeDomain("a.\u0000b")).isFalse();
  }
}
