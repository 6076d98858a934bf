package io.github.spfkit.diagnosis;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code io.github.spfkit.diagnosis.messages} resource bundle: {@code messages.properties}
 * (English) and one {@code messages_xx.properties} per language. A translator adds a language by
 * adding a file; no code changes. Keys missing from a translation fall back to English.
 */
final class Messages {
  static final String BUNDLE = "io.github.spfkit.diagnosis.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  static Messages of(Locale locale) {
    // no Control argument: that form is not supported in named modules
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    return new Messages(bundle, locale);
  }

  Locale locale() {
    return locale;
  }

  /** Whether the bundle (or its English base) has {@code key}. */
  boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The phrase worded in this language; the key itself if it is missing. */
  String text(Phrase phrase) {
    String pattern;
    try {
      pattern = bundle.getString(phrase.key());
    } catch (MissingResourceException e) {
      return phrase.key();
    }
    Object[] args = new Object[phrase.args().size()];
    for (int i = 0; i < args.length; i++) {
      Object arg = phrase.args().get(i);
      // numbers as plain digits, not "1,024"; nested phrases in the same language
      args[i] = arg instanceof Phrase nested ? text(nested)
          : arg instanceof Number ? String.valueOf(arg) : arg;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** The text for {@code key} with the arguments filled in; the key itself if it is missing. */
  String get(String key, Object... args) {
    return text(Phrase.of(key, args));
  }

  Advice advice(String code, Object... args) {
    return new Advice(code, Phrase.of("advice." + code, args), locale);
  }

  /** Advice {@code code} worded by another key, for variants such as a missing host name. */
  Advice adviceAs(String code, String key, Object... args) {
    return new Advice(code, Phrase.of("advice." + key, args), locale);
  }

  /** Evidence {@code code} worded by another key. */
  Evidence evidenceAs(String code, String key, Object... args) {
    return new Evidence(code, Phrase.of("evidence." + key, args), locale);
  }

  Evidence evidence(String code, Object... args) {
    return new Evidence(code, Phrase.of("evidence." + code, args), locale);
  }
}
