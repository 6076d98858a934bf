package io.github.spfkit.examples.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --lang en|id}, ignoring case; anything else is a usage error. Stateless. */
final class LanguageConverter implements ITypeConverter<Language> {

  /** Creates the converter (picocli instantiates it). */
  LanguageConverter() {}

  @Override
  public Language convert(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "en" -> Language.EN;
      case "id" -> Language.ID;
      default -> throw new TypeConversionException("unknown language '" + value + "' (en or id)");
    };
  }
}
