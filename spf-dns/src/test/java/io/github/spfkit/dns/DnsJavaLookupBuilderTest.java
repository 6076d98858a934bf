package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class DnsJavaLookupBuilderTest {

  @ParameterizedTest
  @CsvSource({
    "192.0.2.53, 192.0.2.53, 53",
    "192.0.2.53:5353, 192.0.2.53, 5353",
    "2001:db8::53, 2001:db8::53, 53",
    "[2001:db8::53], 2001:db8::53, 53",
    "[2001:db8::53]:5353, 2001:db8::53, 5353",
    "' 127.0.0.1:1 ', 127.0.0.1, 1"
  })
  void takesAnAddressLiteralWithAnOptionalPort(String text, String address, int port)
      throws Exception {
    DnsJavaLookup dns = DnsJavaLookup.builder().server(text).build();

    assertThat(dns.servers())
        .containsExactly(new InetSocketAddress(InetAddress.getByName(address), port));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "dns.example.com:53",
        "192.0.2.53:0",
        "192.0.2.53:65536",
        "192.0.2.53:x",
        "[2001:db8::53",
        "[2001:db8::53]53",
        "999.0.2.53",
        ""
      })
  void rejectsAnythingButAnAddressLiteralAndAValidPort(String text) {
    assertThatThrownBy(() -> DnsJavaLookup.builder().server(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsServersInTheOrderGiven() {
    DnsJavaLookup dns =
        DnsJavaLookup.builder().server("192.0.2.1").server("192.0.2.2:5353").build();

    assertThat(dns.servers())
        .extracting(InetSocketAddress::getPort)
        .containsExactly(53, 5353);
  }

  @Test
  void needsAServerOrTheSystemConfiguration() {
    assertThatThrownBy(() -> DnsJavaLookup.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("systemResolvers()");
  }

  @Test
  void boundsAQuestionByTheTimeoutOfEveryAttempt() {
    DnsJavaLookup dns =
        DnsJavaLookup.builder()
            .server("192.0.2.1")
            .timeout(Duration.ofMillis(700))
            .retries(2)
            .build();

    assertThat(dns.deadline()).isEqualTo(Duration.ofMillis(2100));
  }

  @Test
  void defaultsToTwoAttemptsOfTwoSeconds() {
    assertThat(DnsJavaLookup.builder().server("192.0.2.1").build().deadline())
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void rejectsBadSettingsAtOnce() {
    DnsJavaLookup.Builder builder = DnsJavaLookup.builder();

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.timeout(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.retries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.retries(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.ednsPayloadSize(511))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.server(InetSocketAddress.createUnresolved("dns.example", 53)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
