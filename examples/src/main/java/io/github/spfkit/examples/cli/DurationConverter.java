package io.github.spfkit.examples.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a positive duration: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, or ISO-8601
 * {@code PT2S}. A bare number means seconds. Anything else, zero or a negative value is a usage
 * error. Stateless and thread safe.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  /** Creates the converter (picocli instantiates it). */
  DurationConverter() {}

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
    if (duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("a duration must be positive: '" + value + "'");
    }
    return duration;
  }

  private static Duration parse(String text) {
    Matcher matcher = SIMPLE.matcher(text);
    if (matcher.matches()) {
      BigDecimal amount = new BigDecimal(matcher.group(1));
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      BigDecimal millis =
          switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
          };
      try {
        return Duration.ofMillis(millis.longValueExact());
      } catch (ArithmeticException e) {
        throw new TypeConversionException("not a whole number of milliseconds: '" + text + "'");
      }
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "not a duration: '" + text + "' (try 500ms, 2s, 1m or PT2S)");
    }
  }
}
