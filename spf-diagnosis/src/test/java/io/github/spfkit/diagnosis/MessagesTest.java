package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each translation has every key of the English base, every pattern is a valid MessageFormat,
 * every code renders in both languages, and no sentence is left in English.
 */
final class MessagesTest {
  static Properties load(String file) {
    try (InputStream in = MessagesTest.class.getResourceAsStream("/io/github/spfkit/diagnosis/" + file)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> translations() {
    return Stream.of("messages_id.properties");
  }

  @ParameterizedTest
  @MethodSource("translations")
  void everyTranslationHasTheKeysOfTheEnglishBase(String file) {
    Properties english = load("messages.properties");
    Properties translation = load(file);

    assertThat(translation.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : translation.stringPropertyNames()) {
      String pattern = translation.getProperty(key);
      new MessageFormat(pattern, Locale.ROOT);
      assertThat(placeholders(pattern)).as(key).isEqualTo(placeholders(english.getProperty(key)));
    }
  }

  @ParameterizedTest
  @MethodSource("translations")
  void theDiagnoserSpeaksTheTranslation(String file) {
    String language = file.substring("messages_".length(), file.indexOf('.'));
    Messages messages = Messages.of(Locale.forLanguageTag(language));

    assertThat(messages.get("advice.add-ip", "192.0.2.1", "example.com"))
        .isEqualTo(new MessageFormat(load(file).getProperty("advice.add-ip"), Locale.ROOT).format(new Object[] {"192.0.2.1", "example.com"}));
  }

  @ParameterizedTest
  @MethodSource("translations")
  void everyCodeRendersInEnglishAndInTheTranslation(String file) {
    String language = file.substring("messages_".length(), file.indexOf('.'));
    Properties english = load("messages.properties");
    Object[] args = {"a0", "a1", "a2", "a3", "a4", "a5"};
    for (Messages messages : List.of(Messages.of(Locale.ENGLISH), Messages.of(Locale.forLanguageTag(language)))) {
      for (String key : english.stringPropertyNames()) {
        String text = messages.get(key, args);
        assertThat(text).as(key).isNotEqualTo(key).doesNotContain("{").doesNotContain("}").isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("translations")
  void noTranslationIsLeftAsTheEnglishSentence(String file) {
    Properties english = load("messages.properties");
    Properties translation = load(file);
    for (String key : english.stringPropertyNames()) {
      String en = english.getProperty(key);
      // a technical term of one or two words (loopback, link-local) is the same in both languages
      if (en.strip().split("\\s+").length > 2) {
        assertThat(translation.getProperty(key)).as(key).isNotEqualTo(en);
      }
    }
  }

  private static java.util.Set<String> placeholders(String pattern) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    var m = java.util.regex.Pattern.compile("\\{(\\d)\\}").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
