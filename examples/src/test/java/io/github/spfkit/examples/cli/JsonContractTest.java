package io.github.spfkit.examples.cli;

import static io.github.spfkit.examples.cli.Cli.resource;
import static io.github.spfkit.examples.cli.Cli.run;
import static io.github.spfkit.examples.cli.Cli.runWithInput;
import static io.github.spfkit.examples.cli.Cli.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.spfkit.core.Problem;
import io.github.spfkit.core.Trace;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.diagnosis.Category;
import io.github.spfkit.diagnosis.Cause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON contract v1: every golden JSON output of the tool is what it writes now and is valid
 * for its schema in {@code examples/schemas/}, and so is a whole batch run; the schemas name every
 * value of the enums they mirror, reject what the contract forbids, and are the field lists of
 * {@code examples/README.md}.
 */
final class JsonContractTest {
  private static final String DEMO_BOUNCE = "demo/bounce-5.7.23.eml";
  private static final String DEMO_ZONE = "demo/demo.zone";
  private static final List<String> SCHEMAS = List.of(
      "check.schema.json", "batch-check.schema.json", "diagnose.schema.json",
      "diagnose-record.schema.json", "mailbox-summary.schema.json", "lint.schema.json",
      "flatten.schema.json", "error.schema.json");

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("check-fail.json", "check.schema.json", "", List.of(
            "check", "--zone", zone(), "--json", "--receiver", "mx.example.org",
            "--ip", "203.0.113.5", "--sender", "alice@example.com", "--helo", "mail.example.com")),
        Arguments.of("check-pass-include-trace.json", "check.schema.json", "", List.of(
            "check", "--zone", zone(), "--json", "--trace", "--ip", "198.51.100.20", "--sender", "alice@example.com")),
        Arguments.of("check-permerror-syntax.json", "check.schema.json", "", List.of(
            "check", "--zone", zone(), "--json", "--ip", "192.0.2.1", "--sender", "x@broken.example.com")),
        Arguments.of("diagnose-demo.json", "diagnose.schema.json", "", List.of(
            "diagnose", "--zone", DEMO_ZONE, "--json", DEMO_BOUNCE)),
        Arguments.of("diagnose-user-unknown.json", "diagnose.schema.json", "", List.of(
            "diagnose", "--zone", DEMO_ZONE, "--json", resource("bounces/user-unknown.eml"))),
        Arguments.of("error-usage.json", "error.schema.json", "", List.of("check", "--json", "--bogus")),
        Arguments.of("error-not-a-bounce.json", "error.schema.json", "Hello Bob, lunch at noon?\n",
            List.of("diagnose", "--zone", DEMO_ZONE, "--json", "-")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writesTheGoldenDocumentWhichItsSchemaAccepts(String golden, String schema, String stdin, List<String> args)
      throws IOException {
    Cli.Run run = runWithInput(stdin, args.toArray(String[]::new));

    String out = Cli.keep(golden, run.out());
    assertThat(out).startsWith("{\n  \"schemaVersion\" : 1,");
    Schemas.assertValid(schema, out);
    assertThat(out).isEqualTo(Cli.golden(golden));
  }

  @Test
  void writesTheGoldenBatchWhoseEveryLineTheBatchSchemaAccepts() throws IOException {
    Cli.Run run = run("check", "--zone", zone(), "--batch", resource("batch/mixed.jsonl"));

    String out = Cli.keep("batch-mixed.jsonl", run.out());
    assertThat(out.lines()).hasSize(14).allSatisfy(line -> {
      assertThat(line).startsWith("{\"schemaVersion\":1,");
      Schemas.assertValid("batch-check.schema.json", line);
    });
    assertThat(out).isEqualTo(Cli.golden("batch-mixed.jsonl"));
  }

  @Test
  void aBatchRunWithTracesIsValidLineByLine() {
    Cli.Run run = run("check", "--zone", zone(), "--trace", "--batch", resource("batch/checks.jsonl"));

    assertThat(run.out().lines()).hasSize(6)
        .allSatisfy(line -> Schemas.assertValid("batch-check.schema.json", line));
  }

  @Test
  void theSchemasRejectWhatTheContractForbids() {
    String check = run("check", "--zone", zone(), "--json", "--ip", "203.0.113.5", "--sender", "alice@example.com").out();
    assertThat(Schemas.violations("check.schema.json", check.replace("\"dnsTerms\"", "\"lookups\""))).isNotEmpty();
    assertThat(Schemas.violations("check.schema.json", check.replace("\"fail\"", "\"FAIL\""))).isNotEmpty();
    assertThat(Schemas.violations("check.schema.json", check.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"))).isNotEmpty();
    String diagnosis = run("diagnose", "--zone", DEMO_ZONE, "--json", DEMO_BOUNCE).out();
    assertThat(Schemas.violations("diagnose.schema.json", diagnosis.replace("\"ip-not-authorized\"", "\"IP_NOT_AUTHORIZED\""))).isNotEmpty();
    assertThat(Schemas.violations("diagnose.schema.json", diagnosis.replace("\"sender\" :", "\"envelopeSender\" :"))).isNotEmpty();
    assertThat(Schemas.violations("batch-check.schema.json", "{\"schemaVersion\":1,\"line\":1,\"id\":null}")).isNotEmpty();
    assertThat(Schemas.violations("error.schema.json", "{\"schemaVersion\":1,\"error\":{\"code\":\"oops\",\"message\":\"x\"}}")).isNotEmpty();
  }

  @Test
  void theSchemasNameEveryValueOfTheEnumsTheyMirror() throws IOException {
    assertThat(enumValues("diagnose.schema.json", "$defs", "diagnosis", "properties", "cause", "enum"))
        .containsExactlyElementsOf(kebab(Cause.values()));
    assertThat(enumValues("diagnose.schema.json", "$defs", "diagnosis", "properties", "category", "enum"))
        .containsExactlyElementsOf(kebab(Category.values()));
    assertThat(enumValues("check.schema.json", "$defs", "problem", "properties", "kind", "enum"))
        .containsExactlyElementsOf(kebab(Problem.Kind.values()));
    assertThat(enumValues("check.schema.json", "$defs", "query", "properties", "type", "enum"))
        .containsExactlyInAnyOrderElementsOf(kebab(RecordType.values()));
    assertThat(enumValues("check.schema.json", "$defs", "traceDomain", "properties", "via", "enum"))
        .containsExactlyElementsOf(kebab(Trace.Via.values()));
    assertThat(enumValues("error.schema.json", "$defs", "error", "properties", "code", "enum"))
        .containsExactlyElementsOf(Stream.concat(
            kebab(UsageException.Code.values()).stream(), Stream.of("internal")).toList());
  }

  @Test
  void everySchemaFileIsOneOfTheContractsAndADraft202012Schema() throws IOException {
    try (Stream<Path> files = Files.list(Schemas.FOLDER)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(SCHEMAS);
    }
    for (String file : SCHEMAS) {
      assertThat(object(file))
          .containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
          .containsEntry("$id", Schemas.BASE + file);
      assertThat(Schemas.metaSchemaViolations(Files.readString(Schemas.FOLDER.resolve(file), StandardCharsets.UTF_8)))
          .as(file).isEmpty();
    }
  }

  @Test
  void theReadmeListsExactlyTheFieldsOfEachSchema() throws IOException {
    Map<String, Set<String>> listed = readmeFields(Path.of("README.md"));

    assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(SCHEMAS);
    for (String file : SCHEMAS) {
      assertThat(listed.get(file)).as("README fields of %s", file).containsExactlyInAnyOrderElementsOf(fields(file));
    }
  }


  private static List<String> kebab(Enum<?>[] values) {
    return Arrays.stream(values).map(Json::kebab).toList();
  }

  private static Map<String, Object> object(String file) throws IOException {
    return JSON.std.mapFrom(Files.readString(Schemas.FOLDER.resolve(file), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> enumValues(String file, String... path) throws IOException {
    Object node = object(file);
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    List<Object> values = new ArrayList<>((List<Object>) node);
    values.remove(null);
    return values;
  }

  // The top-level fields a document of the schema may have: its own properties and those of the
  // definitions it refers to in the same file ($ref, oneOf branches); the fields of a definition
  // in another file are listed under that file's schema.
  static Set<String> fields(String file) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    collect(file, object(file), out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(String file, Map<String, Object> schema, Set<String> out) throws IOException {
    Object properties = schema.get("properties");
    if (properties instanceof Map<?, ?> map) {
      out.addAll((Set<String>) map.keySet());
    }
    Object ref = schema.get("$ref");
    if (ref instanceof String target && target.startsWith("#/")) {
      Object node = object(file);
      for (String key : target.substring(2).split("/")) {
        node = ((Map<String, Object>) node).get(key);
      }
      collect(file, (Map<String, Object>) node, out);
    }
    Object oneOf = schema.get("oneOf");
    if (oneOf instanceof List<?> branches) {
      for (Object branch : branches) {
        collect(file, (Map<String, Object>) branch, out);
      }
    }
  }

  // "### ... [`schemas/X.schema.json`](...)" then a table whose first column names the fields
  private static final Pattern HEADING = Pattern.compile("^#{2,4} .*\\(schemas/([a-z-]+\\.schema\\.json)\\)");
  private static final Pattern FIELD = Pattern.compile("`([A-Za-z]+)`");

  static Map<String, Set<String>> readmeFields(Path readme) throws IOException {
    Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    String current = null;
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.find()) {
        current = heading.group(1);
        out.put(current, new LinkedHashSet<>());
      } else if (line.startsWith("#")) {
        current = null;
      } else if (current != null && line.startsWith("| `")) {
        Matcher field = FIELD.matcher(line.substring(1, line.indexOf('|', 1)));
        while (field.find()) {
          out.get(current).add(field.group(1));
        }
      }
    }
    return out;
  }
}
