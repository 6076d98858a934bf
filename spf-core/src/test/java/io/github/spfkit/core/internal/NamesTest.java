package io.github.spfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NamesTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource({"'example.com.', example.com", "example.com, example.com", "'.', ''", "'', ''", "'a.', a"})
  void dropsOneTrailingDot(String name, String stripped) {
    assertThat(Names.stripDot(name)).isEqualTo(stripped);
  }

  @ParameterizedTest(name = "{0} under {1}: {2}")
  @CsvSource({
    "example.com, example.com, true",
    "EXAMPLE.com., example.COM, true",
    "mail.example.com, example.com, true",
    "a.b.example.com, example.com, true",
    "badexample.com, example.com, false",
    "example.com, mail.example.com, false",
    "example.org, example.com, false",
    "mail.example.org, example.com, false",
    "com, example.com, false"
  })
  void findsTheSameNameOrOneBeneathIt(String name, String domain, boolean under) {
    assertThat(Names.isSameOrSubdomain(name, domain)).isEqualTo(under);
  }
}
