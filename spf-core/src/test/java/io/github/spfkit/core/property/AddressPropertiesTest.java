package io.github.spfkit.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * CIDR matching and literal handling against BigInteger and the JDK as references, on addresses
 * drawn from fixed seeds (so a failure reproduces), with shared prefixes made likely on purpose.
 */
final class AddressPropertiesTest {

  private static final int CASES = 5000;

  private static IpAddress v6(byte[] bytes) {
    return IpAddress.ofBytes(bytes);
  }

  private static boolean reference(byte[] a, byte[] b, int bits, int prefix) {
    return new BigInteger(1, a)
        .shiftRight(bits - prefix)
        .equals(new BigInteger(1, b).shiftRight(bits - prefix));
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** A copy of {@code a} that agrees with it on a random number of leading bits, then differs. */
  private static byte[] sharingAPrefix(SplittableRandom random, byte[] a) {
    byte[] b = bytes(random, a.length);
    int shared = random.nextInt(a.length * 8 + 1);
    for (int bit = 0; bit < shared; bit++) {
      int mask = 0x80 >>> (bit % 8);
      b[bit / 8] = (byte) ((b[bit / 8] & ~mask) | (a[bit / 8] & mask));
    }
    return b;
  }

  @Test
  void ipv6CidrMatchingAgreesWithAReference() {
    SplittableRandom random = new SplittableRandom(0x5bf6L);
    for (int i = 0; i < CASES; i++) {
      byte[] a = bytes(random, 16);
      byte[] b = i % 2 == 0 ? sharingAPrefix(random, a) : bytes(random, 16);
      int prefix = random.nextInt(129);

      assertThat(v6(a).isIn(v6(b), prefix))
          .as("case %d: /%d", i, prefix)
          .isEqualTo(reference(a, b, 128, prefix));
    }
  }

  @Test
  void ipv6NetworksMatchTheirOwnAddresses() {
    SplittableRandom random = new SplittableRandom(0x6a11L);
    for (int i = 0; i < CASES; i++) {
      byte[] a = bytes(random, 16);
      int prefix = random.nextInt(129);

      assertThat(v6(a).isIn(v6(a), prefix)).as("case %d: /%d", i, prefix).isTrue();
    }
  }

  @Test
  void ipv4CidrMatchingAgreesWithAReference() throws Exception {
    SplittableRandom random = new SplittableRandom(0x4c1dL);
    for (int i = 0; i < CASES; i++) {
      byte[] a = bytes(random, 4);
      byte[] b = i % 2 == 0 ? sharingAPrefix(random, a) : bytes(random, 4);
      int prefix = random.nextInt(33);
      IpAddress address = IpAddress.of(InetAddress.getByAddress(a));
      IpAddress network = IpAddress.of(InetAddress.getByAddress(b));

      assertThat(address.isIn(network, prefix))
          .as("case %d: %s in %s/%d", i, address, network, prefix)
          .isEqualTo(reference(a, b, 32, prefix));
    }
  }

  @Test
  void printedAddressesParseBackAndAgreeWithTheJdk() throws Exception {
    SplittableRandom random = new SplittableRandom(0x9a75L);
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = bytes(random, 16);
      // runs of zero groups, so that "::" compression is exercised
      for (int group = 0; group < 8; group++) {
        if (random.nextInt(3) == 0) {
          bytes[2 * group] = 0;
          bytes[2 * group + 1] = 0;
        }
      }
      IpAddress address = v6(bytes);
      String jdk = Inet6Address.getByAddress(null, bytes, -1).getHostAddress();

      assertThat(IpAddress.parse(address.toString())).as("case %d", i).contains(address);
      assertThat(IpAddress.parse(jdk)).as("case %d: %s", i, jdk).contains(address);
    }
  }
}
