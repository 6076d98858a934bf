package io.github.spfkit.policyd;

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
        .find("io.github.spfkit.policyd")
        .orElseThrow()
        .descriptor();
  }

  @Test
  void exportsOnlyItsApiPackageNotTheDaemon() {
    assertThat(descriptor().exports())
        .singleElement()
        .satisfies(export -> {
          assertThat(export.source()).isEqualTo("io.github.spfkit.policyd");
          assertThat(export.isQualified()).isFalse();
        });
    assertThat(descriptor().packages()).contains("io.github.spfkit.policyd.daemon");
  }

  @Test
  void showsNoDnsjavaTypeInItsPublicApi() {
    List<Class<?>> api = List.of(PolicyServer.class, PolicyServer.Builder.class,
        PolicyConfig.class, PolicyRequest.class, PolicyAction.class, Decision.class,
        Network.class, RejectPolicy.class, HeaderType.class);
    assertThat(PublicApi.mentionsOf(api, "org.xbill")).isEmpty();
  }
}
