package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.testing.PublicApi;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.BounceFormat;
import io.github.spfkit.diagnosis.bounce.BounceReader;
import io.github.spfkit.lint.Finding;
import io.github.spfkit.lint.LintNode;
import io.github.spfkit.lint.LintReport;
import io.github.spfkit.lint.SpfLinter;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleTest {

  private static ModuleDescriptor descriptor() {
    return ModuleFinder.of(Path.of("target", "classes"))
        .find("io.github.spfkit.diagnosis")
        .orElseThrow()
        .descriptor();
  }

  @Test
  void exportsItsTwoApiPackagesToEveryoneAndNothingElse() {
    assertThat(descriptor().exports())
        .allSatisfy(export -> assertThat(export.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder(
            "io.github.spfkit.diagnosis",
            "io.github.spfkit.diagnosis.bounce");
    assertThat(descriptor().opens()).isEmpty();
  }

  @Test
  void givesItsUsersSpfCoreAndSpfLintAndKeepsMime4jToItself() {
    Map<String, ModuleDescriptor.Requires> requires =
        descriptor().requires().stream()
            .filter(r -> !r.name().equals("java.base"))
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r));

    assertThat(requires)
        .containsOnlyKeys(
            "io.github.spfkit.core",
            "io.github.spfkit.lint",
            "org.jspecify",
            "apache.mime4j.core",
            "apache.mime4j.dom",
            "org.apache.commons.io");
    assertThat(requires.get("io.github.spfkit.core").modifiers()).contains(Modifier.TRANSITIVE);
    assertThat(requires.get("io.github.spfkit.lint").modifiers()).contains(Modifier.TRANSITIVE);
    assertThat(requires.get("org.jspecify").modifiers()).contains(Modifier.STATIC);
    assertThat(requires.get("apache.mime4j.core").modifiers()).doesNotContain(Modifier.TRANSITIVE);
    assertThat(requires.get("apache.mime4j.dom").modifiers()).doesNotContain(Modifier.TRANSITIVE);
    // mime4j's own dependency: its jars are automatic modules, which resolve nothing themselves
    assertThat(requires.get("org.apache.commons.io").modifiers()).doesNotContain(Modifier.TRANSITIVE);
  }

  @Test
  void showsNoMime4jTypeInItsPublicApi() {
    List<Class<?>> api =
        List.of(
            BounceDiagnoser.class,
            BounceDiagnoser.Builder.class,
            Diagnosis.class,
            Category.class,
            Cause.class,
            Evidence.class,
            Advice.class,
            Proposal.class,
            BounceReader.class,
            BounceFacts.class,
            BounceFormat.class,
            SpfLinter.class,
            SpfLinter.Builder.class,
            LintReport.class,
            LintNode.class,
            Finding.class);
    assertThat(PublicApi.mentionsOf(api, "org.apache.james")).isEmpty();
  }
}
