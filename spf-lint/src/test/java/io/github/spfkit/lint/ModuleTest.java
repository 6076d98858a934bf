package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleTest {

  private static ModuleDescriptor descriptor() {
    return ModuleFinder.of(Path.of("target", "classes"))
        .find("io.github.spfkit.lint")
        .orElseThrow()
        .descriptor();
  }

  @Test
  void exportsItsOneApiPackageToEveryone() {
    assertThat(descriptor().exports())
        .allSatisfy(export -> assertThat(export.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("io.github.spfkit.lint");
    assertThat(descriptor().opens()).isEmpty();
  }

  @Test
  void requiresSpfCoreTransitivelyAndNothingElseAtRunTime() {
    Map<String, ModuleDescriptor.Requires> requires =
        descriptor().requires().stream()
            .filter(r -> !r.name().equals("java.base"))
            .collect(Collectors.toMap(ModuleDescriptor.Requires::name, r -> r));

    assertThat(requires).containsOnlyKeys("io.github.spfkit.core", "org.jspecify");
    assertThat(requires.get("io.github.spfkit.core").modifiers())
        .contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    assertThat(requires.get("org.jspecify").modifiers())
        .contains(ModuleDescriptor.Requires.Modifier.STATIC);
  }
}
