package io.github.spfkit.core.conformance;

import io.github.spfkit.core.dns.InMemoryDns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The openspf RFC 7208 test suite (release 2014.04), read from {@code
 * conformance/rfc7208-tests.yml} as it is published. Shared with the other modules' tests through
 * spf-core's test jar, so every DNS implementation runs the same cases.
 */
public final class Rfc7208Suite {

  /** The resource holding the suite. */
  public static final String RESOURCE = "/conformance/rfc7208-tests.yml";

  /** The default explanation the suite's driver configures. */
  public static final String DEFAULT_EXPLANATION = "DEFAULT";

  private Rfc7208Suite() {}

  /**
   * One scenario: its zone data and the cases run against it.
   *
   * @param description the scenario's description
   * @param zone every DNS entry, in file order
   * @param cases the cases
   */
  public record Scenario(String description, List<ZoneEntry> zone, List<TestCase> cases) {}

  /**
   * One entry of a scenario's zone data.
   *
   * @param name the owner name, as written
   * @param type SPF, TXT, A, AAAA, MX, PTR, CNAME or TIMEOUT
   * @param strings for SPF and TXT the character-strings (each char one byte, 0-255); for MX the
   *     preference and the exchange; for others the single value; empty for TIMEOUT
   */
  public record ZoneEntry(String name, String type, List<String> strings) {
    /** The single value of an A, AAAA, PTR or CNAME entry, or the exchange of an MX entry. */
    public String value() {
      return type.equals("MX") ? strings.get(1) : strings.get(0);
    }
  }

  /**
   * One test case.
   *
   * @param scenario the scenario's description
   * @param name the case's name
   * @param spec the RFC section it tests
   * @param helo the HELO name
   * @param host the client IP
   * @param mailFrom the MAIL FROM, possibly empty
   * @param results the accepted results (lower case)
   * @param explanation the expected explanation, or {@code null} when the suite sets none
   */
  public record TestCase(
      String scenario,
      String name,
      String spec,
      String helo,
      String host,
      String mailFrom,
      Set<String> results,
      @Nullable String explanation) {
    @Override
    public String toString() {
      return name + " (" + spec + ")";
    }
  }

  /** The suite, read once: a test per case would otherwise read the whole file for each case. */
  private static final List<Scenario> SCENARIOS = read();

  /** Every scenario of the suite (the same unmodifiable values on each call). */
  public static List<Scenario> load() {
    return SCENARIOS;
  }

  private static List<Scenario> read() {
    try (InputStream in = Rfc7208Suite.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE + " is missing");
      List<Scenario> scenarios = new ArrayList<>();
      for (Object document : new Yaml(new LoaderOptions()).loadAll(in)) {
        scenarios.add(scenario(map(document)));
      }
      return List.copyOf(scenarios);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case of every scenario, paired with its scenario. */
  public static List<Map.Entry<Scenario, TestCase>> cases() {
    List<Map.Entry<Scenario, TestCase>> all = new ArrayList<>();
    for (Scenario scenario : load()) {
      for (TestCase test : scenario.cases()) {
        all.add(Map.entry(scenario, test));
      }
    }
    return all;
  }

  /**
   * The records a scenario's DNS serves, after the reference driver's rules: an SPF entry is also
   * served as TXT unless the name has TXT entries; a {@code TXT: NONE} entry means "no TXT record"
   * (it is dropped, but still stops SPF entries from being served as TXT); a TIMEOUT entry makes
   * lookups of the name time out for every type that has no data at the name (so {@code
   * spftimeout.example.net}, whose TXT record exists, answers TXT questions and times out only for
   * the type-99 question that RFC 7208 evaluators never ask).
   *
   * @return TXT, A, AAAA, MX, PTR and CNAME entries; TIMEOUT entries; no SPF entries
   */
  public static List<ZoneEntry> servedEntries(Scenario scenario) {
    Set<String> withTxt = new LinkedHashSet<>();
    for (ZoneEntry entry : scenario.zone()) {
      if (entry.type().equals("TXT")) {
        withTxt.add(entry.name().toLowerCase(Locale.ROOT));
      }
    }
    List<ZoneEntry> served = new ArrayList<>();
    for (ZoneEntry entry : scenario.zone()) {
      if (entry.type().equals("TXT") && entry.strings().equals(List.of("NONE"))) {
        continue;
      }
      if (entry.type().equals("SPF")) {
        if (!withTxt.contains(entry.name().toLowerCase(Locale.ROOT))) {
          served.add(new ZoneEntry(entry.name(), "TXT", entry.strings()));
        }
      } else {
        served.add(entry);
      }
    }
    return served;
  }

  /** An in-memory DNS serving a scenario under the driver's rules, recording queries. */
  public static InMemoryDns inMemory(Scenario scenario) {
    InMemoryDns.Builder dns = InMemoryDns.builder().recordQueries();
    for (ZoneEntry entry : servedEntries(scenario)) {
      switch (entry.type()) {
        case "TXT" -> dns.txt(entry.name(), String.join("", entry.strings()));
        case "A", "AAAA" -> dns.a(entry.name(), entry.value());
        case "MX" -> dns.mx(entry.name(), entry.value());
        case "PTR" -> dns.ptr(entry.name(), entry.value());
        case "CNAME" -> dns.cname(entry.name(), entry.value());
        case "TIMEOUT" -> dns.timeout(entry.name());
        default -> throw new IllegalStateException("unknown zone entry type " + entry.type());
      }
    }
    return dns.build();
  }

  private static Scenario scenario(Map<String, Object> document) {
    String description = String.valueOf(document.get("description"));
    List<ZoneEntry> zone = new ArrayList<>();
    Map<String, Object> zonedata = map(document.getOrDefault("zonedata", Map.of()));
    for (Map.Entry<String, Object> owner : zonedata.entrySet()) {
      for (Object item : list(owner.getValue())) {
        zone.add(entry(owner.getKey(), item));
      }
    }
    List<TestCase> cases = new ArrayList<>();
    for (Map.Entry<String, Object> test : map(document.get("tests")).entrySet()) {
      Map<String, Object> fields = map(test.getValue());
      Object result = fields.get("result");
      Set<String> results = new LinkedHashSet<>();
      if (result instanceof List<?> many) {
        many.forEach(r -> results.add(String.valueOf(r)));
      } else {
        results.add(String.valueOf(result));
      }
      Object explanation = fields.get("explanation");
      cases.add(
          new TestCase(
              description,
              test.getKey(),
              String.valueOf(fields.get("spec")),
              String.valueOf(fields.get("helo")),
              String.valueOf(fields.get("host")),
              String.valueOf(fields.getOrDefault("mailfrom", "")),
              Collections.unmodifiableSet(results),
              explanation == null ? null : String.valueOf(explanation)));
    }
    return new Scenario(description, List.copyOf(zone), List.copyOf(cases));
  }

  private static ZoneEntry entry(String name, Object item) {
    if (item instanceof String word) {
      if (!word.equals("TIMEOUT")) {
        throw new IllegalStateException("unknown zone entry " + word + " at " + name);
      }
      return new ZoneEntry(name, "TIMEOUT", List.of());
    }
    Map<String, Object> typed = map(item);
    Map.Entry<String, Object> only = typed.entrySet().iterator().next();
    String type = only.getKey();
    Object value = only.getValue();
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> parts) {
      parts.forEach(p -> strings.add(String.valueOf(p)));
    } else {
      strings.add(String.valueOf(value));
    }
    return new ZoneEntry(name, type, List.copyOf(strings));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return new LinkedHashMap<>((Map<String, Object>) value);
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> items ? items : List.of(value);
  }
}
