package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the whole diagnosis of each end-to-end bounce, as text, in English and
 * Indonesian. Run with {@code -Dgolden.update=true} to rewrite them after an intended change, then
 * review the diff.
 */
final class GoldenDiagnosisTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> bounces() {
    return Stream.of(
            "ip-not-authorized.eml", "forwarding.eml", "too-many-lookups.eml", "void-lookups.eml",
            "multiple-records.eml", "syntax-error.eml", "no-spf-record.eml", "no-such-domain.eml", "evidence-conflict.eml", "loopback-relay.eml",
            "dns-error.eml",
            "helo-failed.eml", "high-risk-delivery-pool.eml", "receiver-policy.eml",
            "auth-required.eml", "passes-now.eml", "undetermined.txt")
        .flatMap(f -> Stream.of(Arguments.of(f, "en"), Arguments.of(f, "id")));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("bounces")
  void diagnosisMatchesItsGoldenFile(String file, String language) throws IOException {
    BounceDiagnoser diagnoser =
        BounceDiagnoser.builder().dns(EndToEndTest.DNS).locale(Locale.forLanguageTag(language)).build();
    String actual = render(diagnoser.diagnose(Resources.bytes("e2e/" + file)));
    Path golden = GOLDEN.resolve(file.replaceAll("\\.(eml|txt)$", "") + "." + language + ".txt");

    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  static String render(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    out.append("category: ").append(d.category()).append('\n');
    out.append("cause: ").append(d.cause()).append('\n');
    out.append("domain: ").append(d.domain()).append('\n');
    out.append("ip: ").append(d.ip()).append('\n');
    out.append("dns: ").append(d.domainState() == null ? null : d.domainState().code()).append('\n');
    out.append("bounce says: ").append(d.bounceResult() == null ? null : d.bounceResult().token()).append('\n');
    out.append("evidence:\n");
    d.evidence().forEach(e -> out.append("  [").append(e.code()).append("] ").append(e.text()).append('\n'));
    out.append("advice:\n");
    d.advice().forEach(a -> out.append("  [").append(a.code()).append("] ").append(a.text()).append('\n'));
    out.append("proposal: ").append(d.proposedRecord()).append('\n');
    out.append("problems: ").append(d.problems()).append('\n');
    return out.toString();
  }
}
