package io.github.spfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spfkit.core.dns.InMemoryDns;
import io.github.spfkit.core.net.IpAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SpfRequest: the check_host() arguments of an identity, and SpfChecker.evaluate taking it. */
final class SpfRequestTest {

  private static final IpAddress IP = IpAddress.of("192.0.2.1");

  private static final InMemoryDns DNS =
      InMemoryDns.builder()
          .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
          .txt("mail.example.com", "v=spf1 -all")
          .build();

  @Test
  void takesTheMailFromDomainAndSender() {
    SpfRequest request = SpfRequest.mailFrom(IP, " <alice@example.com> ", "mail.example.com");

    assertThat(request)
        .isEqualTo(
            new SpfRequest(
                IP, Identity.MAIL_FROM, "example.com", "alice@example.com", "mail.example.com", null));
  }

  @Test
  void checksTheNullSenderAsPostmasterAtTheHeloName() {
    SpfRequest request = SpfRequest.mailFrom(IP, "<>", "mail.example.com");

    assertThat(request.identity()).isEqualTo(Identity.MAIL_FROM);
    assertThat(request.domain()).isEqualTo("mail.example.com");
    assertThat(request.sender()).isEqualTo("postmaster@mail.example.com");
    assertThatThrownBy(() -> SpfRequest.mailFrom(IP, "", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HELO");
  }

  @Test
  void givesASenderWithoutLocalPartThePostmasterLocalPart() {
    assertThat(SpfRequest.mailFrom(IP, "@example.com", null).sender())
        .isEqualTo("postmaster@example.com");
    assertThat(SpfRequest.mailFrom(IP, "example.com", null).sender())
        .isEqualTo("postmaster@example.com");
  }

  @Test
  void checksTheHeloIdentity() {
    SpfRequest request = SpfRequest.helo(IP, "mail.example.com").withReceiver("mx.example.org");

    assertThat(request)
        .isEqualTo(
            new SpfRequest(
                IP,
                Identity.HELO,
                "mail.example.com",
                "postmaster@mail.example.com",
                "mail.example.com",
                "mx.example.org"));
  }

  @Test
  void evaluatesARequestAsTheFluentCheckDoes() {
    SpfChecker checker = SpfChecker.builder().dns(DNS).receiver("mx.example.org").build();
    SpfRequest request = SpfRequest.mailFrom(IP, "alice@example.com", "mail.example.com");

    SpfResult direct = checker.evaluate(request);
    SpfResult fluent =
        checker.check().ip(IP).mailFrom("alice@example.com").helo("mail.example.com").evaluate();

    assertThat(direct.result()).isEqualTo(Result.PASS);
    assertThat(direct.request()).isEqualTo(request.withReceiver("mx.example.org"));
    assertThat(fluent.request()).isEqualTo(direct.request());
    assertThat(checker.evaluateAsync(request).toCompletableFuture().join().result())
        .isEqualTo(Result.PASS);
  }

  @Test
  void keepsTheRequestsOwnReceiver() {
    SpfChecker checker = SpfChecker.builder().dns(DNS).receiver("mx.example.org").build();

    SpfResult result =
        checker.evaluate(SpfRequest.helo(IP, "mail.example.com").withReceiver("mx2.example.org"));

    assertThat(result.result()).isEqualTo(Result.FAIL);
    assertThat(result.receiver()).isEqualTo("mx2.example.org");
  }

  @Test
  void carriesTheLimitsItRanUnder() {
    Limits limits = Limits.RFC.withDeadline(Duration.ofSeconds(5));
    SpfChecker checker = SpfChecker.builder().dns(DNS).limits(limits).build();

    SpfResult result = checker.evaluate(SpfRequest.mailFrom(IP, "a@example.com", null));

    assertThat(result.limits()).isEqualTo(limits);
  }

  @Test
  void describesTheFluentCheckAsARequest() {
    SpfChecker checker = SpfChecker.builder().dns(DNS).build();

    assertThat(checker.check().ip(IP).helo("mail.example.com").request())
        .isEqualTo(SpfRequest.helo(IP, "mail.example.com"));
    assertThatThrownBy(() -> checker.check().ip(IP).mailFrom("<>").request())
        .isInstanceOf(IllegalStateException.class);
  }
}
