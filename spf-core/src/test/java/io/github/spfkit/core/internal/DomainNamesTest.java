package io.github.spfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7208 §4.3 and §7.3's usable names: 253 characters, labels of 1 to 63, A-labels. */
final class DomainNamesTest {

  /** A name of exactly {@code length} characters: labels of 63 joined by dots, then the rest. */
  private static String nameOfLength(int length) {
    StringBuilder name = new StringBuilder();
    while (name.length() < length) {
      int left = length - name.length();
      if (name.length() > 0) {
        name.append('.');
        left--;
      }
      name.append("a".repeat(Math.min(63, Math.max(1, left))));
    }
    return name.toString();
  }

  @Test
  void acceptsANameOf253CharactersAndRefusesOneOf254() {
    String longest = nameOfLength(253);
    String tooLong = nameOfLength(254);
    assertThat(longest).hasSize(253);
    assertThat(tooLong).hasSize(254);

    assertThat(DomainNames.problem(longest, 0, longest.length())).isNull();
    assertThat(DomainNames.problem(tooLong, 0, tooLong.length()))
        .isEqualTo("domain name longer than 253 characters");
  }

  @Test
  void measuresOnlyTheGivenPartOfTheText() {
    String name = "x." + nameOfLength(253) + ".y";

    assertThat(DomainNames.problem(name, 2, 2 + 253)).isNull();
    assertThat(DomainNames.problem(name, 2, 2 + 254))
        .isEqualTo("domain name longer than 253 characters");
    assertThat(DomainNames.labelProblem("ab..cd", 0, 2)).isNull();
    assertThat(DomainNames.labelProblem("ab..cd", 4, 6)).isNull();
    assertThat(DomainNames.labelProblem("ab..cd", 0, 6))
        .isEqualTo("empty label in domain name 'ab..cd'");
  }

  @Test
  void acceptsLabelsOf63CharactersAndRefusesOneOf64() {
    String label63 = "b".repeat(63) + ".example";
    String label64 = "b".repeat(64) + ".example";
    String last64 = "example." + "b".repeat(64);

    assertThat(DomainNames.labelProblem(label63, 0, label63.length())).isNull();
    assertThat(DomainNames.labelProblem(label64, 0, label64.length()))
        .isEqualTo("label longer than 63 characters in '" + label64 + "'");
    assertThat(DomainNames.labelProblem(last64, 0, last64.length()))
        .startsWith("label longer than 63 characters");
  }

  @Test
  void refusesEmptyLabelsAtEitherEndAndInTheMiddle() {
    for (String name : new String[] {".example.com", "example..com", "example.com.", ""}) {
      assertThat(DomainNames.labelProblem(name, 0, name.length()))
          .as(name)
          .isEqualTo("empty label in domain name '" + name + "'");
    }
  }

  @Test
  void givesTheReasonADomainCannotBeChecked() {
    assertThat(DomainNames.checkHostProblem("example.com")).isNull();
    assertThat(DomainNames.checkHostProblem("[192.0.2.1]"))
        .isEqualTo("'[192.0.2.1]' is an address literal, not a domain name");
    assertThat(DomainNames.checkHostProblem("localhost"))
        .isEqualTo("'localhost' is not a fully qualified domain name");
    assertThat(DomainNames.checkHostProblem("example..com"))
        .isEqualTo("empty label in domain name 'example..com'");
    assertThat(DomainNames.checkHostProblem(nameOfLength(254)))
        .isEqualTo("domain name longer than 253 characters");
  }

  @Test
  void convertsULabelsToALabelsAndKeepsAsciiNamesAsTheyAre() {
    assertThat(DomainNames.toAscii("bücher.example")).isEqualTo("xn--bcher-kva.example");
    assertThat(DomainNames.toAscii("Example.COM")).isEqualTo("Example.COM");
    assertThat(DomainNames.toAscii("a_b.example")).isEqualTo("a_b.example");
  }

  @Test
  void refusesANameWithAControlCharacterJustAboveAscii() {
    assertThat(DomainNames.toAscii("a\u0080b.example")).isNull();
  }
}
