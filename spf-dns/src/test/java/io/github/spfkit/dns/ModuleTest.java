package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
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
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : api) {
      for (Method method : type.getMethods()) {
        List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        types.addAll(List.of(method.getGenericExceptionTypes()));
        types.stream()
            .filter(t -> t.getTypeName().contains("org.xbill"))
            .forEach(t -> leaks.add(type.getSimpleName() + "." + method.getName() + ": " + t));
      }
      for (Constructor<?> constructor : type.getConstructors()) {
        for (Type parameter : constructor.getGenericParameterTypes()) {
          if (parameter.getTypeName().contains("org.xbill")) {
            leaks.add(type.getSimpleName() + " constructor: " + parameter);
          }
        }
      }
    }

    assertThat(leaks).isEmpty();
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
