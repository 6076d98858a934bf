package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AddressScopeTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "127.0.0.1, loopback", "127.0.0.2, loopback", "::1, loopback",
    "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.42, private",
    "fd12:3456::1, unique-local", "fc00::1, unique-local",
    "169.254.10.1, link-local", "fe80::1, link-local",
    "100.64.0.1, shared", "100.127.255.254, shared",
    "0.0.0.0, unspecified", "::, unspecified",
    "::ffff:127.0.0.2, loopback", "::ffff:10.1.2.3, private"
  })
  void addressesNoInternetReceiverSeesAreNotPublic(String ip, String kind) {
    assertThat(AddressScope.notPublic(IpAddress.of(ip))).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource({
    "203.0.113.25", "192.0.2.1", "198.51.100.7", "172.32.0.1", "172.15.255.255", "100.128.0.1",
    "100.63.255.255", "2001:db8::25", "2a01:111:f200:2004::240", "40.95.12.34", "::ffff:203.0.113.25"
  })
  void otherAddressesArePublic(String ip) {
    assertThat(AddressScope.isPublic(IpAddress.of(ip))).isTrue();
  }
}
