package io.github.spfkit.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.Result;
import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.net.IpAddress;
import io.github.spfkit.diagnosis.bounce.ReceivedHop;
import io.github.spfkit.lint.SpfLinter;
import io.github.spfkit.dns.ZoneFileLookup;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * From a bounce file to cause, evidence, advice and a verified proposal, for each cause, on the
 * zone data of {@code e2e/e2e.zone} (read with spf-dns's zone-file resolver).
 */
final class EndToEndTest {
  /** The zone, with the flaky provider's name servers timing out. */
  static final DnsLookup DNS = flaky(zone());

  static final BounceDiagnoser DIAGNOSER = BounceDiagnoser.builder().dns(DNS).build();

  private static final Set<Cause> COVERED = EnumSet.noneOf(Cause.class);

  static ZoneFileLookup zone() {
    try {
      return ZoneFileLookup.fromString(Resources.text("e2e/e2e.zone"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static DnsLookup flaky(DnsLookup dns) {
    return (name, type) ->
        name.equalsIgnoreCase("_spf.flaky-provider.example")
            ? CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("timed out"))
            : dns.lookup(name, type);
  }

  static Arguments row(String file, Cause cause, String adviceCode, @Nullable String proposal) {
    return Arguments.of(file, cause, adviceCode, proposal);
  }

  static Stream<Arguments> causes() {
    return Stream.of(
        row("e2e/ip-not-authorized.eml", Cause.IP_NOT_AUTHORIZED, "add-ip",
            "v=spf1 ip4:198.51.100.0/24 include:_spf.mailer.example ip4:192.0.2.45 -all"),
        row("e2e/forwarding.eml", Cause.FORWARDING, "forwarding", null),
        row("e2e/too-many-lookups.eml", Cause.TOO_MANY_LOOKUPS, "too-many-lookups",
            "v=spf1 ip4:198.51.100.1 ip4:198.51.100.2 ip4:198.51.100.3 ip4:198.51.100.4"
                + " include:b.big.example include:c.big.example ip4:192.0.2.160 -all"),
        row("e2e/void-lookups.eml", Cause.TOO_MANY_VOID_LOOKUPS, "void-lookups", "v=spf1 ip4:192.0.2.170 -all"),
        row("e2e/multiple-records.eml", Cause.MULTIPLE_RECORDS, "merge-records",
            "v=spf1 ip4:192.0.2.80 include:_spf.mailer.example -all"),
        row("e2e/syntax-error.eml", Cause.SYNTAX_ERROR, "fix-syntax",
            "v=spf1 ip4:192.0.2.90 include:_spf.mailer.example -all"),
        row("e2e/no-spf-record.eml", Cause.NO_SPF_RECORD, "publish-record", "v=spf1 ip4:192.0.2.91 ~all"),
        row("e2e/no-such-domain.eml", Cause.NO_SUCH_DOMAIN, "no-such-domain", null),
        row("e2e/evidence-conflict.eml", Cause.EVIDENCE_CONFLICT, "evidence-conflict", null),
        row("e2e/dns-error.eml", Cause.DNS_ERROR, "dns-error", null),
        row("e2e/loopback-relay.eml", Cause.INTERNAL_HOP, "internal-hop", null),
        row("e2e/helo-failed.eml", Cause.HELO_FAILED, "helo", "v=spf1 a ip4:192.0.2.120 ~all"),
        row("e2e/high-risk-delivery-pool.eml", Cause.HIGH_RISK_DELIVERY_POOL, "hrdp", null),
        row("e2e/receiver-policy.eml", Cause.RECEIVER_POLICY, "receiver-policy",
            "v=spf1 ip4:198.51.100.0/24 ip4:192.0.2.130 ~all"),
        row("bounces/sisimai-lhost-postfix-70.eml", Cause.DMARC_ALIGNMENT, "dmarc-align", null),
        row("e2e/auth-required.eml", Cause.AUTH_REQUIRED, "auth-required", null),
        row("e2e/passes-now.eml", Cause.PASSES_NOW, "passes-now", null),
        row("bounces/sisimai-lhost-postfix-04.eml", Cause.NOT_SPF, "not-spf", null),
        row("e2e/undetermined.txt", Cause.UNDETERMINED, "undetermined", null));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("causes")
  void diagnosesEachCauseFromTheBounceFile(
      String file, Cause cause, String adviceCode, @Nullable String proposal) {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes(file));

    assertThat(d.cause()).as(describe(d)).isEqualTo(cause);
    assertThat(d.advice()).extracting(Advice::code).as(describe(d)).contains(adviceCode);
    assertThat(d.advice()).allSatisfy(a -> assertThat(a.text()).doesNotContain("{0}").doesNotStartWith("advice."));
    assertThat(d.evidence()).allSatisfy(e -> assertThat(e.text()).doesNotStartWith("evidence."));
    assertThat(d.proposedRecord()).as(describe(d)).isEqualTo(proposal);
    if (proposal != null) {
      assertProvenByAnIndependentCheck(d);
      assertThat(d.advice()).extracting(Advice::code).contains("apply-proposal");
    }
    COVERED.add(cause);
  }

  /** The proposal passes for the bounced IP against the same DNS and lints clean: checked again here. */
  private static void assertProvenByAnIndependentCheck(Diagnosis d) {
    Proposal p = d.proposal();
    assertThat(p.verification().result()).isEqualTo(Result.PASS);
    assertThat(p.verification().ip()).isEqualTo(d.ip());
    SpfChecker checker = SpfChecker.builder().dns(DNS).build();
    var check = checker.check().ip(d.ip()).policy(p.record());
    var result = d.cause() == Cause.HELO_FAILED ? check.helo(p.domain()).evaluate()
        : check.mailFrom("postmaster@" + p.domain()).evaluate();
    assertThat(result.result()).isEqualTo(Result.PASS);
    assertThat(SpfLinter.builder().dns(DNS).build().lint(p.domain(), p.record()).hasErrors()).isFalse();
  }

  @AfterAll
  static void everyCauseHasAnEndToEndTest() {
    assertThat(COVERED).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Cause.class));
  }

  @Test
  void whenNothingAnswersTheCauseIsThisMachinesDnsNotTheSenders() {
    DnsLookup silent = (name, type) ->
        CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("no response from 127.0.0.1:53"));
    BounceDiagnoser diagnoser = BounceDiagnoser.builder().dns(recording(silent)).build();

    Diagnosis d = diagnoser.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.cause()).isEqualTo(Cause.DNS_UNAVAILABLE);
    assertThat(d.domainState()).isInstanceOf(DomainState.Unanswered.class);
    assertThat(d.proposal()).isNull();
    assertThat(d.advice()).extracting(Advice::code).containsExactly("dns-unavailable");
    assertThat(d.advice().get(0).text()).doesNotContain("check that the name servers of shop.example");
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("dns-unavailable")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("shop.example: no response").contains("example: no response"));
    assertThat(ASKED).containsExactly("shop.example/TXT", "example/TXT");
    COVERED.add(d.cause());
  }

  @Test
  void whenOtherNamesAnswerAndTheSendersDoNotTheCauseIsTheSendersDns() {
    DnsLookup zone = zone();
    DnsLookup senderDown = (name, type) -> name.equalsIgnoreCase("shop.example")
        ? CompletableFuture.completedFuture(new DnsAnswer.TemporaryFailure("SERVFAIL for shop.example/TXT"))
        : zone.lookup(name, type);
    Diagnosis d = BounceDiagnoser.builder().dns(senderDown).build()
        .diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.cause()).isEqualTo(Cause.DNS_ERROR);
    assertThat(d.advice()).extracting(Advice::code).contains("dns-error");
    assertThat(d.advice().get(0).text()).contains("shop.example");
  }

  private static final List<String> ASKED = new CopyOnWriteArrayList<>();

  private static DnsLookup recording(DnsLookup dns) {
    ASKED.clear();
    return (name, type) -> {
      ASKED.add(name + "/" + type);
      return dns.lookup(name, type);
    };
  }

  @Test
  void aRealPostfixBounceForALoopbackRelayProposesNoLoopbackAddress() {
    // loopback-relay.eml: a DSN written by Postfix 3.7 for mail relayed from 127.0.0.2 (see loopback-relay.md)
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/loopback-relay.eml"));

    assertThat(d.facts().clientIp()).isEqualTo("127.0.0.2");
    assertThat(d.facts().rejectingIp()).isEqualTo("127.0.0.1");
    assertThat(d.facts().received()).extracting(ReceivedHop::fromIp).containsExactly("203.0.113.25");
    assertThat(d.cause()).isEqualTo(Cause.INTERNAL_HOP);
    assertThat(d.proposal()).isNull();
    assertThat(d.advice()).extracting(Advice::code)
        .contains("internal-hop", "outbound-address").doesNotContain("add-ip", "apply-proposal");
    assertThat(d.advice()).noneMatch(a -> a.text().contains("ip4:127.0.0.2"));
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("internal-ip")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("127.0.0.2").contains("loopback"));
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("outbound")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("203.0.113.25").contains("mail.example.com").contains("fail"));
  }

  @Test
  void aPrivateClientAddressIsNeverProposed() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/private-client.eml"));

    assertThat(d.ip()).hasToString("10.20.30.40");
    assertThat(d.cause()).isEqualTo(Cause.INTERNAL_HOP);
    assertThat(d.proposal()).isNull();
    assertThat(d.evidence()).extracting(Evidence::code).contains("internal-ip", "no-public-hop");
  }

  @Test
  void aProposalFromScratchSaysSoAndAsksForTheOtherSenders() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/no-spf-record.eml"));

    assertThat(d.proposal()).isNotNull();
    assertThat(d.proposal().fromScratch()).isTrue();
    assertThat(d.advice()).extracting(Advice::code).containsSubsequence("apply-proposal", "from-scratch");
    assertThat(d.advice()).filteredOn(a -> a.code().equals("from-scratch")).singleElement()
        .satisfies(a -> assertThat(a.text()).contains("192.0.2.91").contains("other senders"));
  }

  @Test
  void theBareMicrosoft365LineIsDiagnosedWithTheUsersSenderAndIp() {
    String pasted = Resources.text("pasted/m365-bare.txt");

    Diagnosis without = DIAGNOSER.diagnose(pasted);
    Diagnosis with = DIAGNOSER.diagnose(pasted,
        RequestFacts.NONE.withSender("alice@example.com").withIp(IpAddress.of("203.0.113.25")));

    assertThat(without.cause()).isEqualTo(Cause.UNDETERMINED);
    assertThat(with.category()).isEqualTo(Category.SPF_FAIL);
    assertThat(with.domain()).isEqualTo("example.com");
    assertThat(with.ip()).hasToString("203.0.113.25");
    assertThat(with.sources()).isEqualTo(new FactSources(FactSource.USER, FactSource.USER, null));
    assertThat(with.spfResult().result()).isEqualTo(Result.FAIL);
    assertThat(with.cause()).isEqualTo(Cause.IP_NOT_AUTHORIZED);
  }

  @Test
  void aMicrosoft365SpfRejectionAlwaysGetsMicrosoftsThreeSteps() {
    String pasted = Resources.text("pasted/m365-bare.txt");
    Diagnosis with = DIAGNOSER.diagnose(pasted,
        RequestFacts.NONE.withSender("alice@example.com").withIp(IpAddress.of("203.0.113.25")));
    Diagnosis without = DIAGNOSER.diagnose(pasted);

    assertThat(with.advice()).extracting(Advice::code)
        .containsSubsequence("m365-record-check", "m365-hrdp", "m365-contact").doesNotContain("contact-receiver");
    assertThat(with.advice()).filteredOn(a -> a.code().equals("m365-record-check")).singleElement()
        .satisfies(a -> assertThat(a.text()).contains("example.com").contains("203.0.113.25").contains("fail")
            .contains("v=spf1 ip4:192.0.2.0/24 -all"));
    assertThat(with.advice()).filteredOn(a -> a.code().equals("m365-hrdp")).singleElement()
        .satisfies(a -> assertThat(a.text()).contains("message trace").contains("OutboundIpPoolName")
            .contains("relay.mail.protection.outlook.com").contains("40.95.0.0/16"));
    assertThat(with.advice()).filteredOn(a -> a.code().equals("m365-contact")).singleElement()
        .satisfies(a -> assertThat(a.text())
            .endsWith("550 5.7.23 The message was rejected because of Sender Policy Framework violation"));
    assertThat(without.advice()).extracting(Advice::code)
        .containsSubsequence("m365-record-check", "m365-hrdp", "m365-contact");
    assertThat(without.advice().get(1).text()).contains("names no sender domain");
  }

  @Test
  void whatTheUserGivesWinsOverWhatTheBounceSays() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"),
        RequestFacts.NONE.withIp(IpAddress.of("198.51.100.20")));

    assertThat(d.facts().clientIp()).isEqualTo("198.51.100.20");
    assertThat(d.sources()).isEqualTo(new FactSources(FactSource.BOUNCE, FactSource.USER, null));
    assertThat(d.cause()).isEqualTo(Cause.PASSES_NOW);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gmail-wrapped.txt", "gmail-space-joined.txt", "gmail-does-not-pass.txt"})
  void wrappedGmailRepliesNameTheDomainInTheAdvice(String file) {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("pasted/" + file));

    assertThat(d.domain()).isEqualTo("example.com");
    assertThat(d.ip()).hasToString("203.0.113.25");
    assertThat(d.sources()).isEqualTo(new FactSources(FactSource.BOUNCE, FactSource.BOUNCE, null));
    assertThat(d.advice()).noneMatch(a -> a.text().contains(" ? ") || a.text().contains("for ?"));
  }

  @Test
  void aForwardedBounceInIndonesianHasNoEnglishOutsideQuotedText() {
    BounceDiagnoser indonesian = BounceDiagnoser.builder().dns(DNS).locale(Locale.forLanguageTag("id")).build();
    Diagnosis d = indonesian.diagnose(Resources.bytes("e2e/forwarding.eml"));

    assertThat(d.cause()).isEqualTo(Cause.FORWARDING);
    Stream<String> texts = Stream.concat(d.evidence().stream().map(Evidence::text), d.advice().stream().map(Advice::text));
    texts.forEach(text -> {
      // quoted text stays as it was: the server's reply, the published record, DSN field names, addresses
      String said = text.replace(d.facts().replyText(), "").replace("v=spf1 ip4:192.0.2.0/25 -all", "")
          .replace("Original-Recipient", "").replace("Final-Recipient", "").replaceAll("\\S+@\\S+", "");
      assertThat(said).as(text)
          .doesNotContainPattern("(?i)\\b(the|was|from|differs|expanded|recipient|and|is|not|of)\\b");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e/syntax-error.eml", "e2e/multiple-records.eml", "e2e/dns-error.eml", "e2e/void-lookups.eml"})
  void theLintFindingsAndTheCheckHostProblemOfADiagnosisAreWordedInEitherLanguage(String file) {
    Locale indonesian = Locale.forLanguageTag("id");
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes(file));
    List<Phrase> phrases = new java.util.ArrayList<>();
    d.lint().findings().forEach(f -> phrases.add(Phrase.of(f)));
    if (d.spfResult() != null && d.spfResult().problem() != null) {
      phrases.add(Phrase.of(d.spfResult().problem()));
    }

    assertThat(phrases).isNotEmpty().allSatisfy(p -> {
      String english = p.text(Locale.ENGLISH);
      String translated = p.text(indonesian);
      assertThat(english).doesNotStartWith(p.key()).doesNotContain("{");
      assertThat(translated).doesNotStartWith(p.key()).doesNotContain("{").isNotEqualTo(english);
      // quoted text (the DNS failure as check_host() reported it) stays as it was
      assertThat(translated.replaceAll("\"[^\"]*\"", "\"\""))
          .doesNotContainPattern("\\b(the|record of|publishes|lookup for|failed)\\b");
    });
  }

  @Test
  void aFailForADomainThatDoesNotExistHereIsAConflictNotAMissingRecord() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/evidence-conflict.eml"));

    assertThat(d.cause()).isEqualTo(Cause.EVIDENCE_CONFLICT);
    assertThat(d.bounceResult()).isEqualTo(Result.FAIL);
    assertThat(d.domainState()).isEqualTo(new DomainState.NoSuchDomain("gone.example"));
    assertThat(d.proposal()).isNull();
    assertThat(d.evidence()).extracting(Evidence::code).contains("conflict");
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("conflict")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("SPF fail").contains("NXDOMAIN"));
    assertThat(d.advice()).extracting(Advice::code).doesNotContain("publish-record", "apply-proposal");
  }

  @Test
  void aFailForADomainWithoutARecordHereIsAConflict() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/conflict-no-record.eml"));

    assertThat(d.cause()).isEqualTo(Cause.EVIDENCE_CONFLICT);
    assertThat(d.domainState()).isEqualTo(new DomainState.NoSpfRecord("nospf.example"));
    assertThat(d.proposal()).isNull();
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("conflict")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("publishes no SPF record"));
  }

  @Test
  void aBounceThatStatesNoResultAndAMissingRecordIsNoSpfRecord() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/no-spf-record.eml"));

    assertThat(d.bounceResult()).isNull();
    assertThat(d.domainState()).isEqualTo(new DomainState.NoSpfRecord("nospf.example"));
    assertThat(d.cause()).isEqualTo(Cause.NO_SPF_RECORD);
  }

  @Test
  void showsTheIncludeChainWithLookupCountsForTooManyLookups() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/too-many-lookups.eml"));

    assertThat(d.lint().lookups()).isEqualTo(14);
    assertThat(d.evidence()).extracting(Evidence::code).contains("lookups", "spf-result");
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("lookups")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("big.example 14 (include:a.big.example 5 (include:a1.big.example 1"));
    assertThat(d.spfResult().result()).isEqualTo(Result.PERMERROR);
  }

  @Test
  void namesTheVoidNames() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/void-lookups.eml"));

    assertThat(d.evidence()).filteredOn(e -> e.code().equals("void")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("old1.void.example, old2.void.example, old3.void.example"));
  }

  @Test
  void showsTheSyntaxErrorsPosition() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/syntax-error.eml"));

    assertThat(d.facts().clientIp()).isEqualTo("203.0.113.10");
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("finding")).first()
        .satisfies(e -> assertThat(e.text()).contains("SYNTAX_ERROR").contains("typo.example @7"));
  }

  @Test
  void showsTheDuplicateRecords() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/multiple-records.eml"));

    assertThat(d.category()).isEqualTo(Category.SPF_FAIL);
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("finding")).first()
        .satisfies(e -> assertThat(e.text()).contains("MULTIPLE_RECORDS").contains("dup.example"));
    assertThat(d.evidence()).filteredOn(e -> e.code().equals("records")).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("v=spf1 ip4:192.0.2.80 -all").contains("v=spf1 include:_spf.mailer.example -all"));
  }

  @Test
  void resolvesTheReportingHostWhenTheBounceStatesNoIp() {
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("e2e/high-risk-delivery-pool.eml"));

    assertThat(d.facts().clientIp()).isNull();
    assertThat(d.ip()).hasToString("40.95.12.34");
    assertThat(d.evidence()).extracting(Evidence::code).contains("ip-candidate", "hrdp-pool");
    assertThat(d.facts().envelopeSender()).isEqualTo("ceo@m365.example");
  }

  @Test
  void offersNoProposalThatFailsVerification() {
    // adding ip4:192.0.2.46 before -all cannot help: -ip4:192.0.2.46 matches first
    Diagnosis d = DIAGNOSER.diagnose("550 SPF: 192.0.2.46 is not allowed to send mail from neg.example");

    assertThat(d.cause()).isEqualTo(Cause.IP_NOT_AUTHORIZED);
    assertThat(d.spfResult().match().mechanism().toString()).isEqualTo("-ip4:192.0.2.46");
    assertThat(d.proposal()).isNull();
    assertThat(d.advice()).extracting(Advice::code).contains("add-ip").doesNotContain("apply-proposal");
  }

  @Test
  void tellsASystemAccountSenderToUseARealEnvelopeSender() {
    // sample rhost-google-04: httpd@relay3.example.com, a host without SPF, rejected by Gmail
    Diagnosis d = DIAGNOSER.diagnose(Resources.bytes("bounces/sisimai-rhost-google-04.eml"));

    assertThat(d.category()).isEqualTo(Category.AUTH_REQUIRED);
    assertThat(d.cause()).isEqualTo(Cause.NO_SPF_RECORD);
    assertThat(d.ip()).hasToString("192.0.2.22");
    assertThat(d.advice()).extracting(Advice::code).contains("system-sender", "publish-record");
    assertThat(d.proposedRecord()).isEqualTo("v=spf1 ip4:192.0.2.22 ~all");
  }

  @Test
  void givesAdviceInIndonesianWithTheRealNames() {
    BounceDiagnoser indonesian =
        BounceDiagnoser.builder().dns(DNS).locale(Locale.forLanguageTag("id")).build();

    Diagnosis d = indonesian.diagnose(Resources.bytes("e2e/ip-not-authorized.eml"));

    assertThat(d.advice()).filteredOn(a -> a.code().equals("add-ip")).singleElement()
        .satisfies(a -> assertThat(a.text()).contains("IP pengirim 192.0.2.45 tidak diizinkan oleh record SPF shop.example"));
    assertThat(d.proposedRecord()).isEqualTo(DIAGNOSER.diagnose(Resources.bytes("e2e/ip-not-authorized.eml")).proposedRecord());
  }

  @Test
  void withoutDnsTheCausesThatNeedLiveDataAreUndetermined() {
    BounceDiagnoser offline = BounceDiagnoser.builder().build();

    Set<Cause> causes =
        Stream.of("ip-not-authorized.eml", "too-many-lookups.eml", "void-lookups.eml", "multiple-records.eml",
                "syntax-error.eml", "no-spf-record.eml", "helo-failed.eml", "receiver-policy.eml", "passes-now.eml")
            .map(f -> offline.diagnose(Resources.bytes("e2e/" + f)).cause())
            .collect(Collectors.toSet());

    assertThat(causes).containsExactly(Cause.UNDETERMINED);
  }

  static String describe(Diagnosis d) {
    return d.category() + " " + d.cause() + " ip=" + d.ip() + " domain=" + d.domain() + "\n evidence=" + d.evidence()
        + "\n advice=" + d.advice() + "\n proposal=" + d.proposedRecord() + "\n problems=" + d.problems();
  }
}
