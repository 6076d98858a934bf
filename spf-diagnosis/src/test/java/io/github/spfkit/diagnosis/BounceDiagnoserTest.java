package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.diagnosis.bounce.ReadingNote;
import java.io.ByteArrayInputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class BounceDiagnoserTest {

  @Test
  void finishesWithinTheDeadlineWhenDnsNeverAnswers() {
    DnsLookup silent = (name, type) -> new CompletableFuture<>();
    BounceDiagnoser diagnoser =
        BounceDiagnoser.builder().dns(silent).deadline(Duration.ofMillis(300)).build();

    long start = System.nanoTime();
    Diagnosis d = diagnoser.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(d.category()).isEqualTo(Category.SPF_FAIL);
    assertThat(d.cause()).isEqualTo(Cause.DNS_UNAVAILABLE);
    assertThat(d.proposal()).isNull();
    assertThat(d.problems()).anyMatch(p -> p.contains("deadline"));
  }

  @Test
  void finishesWithinTheDeadlineWhenDnsIsSlow() {
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      DnsLookup dns = EndToEndTest.DNS;
      DnsLookup slow =
          (name, type) -> {
            CompletableFuture<DnsAnswer> later = new CompletableFuture<>();
            scheduler.schedule(
                () -> dns.lookup(name, type).thenAccept(later::complete), 400, TimeUnit.MILLISECONDS);
            return later;
          };
      BounceDiagnoser diagnoser =
          BounceDiagnoser.builder().dns(slow).deadline(Duration.ofMillis(1500)).build();

      long start = System.nanoTime();
      Diagnosis d = diagnoser.diagnose(Resources.bytes("e2e/too-many-lookups.eml"));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
      assertThat(d.category()).isEqualTo(Category.SPF_ERROR);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aDnsSeamThatThrowsGivesADiagnosisNotAnException() {
    DnsLookup broken = (name, type) -> { throw new IllegalStateException("boom"); };
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(broken).build();

    Diagnosis d = diagnoser.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.cause()).isEqualTo(Cause.DNS_UNAVAILABLE);
  }

  @Test
  void asyncAndBlockingGiveTheSameDiagnosis() throws Exception {
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(EndToEndTest.DNS).build();
    byte[] bounce = Resources.bytes("e2e/syntax-error.eml");

    Diagnosis blocking = diagnoser.diagnose(bounce);
    Diagnosis async = diagnoser.diagnoseAsync(bounce).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(async.cause()).isEqualTo(blocking.cause());
    assertThat(async.evidence()).isEqualTo(blocking.evidence());
    assertThat(async.advice()).isEqualTo(blocking.advice());
    assertThat(async.proposedRecord()).isNotNull().isEqualTo(blocking.proposedRecord());
    assertThat(async.facts()).isEqualTo(blocking.facts());
  }

  @Test
  void readsAStreamAndTextLikeBytes() {
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(EndToEndTest.DNS).build();
    byte[] bounce = Resources.bytes("e2e/receiver-policy.eml");

    Diagnosis fromStream = diagnoser.diagnose(new ByteArrayInputStream(bounce));
    Diagnosis fromText = diagnoser.diagnose(new String(bounce, StandardCharsets.UTF_8));

    assertThat(fromStream.cause()).isEqualTo(Cause.RECEIVER_POLICY);
    assertThat(fromText.proposedRecord()).isEqualTo(fromStream.proposedRecord());
  }

  @Test
  void garbageInputGivesADiagnosisThatSaysWhatCouldNotBeRead() {
    byte[] garbage = new byte[50_000];
    new Random(7).nextBytes(garbage);
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(EndToEndTest.DNS).build();

    Diagnosis random = diagnoser.diagnose(garbage);
    Diagnosis empty = diagnoser.diagnose(new byte[0]);

    assertThat(random.cause()).isIn(Cause.NOT_SPF, Cause.UNDETERMINED);
    assertThat(empty.cause()).isEqualTo(Cause.NOT_SPF);
    assertThat(empty.problems()).contains("the input is empty");
  }

  @Test
  void capsTheInputSize() {
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().maxInputBytes(64).build();

    Diagnosis d = diagnoser.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.problems()).anyMatch(p -> p.contains("over the size cap of 64 bytes"));
  }

  @Test
  void aBounceThatIsNotAboutSpfSaysWhatFailedInEitherLanguage() {
    byte[] bounce = Resources.bytes("layouts/sisimai-lhost-gmail-01.eml");

    Diagnosis english = BounceDiagnoser.builder().build().diagnose(bounce);
    Diagnosis indonesian = BounceDiagnoser.builder().locale(Locale.forLanguageTag("id")).build().diagnose(bounce);

    assertThat(english.category()).isEqualTo(Category.NOT_SPF);
    assertThat(english.facts().reason()).isEqualTo(io.github.spfkit.diagnosis.bounce.FailureReason.USER_UNKNOWN);
    assertThat(english.evidence()).filteredOn(e -> e.code().equals("what-failed")).singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo(
            "What failed: delivery to userunknown@example.jp at mx.example.jp: the recipient address does not exist (status 5.1.1)."));
    assertThat(indonesian.evidence()).filteredOn(e -> e.code().equals("what-failed")).singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo(
            "Yang gagal: pengiriman ke userunknown@example.jp di mx.example.jp: alamat penerima tidak ada (status 5.1.1)."));
  }

  @Test
  void saysWhatCouldNotBeReadInTheDiagnosersLanguage() {
    BounceDiagnoser indonesian = BounceDiagnoser.builder().maxInputBytes(64).locale(Locale.forLanguageTag("id")).build();

    Diagnosis d = indonesian.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.facts().unreadable()).extracting(n -> n.code()).contains(ReadingNote.Code.TOO_LARGE);
    assertThat(d.problems()).anyMatch(p -> p.startsWith("input berukuran ") && p.contains("melebihi batas ukuran 64 byte"));
  }

  @Test
  void aLocaleWithoutTranslationFallsBackToEnglish() {
    BounceDiagnoser japanese = BounceDiagnoser.builder().locale(Locale.JAPANESE).build();

    Diagnosis d = japanese.diagnose("550 5.1.1 User unknown");

    assertThat(d.advice()).singleElement().satisfies(a -> assertThat(a.text()).startsWith("This bounce is not about SPF"));
  }

  @Test
  void rejectsBadSettingsAtOnce() {
    assertThatThrownBy(() -> BounceDiagnoser.builder().maxInputBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BounceDiagnoser.builder().deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BounceDiagnoser.builder().dns(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void exportsOnlyTheApiPackages() throws Exception {
    Module module = BounceDiagnoser.class.getModule();
    ModuleDescriptor descriptor;
    if (module.isNamed()) {
      descriptor = module.getDescriptor();
    } else {
      Path classes = Path.of(BounceDiagnoser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
        descriptor = ModuleDescriptor.read(in);
      }
    }

    Set<String> exports =
        descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertThat(descriptor.name()).isEqualTo("io.github.spfkit.diagnosis");
    assertThat(exports)
        .containsExactlyInAnyOrder(
            "io.github.spfkit.diagnosis", "io.github.spfkit.diagnosis.bounce");
  }
}
