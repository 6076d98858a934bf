package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.config.ResolverConfigProvider;

/** {@link DnsJavaLookup.Builder#systemResolvers()} takes its servers from dnsjava's configuration. */
final class SystemResolversTest {

  @Test
  void usesTheServersOfTheSystemConfigurationAfterExplicitOnesWhenAsked() throws Exception {
    InetSocketAddress configured =
        new InetSocketAddress(InetAddress.getByName("192.0.2.99"), 5353);
    List<ResolverConfigProvider> original = ResolverConfig.getConfigProviders();
    ResolverConfig.setConfigProviders(List.of(new FixedConfig(configured)));
    ResolverConfig.refresh();
    try {
      DnsJavaLookup dns = DnsJavaLookup.builder().server("192.0.2.1").systemResolvers().build();

      assertThat(dns.servers())
          .containsExactly(
              new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 53), configured);
    } finally {
      ResolverConfig.setConfigProviders(original);
      ResolverConfig.refresh();
    }
  }

  /** A configuration naming one server. */
  private record FixedConfig(InetSocketAddress server) implements ResolverConfigProvider {
    @Override
    public void initialize() {}

    @Override
    public List<InetSocketAddress> servers() {
      return List.of(server);
    }

    @Override
    public List<Name> searchPaths() {
      return List.of();
    }
  }
}
