package io.github.spfkit.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class IpAddressTest {

  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "2001:db8::1, 2001:db8::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "::ffff:192.0.2.1, ::ffff:192.0.2.1",
    "::FFFF:c000:20a, ::ffff:192.0.2.10",
    "::ffff:0:0, ::ffff:0.0.0.0",
    "::fffe:c000:201, ::fffe:c000:201",
    "1::ffff:c000:201, 1::ffff:c000:201",
    "CAFE:BABE::192.168.218.40, cafe:babe::c0a8:da28",
    "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
    "1:2:3:4:5::1.2.3.4, 1:2:3:4:5:0:102:304",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    "ffff:eeee:dddd::cccc:bbbb:aaaa, ffff:eeee:dddd::cccc:bbbb:aaaa",
    "ffff:eeee:dddd::cccc:bbbb:aaaa:9999, ffff:eeee:dddd:0:cccc:bbbb:aaaa:9999",
    "fedc:ba98:7654:3210:fedc:ba98:7654:3210, fedc:ba98:7654:3210:fedc:ba98:7654:3210",
    "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    "::ffff:0.0.0.0, ::ffff:0.0.0.0",
    // 45 characters, the longest literal there is
    "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
  })
  void parsesLiteralsAndPrintsThemCanonically(String literal, String canonical) {
    assertThat(IpAddress.parse(literal)).map(IpAddress::toString).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4:8080", "1.2.3.-4", " 1.2.3.4",
        "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2:3:4:5:6:7", "12345::", "g::1", ":CAFE::BABE",
        "1:2:3:4:5:6:7:", "example.com", "[::1]", "::1%eth0", "\u0661.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4::5:6:7:8", "1:2:3:4:5:6::1.2.3.4", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::",
        "::1::2", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555", ":"
      })
  void rejectsWhatIsNotALiteral(String text) {
    assertThat(IpAddress.parse(text)).isEmpty();
  }

  @Test
  void neverResolvesNames() {
    assertThatThrownBy(() -> IpAddress.of("localhost")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsJdkAddressesByTheirBytes() throws Exception {
    assertThat(IpAddress.of(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})))
        .isEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.of(InetAddress.getByName("2001:db8::1"))).isEqualTo(IpAddress.of("2001:db8::1"));
  }

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("192.0.2.1", "192.0.2.0", 24, true),
        Arguments.of("192.0.3.1", "192.0.2.0", 24, false),
        Arguments.of("192.0.2.1", "192.0.2.1", 32, true),
        Arguments.of("192.0.2.2", "192.0.2.1", 32, false),
        Arguments.of("10.1.2.3", "1.1.1.1", 0, true),
        Arguments.of("192.0.2.129", "192.0.2.128", 25, true),
        Arguments.of("192.0.2.127", "192.0.2.128", 25, false),
        Arguments.of("2001:db8::1", "2001:db8::", 32, true),
        Arguments.of("2001:db9::1", "2001:db8::", 32, false),
        // below a prefix shorter than 64, the rest of the high half may differ
        Arguments.of("2001:db8:ffff:1::1", "2001:db8::", 32, true),
        Arguments.of("2001:db8:ff:ffff:ffff:ffff:ffff:ffff", "2001:db8::", 40, true),
        Arguments.of("2001:db8:100::", "2001:db8::", 40, false),
        Arguments.of("cafe:babe:8000::", "cafe:babe:8000::", 33, true),
        Arguments.of("cafe:babe:7fff::", "cafe:babe:8000::", 33, false),
        Arguments.of("2001:db8::ff", "2001:db8::80", 121, true),
        Arguments.of("2001:db8::7f", "2001:db8::80", 121, false),
        Arguments.of("::1", "::", 0, true),
        Arguments.of("192.0.2.1", "::", 0, false),
        Arguments.of("::ffff:192.0.2.1", "192.0.2.0", 24, false),
        // the boundary between the two halves of an IPv6 address
        Arguments.of("2001:db8:0:1:ffff:ffff:ffff:ffff", "2001:db8:0:1::", 64, true),
        Arguments.of("2001:db8:0:2::", "2001:db8:0:1::", 64, false),
        Arguments.of("2001:db8:0:1:8000::1", "2001:db8:0:1:8000::", 65, true),
        Arguments.of("2001:db8:0:1:7fff::1", "2001:db8:0:1:8000::", 65, false),
        Arguments.of("2001:db8:0:1::2", "2001:db8:0:1::3", 127, true),
        Arguments.of("2001:db8:0:1::4", "2001:db8:0:1::3", 127, false),
        Arguments.of("2001:db8::3", "2001:db8::3", 128, true),
        Arguments.of("2001:db8::2", "2001:db8::3", 128, false),
        Arguments.of("ffff:ffff::1", "::", 0, true),
        Arguments.of("127.255.255.255", "0.0.0.0", 1, true),
        Arguments.of("128.0.0.0", "0.0.0.0", 1, false),
        Arguments.of("192.0.2.1", "192.0.2.0", 31, true),
        Arguments.of("192.0.2.2", "192.0.2.0", 31, false));
  }

  @Test
  void givesDifferentAddressesHashCodesThatRarelyCollide() {
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      hashes.add(IpAddress.of("192.0." + (i / 256) + "." + (i % 256)).hashCode());
      hashes.add(IpAddress.of("2001:db8::" + Integer.toHexString(i)).hashCode());
      hashes.add(IpAddress.of(Integer.toHexString(i + 1) + "::").hashCode());
    }

    assertThat(hashes).hasSizeGreaterThan(2970);
    assertThat(IpAddress.of("::c000:201").hashCode())
        .isNotEqualTo(IpAddress.of("192.0.2.1").hashCode());
  }

  @ParameterizedTest(name = "{0} in {1}/{2}: {3}")
  @MethodSource("networks")
  void matchesCidrNetworksOfItsOwnFamilyOnly(String address, String network, int prefix, boolean in) {
    assertThat(IpAddress.of(address).isIn(IpAddress.of(network), prefix)).isEqualTo(in);
  }

  @Test
  void unmapsIpv4MappedAddresses() {
    IpAddress mapped = IpAddress.of("::FFFF:1.2.3.4");

    assertThat(mapped.isIpv4Mapped()).isTrue();
    assertThat(mapped.unmapped()).isEqualTo(IpAddress.of("1.2.3.4"));
    assertThat(IpAddress.of("2001:db8::1").unmapped()).isEqualTo(IpAddress.of("2001:db8::1"));
  }

  @Test
  void buildsReverseNames() {
    assertThat(IpAddress.of("192.0.2.1").reverseName()).isEqualTo("1.2.0.192.in-addr.arpa");
    assertThat(IpAddress.of("2001:db8::1").reverseName())
        .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
  }

  @Test
  void givesTheMacroFormOfRfc7208Section7() {
    assertThat(IpAddress.of("192.0.2.3").macroForm()).isEqualTo("192.0.2.3");
    assertThat(IpAddress.of("2001:db8::cb01").macroForm())
        .isEqualTo("2.0.0.1.0.D.B.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.C.B.0.1");
  }

  @Test
  void convertsToJdkAddressesWithoutLookups() throws Exception {
    assertThat(IpAddress.of("192.0.2.1").toInetAddress())
        .isEqualTo(java.net.InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}));
    assertThat(IpAddress.of("2001:db8::1").toInetAddress().getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(IpAddress.of("::ffff:192.0.2.1").toInetAddress())
        .isInstanceOf(java.net.Inet6Address.class);
    for (String literal : new String[] {"0.0.0.0", "255.255.255.255", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1:2"}) {
      IpAddress address = IpAddress.of(literal);
      assertThat(IpAddress.of(address.toInetAddress())).isEqualTo(address);
    }
  }

  @Test
  void comparesByAddressAndFamily() {
    assertThat(IpAddress.of("2001:DB8::1")).isEqualTo(IpAddress.of("2001:db8:0::1"));
    assertThat(IpAddress.of("2001:DB8::1")).hasSameHashCodeAs(IpAddress.of("2001:db8:0::1"));
    assertThat(IpAddress.of("::ffff:192.0.2.1")).isNotEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.of("::ffff:192.0.2.1").unmapped()).isEqualTo(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.of("::c000:201")).isNotEqualTo(IpAddress.of("192.0.2.1"));
  }

  @Test
  void convertsToAndFromNetworkOrderBytes() {
    byte[] v4 = {(byte) 192, 0, 2, 10};
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);

    assertThat(IpAddress.ofBytes(v4)).isEqualTo(IpAddress.of("192.0.2.10"));
    assertThat(IpAddress.ofBytes(mapped)).isEqualTo(IpAddress.of("::ffff:192.0.2.10"));
    assertThat(IpAddress.ofBytes(mapped).ipv4()).isFalse();
    assertThat(IpAddress.of("192.0.2.10").toBytes()).containsExactly(v4);
    assertThat(IpAddress.of("::ffff:192.0.2.10").toBytes()).containsExactly(mapped);
    assertThat(IpAddress.of("2001:db8::1").toBytes())
        .containsExactly(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThatThrownBy(() -> IpAddress.ofBytes(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesNetworksWrittenAsLiteralsAsParsedOnesDo() {
    IpAddress v4 = IpAddress.of("192.0.2.130");
    IpAddress v6 = IpAddress.of("2001:db8::1");

    assertThat(v4.isIn("192.0.2.128", 25)).isTrue();
    assertThat(v4.isIn("192.0.2.0", 25)).isFalse();
    assertThat(v4.isIn("10.0.0.0", 0)).isTrue();
    assertThat(v4.isIn("192.0.2.130", 32)).isTrue();
    assertThat(v4.isIn("2001:db8::1", 0)).isFalse();
    assertThat(v4.isIn("192.0.2.256", 0)).isFalse();
    assertThat(v4.isIn("not an address", 0)).isFalse();
    assertThat(v6.isIn("2001:db8::", 32)).isTrue();
    assertThat(v6.isIn("2001:db9::", 32)).isFalse();
    assertThat(v6.isIn("192.0.2.1", 0)).isFalse();
    assertThat(IpAddress.of("::c000:201").isIn("192.0.2.1", 32)).isFalse();
    assertThat(IpAddress.of("0.1.2.3").isIn("0.0.0.0", 8)).isTrue();
    assertThat(IpAddress.of("0.0.0.0").isIn("0.0.0.0", 32)).isTrue();
  }

  @Test
  void parsesTheLiteralInARangeOfALongerText() {
    assertThat(IpAddress.parse("192.0.2.1:25", 0, 9)).contains(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.parse("[2001:db8::1]", 1, 12)).contains(IpAddress.of("2001:db8::1"));
    assertThat(IpAddress.parse("ip4:192.0.2.1/24", 4, 13)).contains(IpAddress.of("192.0.2.1"));
    assertThat(IpAddress.parse("192.0.2.1:25", 0, 12)).isEmpty();
  }
}
