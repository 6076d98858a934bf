package io.github.spfkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import org.junit.jupiter.api.Test;

final class RangeSetTest {

  private static RangeSet of(String cidr) {
    int slash = cidr.indexOf('/');
    return RangeSet.of(IpAddress.of(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
  }

  @Test
  void mergesAdjacentBlocksAndKeepsAGapOfOneAddress() {
    assertThat(of("10.0.0.0/25").union(of("10.0.0.128/25")).cidrs()).containsExactly("10.0.0.0/24");
    assertThat(of("10.0.0.0/32").union(of("10.0.0.2/32")).cidrs()).containsExactly("10.0.0.0/32", "10.0.0.2/32");
    assertThat(of("10.0.0.0/24").union(of("10.0.0.7/32")).cidrs()).containsExactly("10.0.0.0/24");
    assertThat(of("2001:db8::/33").union(of("2001:db8:8000::/33")).union(of("192.0.2.0/24")).cidrs())
        .containsExactly("192.0.2.0/24", "2001:db8::/32");
  }

  @Test
  void cutsExactlyTheAddressesTakenOut() {
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.0/32")).cidrs())
        .containsExactly("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/30", "10.0.0.8/29", "10.0.0.16/28",
            "10.0.0.32/27", "10.0.0.64/26", "10.0.0.128/25");
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.255/32")).cidrs()).endsWith("10.0.0.254/32");
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.255/32")).cidrs()).doesNotContain("10.0.0.255/32");
    assertThat(of("10.0.0.0/31").minus(of("10.0.0.1/32")).cidrs()).containsExactly("10.0.0.0/32");
    assertThat(of("10.0.0.0/31").minus(of("10.0.0.0/32")).cidrs()).containsExactly("10.0.0.1/32");
    assertThat(of("10.0.0.0/24").minus(of("10.0.1.0/24")).cidrs()).containsExactly("10.0.0.0/24");
    assertThat(of("10.0.1.0/24").minus(of("10.0.0.0/24")).cidrs()).containsExactly("10.0.1.0/24");
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.0/16")).isEmpty()).isTrue();
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.0/24")).isEmpty()).isTrue();
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.128/25"))).isEqualTo(of("10.0.0.0/25"));
    assertThat(of("10.0.0.0/24").minus(of("10.0.0.0/25"))).isEqualTo(of("10.0.0.128/25"));
  }

  @Test
  void intersectsAndComparesBySetNotByHowItWasBuilt() {
    RangeSet halves = of("10.0.0.0/25").union(of("10.0.0.128/25"));
    assertThat(halves).isEqualTo(of("10.0.0.0/24")).hasSameHashCodeAs(of("10.0.0.0/24"));
    assertThat(halves).isNotEqualTo(of("10.0.0.0/25")).isNotEqualTo(of("2001:db8::/64")).isNotEqualTo("10.0.0.0/24");
    assertThat(of("10.0.0.0/24").intersect(of("10.0.0.128/25"))).isEqualTo(of("10.0.0.128/25"));
    assertThat(halves.union(of("2001:db8::/64"))).hasToString("10.0.0.0/24 2001:db8::/64");
    assertThat(RangeSet.EMPTY.isEmpty()).isTrue();
    assertThat(of("2001:db8::/64").isEmpty()).isFalse();
    assertThat(RangeSet.everything().cidrs()).containsExactly("0.0.0.0/0", "::/0");
  }
}
