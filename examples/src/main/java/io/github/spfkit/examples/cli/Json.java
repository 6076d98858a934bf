package io.github.spfkit.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tool's JSON, written and read by jackson-jr: null values are written (a field that is
 * {@code null} is part of the contract, not left out), objects keep their insertion order.
 * Stateless and thread safe.
 */
final class Json {
  private static final JSON COMPACT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
  private static final JSON READER = JSON.std.with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS);
  private static final JSON PRETTY = COMPACT.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

  /** The version of the JSON contract, {@code "schemaVersion"}: the first field of every document. */
  static final int SCHEMA_VERSION = 1;

  private Json() {}

  /** A new JSON document (or JSON Lines record): {@code schemaVersion} first, then what is added. */
  static Map<String, @Nullable Object> document() {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("schemaVersion", SCHEMA_VERSION);
    return out;
  }

  /** A document of {@code fields}, {@code schemaVersion} first. */
  static Map<String, @Nullable Object> document(Map<String, @Nullable Object> fields) {
    Map<String, @Nullable Object> out = document();
    out.putAll(fields);
    return out;
  }

  /** An enum value as the contract writes it: lower case, words joined by {@code -}. */
  static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The {@code {"code": .., "message": ..}} object of an error. */
  static Map<String, @Nullable Object> error(String code, String message) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("message", message);
    return out;
  }

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
    try (JsonParser parser = READER.getStreamingFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object {...}");
      }
      Map<String, Object> object = READER.mapFrom(parser);
      if (parser.nextToken() != null) {
        throw new IOException(
            "more after the object at column " + parser.currentTokenLocation().getColumnNr());
      }
      return object;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new IOException(
          shortMessage(e.getOriginalMessage())
              + (where == null ? "" : " at column " + where.getColumnNr()),
          e);
    }
  }

  private static String shortMessage(@Nullable String message) {
    if (message == null) {
      return "malformed";
    }
    String first = message.lines().findFirst().orElse(message);
    // jackson's messages go on with what it expected and where; the column is added separately
    for (String tail : new String[] {" (", ": was expecting"}) {
      int cut = first.indexOf(tail);
      if (cut > 0) {
        first = first.substring(0, cut);
      }
    }
    return first.strip();
  }
}
