package io.github.spfkit.policyd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line. */
final class OptionsTest {

  @Test
  void readsEveryOption() throws Options.UsageException {
    Options o = Options.parse(new String[] {"--listen", "127.0.0.1:10023", "--config", "p.conf",
        "--dns", "127.0.0.1:5353", "--dns=192.0.2.53", "--deadline", "8s", "--idle-timeout",
        "500ms", "--max-connections", "64", "--receiver", "mx.example.org"});
    assertThat(o.listen().address()).isEqualTo(new InetSocketAddress("127.0.0.1", 10023));
    assertThat(o.config()).isEqualTo(Path.of("p.conf"));
    assertThat(o.dns()).containsExactly("127.0.0.1:5353", "192.0.2.53");
    assertThat(o.deadline()).isEqualTo(Duration.ofSeconds(8));
    assertThat(o.idleTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.maxConnections()).isEqualTo(64);
    assertThat(o.receiver()).isEqualTo("mx.example.org");
  }

  @Test
  void takesAUnixSocketPath() throws Options.UsageException {
    assertThat(Options.parse(new String[] {"--listen", "unix:/run/spf.sock"}).listen().unix())
        .isTrue();
  }

  @Test
  void refusesUnusableCommandLinesWithAMessage() {
    assertThatThrownBy(() -> Options.parse(new String[] {})).hasMessage("--listen is required");
    assertThatThrownBy(() -> Options.parse(new String[] {"--listen", "nohost"}))
        .hasMessageContaining("HOST:PORT or unix:PATH");
    assertThatThrownBy(() -> Options.parse(new String[] {"--listen", "127.0.0.1:1", "--zone",
        "z", "--dns", "d"})).hasMessage("--dns and --zone exclude each other");
    assertThatThrownBy(() -> Options.parse(new String[] {"--listen", "127.0.0.1:1",
        "--deadline", "soon"})).hasMessageContaining("duration");
    assertThatThrownBy(() -> Options.parse(new String[] {"--bogus", "x"}))
        .hasMessage("unknown option --bogus");
  }
}
