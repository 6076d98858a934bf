package io.github.spfkit.policyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.net.IpAddress;
import org.junit.jupiter.api.Test;

/** The CIDR blocks of skip_addresses and Whitelist, read as Python's ipaddress reads them. */
final class NetworkTest {

  @Test
  void readsAnAddressAloneAsAHostRoute() {
    assertThat(Network.parse(" 192.0.2.1 ")).hasValueSatisfying(
        n -> assertThat(n.toString()).isEqualTo("192.0.2.1/32"));
    assertThat(Network.parse("2001:db8::1")).hasValueSatisfying(
        n -> assertThat(n.prefix()).isEqualTo(128));
  }

  @Test
  void readsPrefixesOfOneToThreeDigitsUpToTheFamilysLength() {
    assertThat(Network.parse("2001:db8::1/128")).hasValueSatisfying(
        n -> assertThat(n.contains(IpAddress.of("2001:db8::1"))).isTrue());
    assertThat(Network.parse("::/0")).isPresent();
    assertThat(Network.parse("192.0.2.0/033")).isEmpty();
    assertThat(Network.parse("2001:db8::/0128")).isEmpty();
    assertThat(Network.parse("192.0.2.0/")).isEmpty();
    assertThat(Network.parse("192.0.2.0/2x")).isEmpty();
    assertThat(Network.parse("/24")).isEmpty();
  }

  @Test
  void holdsEveryAddressOfItsFamilyInABlockOfPrefixZero() {
    Network all = new Network(IpAddress.of("0.0.0.0"), 0);
    assertThat(all.contains(IpAddress.of("203.0.113.9"))).isTrue();
    assertThat(all.contains(IpAddress.of("2001:db8::1"))).isFalse();
  }

  @Test
  void rejectsAPrefixOutsideTheFamilysRange() {
    assertThatThrownBy(() -> new Network(IpAddress.of("192.0.2.0"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Network(IpAddress.of("192.0.2.0"), 33))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Network(IpAddress.of("192.0.2.1"), 32).prefix()).isEqualTo(32);
  }
}
