package io.github.spfkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON contract's schemas ({@code examples/schemas/*.schema.json}, draft 2020-12), loaded by
 * a real validator (networknt json-schema-validator) from their files, so that references between
 * them ({@code check.schema.json#/$defs/result}) resolve as they do for any user.
 */
final class Schemas {
  /** The folder of the schemas; tests run in the module's folder. */
  static final Path FOLDER = Path.of("schemas");

  /** The schemas' {@code $id}s are this followed by the file name. */
  static final String BASE = "https://spfkit.github.io/schemas/v1/";

  // the schemas' own IRIs answered from the files here, never from the network
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemas(iri -> iri.startsWith(BASE) ? read(iri.substring(BASE.length())) : null));
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  private Schemas() {}

  private static String read(String file) {
    try {
      return Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema in {@code file} (e.g. {@code check.schema.json}), loaded by its {@code $id}. */
  static Schema schema(String file) {
    return LOADED.computeIfAbsent(file, name -> REGISTRY.getSchema(SchemaLocation.of(BASE + name)));
  }

  /** What is wrong with {@code schemaText} as a draft 2020-12 schema: empty when it is one. */
  static List<String> metaSchemaViolations(String schemaText) {
    return REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
        .validate(schemaText, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** What is wrong with {@code json} for the schema in {@code file}: empty when it is valid. */
  static List<String> violations(String file, String json) {
    return schema(file).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** Asserts that {@code json} is valid for the schema in {@code file}. */
  static void assertValid(String file, String json) {
    assertThat(violations(file, json)).as("%s against %s", json, file).isEmpty();
  }
}
