package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Problem;
import io.github.spfkit.diagnosis.bounce.ReadingNote;
import io.github.spfkit.lint.Finding;
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

  /** Every key the code words a sentence with: the enums' keys and the literal keys of the sources. */
  static java.util.Set<String> keysInUse() throws IOException {
    java.util.Set<String> keys = new java.util.TreeSet<>();
    for (ReadingNote.Code code : ReadingNote.Code.values()) {
      keys.add(code.key());
    }
    for (io.github.spfkit.diagnosis.bounce.FailureReason reason : io.github.spfkit.diagnosis.bounce.FailureReason.values()) {
      keys.add(reason.key());
    }
    for (Finding.Code code : Finding.Code.values()) {
      keys.add("finding." + code.name());
    }
    for (Problem.Kind kind : Problem.Kind.values()) {
      keys.add("problem." + kind.name());
    }
    for (String scope : List.of("loopback", "private", "unique-local", "link-local", "shared", "unspecified")) {
      keys.add("scope." + scope);
    }
    for (String state : List.of("no-such-domain", "no-spf-record", "published", "unanswered")) {
      keys.add("state." + state);
    }
    var literal = java.util.regex.Pattern.compile(
        "(?:advice|evidence)\\(\\s*\"([a-z0-9-]+)\"|(?:adviceAs|evidenceAs)\\(\\s*\"[a-z0-9-]+\",\\s*\"([a-z0-9-]+)\""
            + "|(?:Phrase\\.of|messages\\.get)\\(\\s*\"([a-zA-Z0-9._-]+)\"");
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        boolean adviceOrEvidence = !file.endsWith("Messages.java");
        var m = literal.matcher(java.nio.file.Files.readString(file));
        while (m.find()) {
          String text = m.group();
          String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
          if (m.group(3) != null) {
            if (!name.endsWith(".")) { // a prefix completed at run time, such as "advice." + code
              keys.add(name);
            }
          } else if (adviceOrEvidence) {
            keys.add((text.startsWith("advice") ? "advice." : "evidence.") + name);
          }
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @MethodSource("translations")
  void everyKeyTheCodeUsesIsInEveryBundle(String file) throws IOException {
    java.util.Set<String> keys = keysInUse();
    Properties english = load("messages.properties");
    Properties translation = load(file);

    assertThat(keys).hasSizeGreaterThan(120);
    assertThat(keys).allSatisfy(key -> {
      assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
      assertThat(translation.getProperty(key)).as(file + " " + key).isNotBlank();
    });
  }

  @ParameterizedTest
  @MethodSource("translations")
  void aReadingNoteSpeaksTheTranslation(String file) {
    Locale language = Locale.forLanguageTag(file.substring("messages_".length(), file.indexOf('.')));
    for (ReadingNote.Code code : ReadingNote.Code.values()) {
      ReadingNote note = ReadingNote.of(code, "a0", "a1", "a2");
      String english = note.text(Locale.ENGLISH);
      String translated = note.text(language);

      assertThat(english).as(code.name()).doesNotStartWith("note.").doesNotContain("{");
      assertThat(translated).as(code.name()).doesNotStartWith("note.").doesNotContain("{").isNotEqualTo(english);
    }
  }

  @ParameterizedTest
  @MethodSource("translations")
  void nestedPhrasesAreWordedInTheSameLanguage(String file) {
    Locale language = Locale.forLanguageTag(file.substring("messages_".length(), file.indexOf('.')));
    Phrase problem = Phrase.of(new Problem(Problem.Kind.DNS_ERROR, "SERVFAIL from 192.0.2.53", "example.com", null));
    Phrase evidence = Phrase.of("evidence.spf-result-detail", "example.com", "192.0.2.1", "temperror", problem);

    assertThat(evidence.text(Locale.ENGLISH))
        .isEqualTo("check_host() for example.com and client IP 192.0.2.1 gives temperror today"
            + " (DNS lookup for example.com failed: \"SERVFAIL from 192.0.2.53\").");
    assertThat(evidence.text(language))
        .contains(new MessageFormat(load(file).getProperty("problem.DNS_ERROR"), Locale.ROOT)
            .format(new Object[] {"example.com", "SERVFAIL from 192.0.2.53"}))
        .doesNotContain("DNS lookup for");
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
