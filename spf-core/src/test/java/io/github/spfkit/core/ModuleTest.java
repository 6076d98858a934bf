package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's contract: a named module exporting its API packages only, requiring jspecify only. */
final class ModuleTest {

  private final Module module = SpfChecker.class.getModule();

  @Test
  void runsAsANamedModule() {
    assertThat(module.isNamed()).isTrue();
    assertThat(module.getName()).isEqualTo("io.github.spfkit.core");
  }

  @Test
  void exportsTheApiPackagesOnly() {
    assertThat(module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactlyInAnyOrder(
            "io.github.spfkit.core",
            "io.github.spfkit.core.dns",
            "io.github.spfkit.core.net",
            "io.github.spfkit.core.record");
    assertThat(module.getDescriptor().exports()).allMatch(e -> !e.isQualified());
    assertThat(module.getDescriptor().packages()).contains("io.github.spfkit.core.internal");
  }

  @Test
  void requiresNothingButJspecifyAtCompileTime() {
    assertThat(
            module.getDescriptor().requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r.modifiers())))
        .containsOnlyKeys("org.jspecify")
        .containsEntry(
            "org.jspecify",
            java.util.Set.of(ModuleDescriptor.Requires.Modifier.STATIC, ModuleDescriptor.Requires.Modifier.TRANSITIVE));
  }
}
