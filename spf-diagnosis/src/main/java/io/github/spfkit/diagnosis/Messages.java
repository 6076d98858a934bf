package io.github.spfkit.diagnosis;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Advice and evidence texts from the {@code io.github.spfkit.diagnosis.messages} resource bundle:
 * {@code messages.properties} (English) and one {@code messages_xx.properties} per language. A
 * translator adds a language by adding a file; no code changes. Keys missing from a translation
 * fall back to English.
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

  /** The text for {@code key} with the arguments filled in; the key itself if it is missing. */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // numbers as plain digits, not "1,024"
      safe[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
    }
    return new MessageFormat(pattern, locale).format(safe);
  }

  Advice advice(String code, Object... args) {
    return new Advice(code, get("advice." + code, args));
  }

  /** Advice {@code code} worded by another key, for variants such as a missing host name. */
  Advice adviceAs(String code, String key, Object... args) {
    return new Advice(code, get("advice." + key, args));
  }

  /** Evidence {@code code} worded by another key. */
  Evidence evidenceAs(String code, String key, Object... args) {
    return new Evidence(code, get("evidence." + key, args));
  }

  Evidence evidence(String code, Object... args) {
    return new Evidence(code, get("evidence." + code, args));
  }
}
