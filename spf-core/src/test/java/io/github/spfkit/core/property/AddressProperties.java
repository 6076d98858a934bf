package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** CIDR matching and literal handling against BigInteger and the JDK as references. */
final class AddressProperties {

  private static IpAddress v6(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new IpAddress(buffer.getLong(), buffer.getLong(), false);
  }

  private static boolean reference(byte[] a, byte[] b, int bits, int prefix) {
    return new BigInteger(1, a).shiftRight(bits - prefix).equals(new BigInteger(1, b).shiftRight(bits - prefix));
  }

  @Property(tries = 5000)
  void ipv6CidrMatchingAgreesWithAReference(
      @ForAll @Size(16) byte[] a, @ForAll @Size(16) byte[] b, @ForAll @IntRange(max = 128) int prefix) {
    assertThat(v6(a).isIn(v6(b), prefix)).isEqualTo(reference(a, b, 128, prefix));
  }

  @Property(tries = 5000)
  void ipv6NetworksMatchTheirOwnAddresses(
      @ForAll @Size(16) byte[] a, @ForAll @IntRange(max = 128) int prefix) {
    assertThat(v6(a).isIn(v6(a), prefix)).isTrue();
  }

  @Property(tries = 5000)
  void ipv4CidrMatchingAgreesWithAReference(
      @ForAll @Size(4) byte[] a, @ForAll @Size(4) byte[] b, @ForAll @IntRange(max = 32) int prefix)
      throws Exception {
    IpAddress address = IpAddress.of(InetAddress.getByAddress(a));
    IpAddress network = IpAddress.of(InetAddress.getByAddress(b));

    assertThat(address.isIn(network, prefix)).isEqualTo(reference(a, b, 32, prefix));
  }

  @Property(tries = 5000)
  void printedAddressesParseBackAndAgreeWithTheJdk(@ForAll @Size(16) byte[] bytes) throws Exception {
    IpAddress address = v6(bytes);
    String jdk = Inet6Address.getByAddress(null, bytes, -1).getHostAddress();

    assertThat(IpAddress.parse(address.toString())).contains(address);
    assertThat(IpAddress.parse(jdk)).contains(address);
  }
}
