package io.github.spfkit.diagnosis.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pasted SMTP replies, wrapped on continuation lines or joined with spaces, still give the domain and IP. */
final class PastedRepliesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "gmail-wrapped.txt, example.com, 203.0.113.25",
    "gmail-space-joined.txt, example.com, 203.0.113.25",
    "gmail-does-not-pass.txt, example.com, 203.0.113.25",
    "gmail-results-space-colon.txt, example.com, 203.0.113.25",
    "not-designated.txt, example.com, 203.0.113.25",
    "exim-not-allowed.txt, example.com, 203.0.113.25"
  })
  void readsTheDomainAndTheIpOfAPastedReply(String file, String domain, String ip) throws IOException {
    BounceFacts facts = BounceReader.withMaxInputBytes(1 << 20).read(bytes("pasted/" + file));

    assertThat(facts.senderDomain()).as("domain").isEqualTo(domain);
    assertThat(facts.clientIp()).as("ip").isEqualTo(ip);
    assertThat(facts.replyText()).doesNotContain("550-").doesNotContain("550 5.7.26 ");
  }

  private static byte[] bytes(String path) throws IOException {
    try (InputStream in = PastedRepliesTest.class.getResourceAsStream("/" + path)) {
      return in.readAllBytes();
    }
  }
}
