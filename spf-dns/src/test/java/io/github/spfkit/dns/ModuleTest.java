package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.testing.PublicApi;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModuleTest {

  private static ModuleDescriptor descriptor() {
    return ModuleFinder.of(Path.of("target", "classes"))
        .find("io.github.spfkit.dns")
        .orElseThrow()
        .descriptor();
  }

  @Test
  void exportsOnlyItsApiPackageToEveryone() {
    assertThat(descriptor().exports())
        .singleElement()
        .satisfies(
            export -> {
              assertThat(export.source()).isEqualTo("io.github.spfkit.dns");
              assertThat(export.isQualified()).isFalse();
            });
  }

  @Test
  void showsNoDnsjavaTypeInItsPublicApi() {
    List<Class<?>> api =
        List.of(
            DnsJavaLookup.class,
            DnsJavaLookup.Builder.class,
            ZoneFileLookup.class,
            CachingLookup.class,
            CachingLookup.Builder.class,
            CacheStats.class,
            Ticker.class);
    assertThat(PublicApi.mentionsOf(api, "org.xbill")).isEmpty();
  }

  @Test
  void givesItsUsersSpfCoreAndKeepsDnsjavaToItself() {
    assertThat(descriptor().requires())
        .anySatisfy(
            requires -> {
              assertThat(requires.name()).isEqualTo("io.github.spfkit.core");
              assertThat(requires.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
            })
        .anySatisfy(
            requires -> {
              assertThat(requires.name()).isEqualTo("org.dnsjava");
              assertThat(requires.modifiers())
                  .doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
            });
  }
}
