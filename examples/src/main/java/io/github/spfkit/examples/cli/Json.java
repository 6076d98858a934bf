package io.github.spfkit.examples.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The tool's JSON, written and read by jackson-jr: null values are written (a field that is
 * {@code null} is part of the contract, not left out), objects keep their insertion order.
 * Stateless and thread safe.
 */
final class Json {
  private static final JSON COMPACT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
  private static final JSON PRETTY = COMPACT.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

  private Json() {}

  /** One line, for JSON Lines. */
  static String line(Map<String, ?> object) {
    try {
      return COMPACT.asString(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented, for a single object a person may read. */
  static String pretty(Map<String, ?> object) {
    try {
      return PRETTY.asString(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one JSON object.
   *
   * @throws IOException if {@code text} is not a JSON object
   */
  static Map<String, Object> object(String text) throws IOException {
    return JSON.std.mapFrom(text);
  }
}
