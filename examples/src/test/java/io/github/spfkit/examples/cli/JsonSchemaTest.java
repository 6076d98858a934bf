package io.github.spfkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The golden JSON of {@code spf lint} and {@code spf flatten} against examples/schemas (draft 2020-12). */
final class JsonSchemaTest {

  static Schema schema(String name) throws IOException {
    String text = Files.readString(Path.of("schemas", name), StandardCharsets.UTF_8);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  @ParameterizedTest(name = "{1} against {0}")
  @CsvSource({
    "lint.schema.json, lint-deep.json",
    "lint.schema.json, lint-voids.json",
    "lint.schema.json, lint-usage-error.json",
    "flatten.schema.json, flatten-example.json",
    "flatten.schema.json, flatten-check-drift.json",
    "flatten.schema.json, flatten-refused.json",
    "flatten.schema.json, flatten-usage-error.json"
  })
  void goldenOutputsAreValid(String schema, String golden) throws IOException {
    List<Error> errors = schema(schema).validate(Cli.golden(golden), InputFormat.JSON);

    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemasRejectWhatTheContractForbids() throws IOException {
    String lint = Cli.golden("lint-voids.json");
    String flatten = Cli.golden("flatten-example.json");

    assertThat(schema("lint.schema.json").validate(lint.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema("lint.schema.json").validate(lint.replace("\"too-many-void-lookups\"", "\"TOO_MANY_VOID_LOOKUPS\""), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema("flatten.schema.json").validate(flatten.replace("\"dnsTerms\" : 3", "\"dnsTerms\" : 11"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema("flatten.schema.json").validate(flatten.replace("\"covered\"", "\"coveredRanges\""), InputFormat.JSON))
        .isNotEmpty();
  }
}
