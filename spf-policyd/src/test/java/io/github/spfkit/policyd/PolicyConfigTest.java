package io.github.spfkit.policyd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading policyd-spf.conf as policyd-spf 3.0.4 reads it. */
final class PolicyConfigTest {

  private static PolicyConfig.ConfigReading parse(String text) {
    return PolicyConfig.parse(text, "policyd-spf.conf");
  }

  @Test
  void hasPolicydSpfsDefaults() {
    PolicyConfig d = PolicyConfig.defaults();
    assertThat(d.debugLevel()).isEqualTo(1);
    assertThat(d.heloReject()).isEqualTo(RejectPolicy.FAIL);
    assertThat(d.mailFromReject()).isEqualTo(RejectPolicy.FAIL);
    assertThat(d.permErrorReject()).isFalse();
    assertThat(d.tempErrorDefer()).isFalse();
    assertThat(d.skipAddresses()).map(Network::toString)
        .containsExactly("127.0.0.0/8", "::ffff:127.0.0.0/104", "::1/128");
    assertThat(d.testOnly()).isEqualTo(1);
    assertThat(d.enhancedStatusCodes()).isTrue();
    assertThat(d.headerType()).isEqualTo(HeaderType.SPF);
    assertThat(d.hideReceiver()).isFalse();
    assertThat(d.authservId()).isEqualTo("HOSTNAME");
    assertThat(d.lookupTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.whitelistLookupTime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.voidLimit()).isEqualTo(2);
    assertThat(d.reasonMessage()).isEqualTo("Message {rejectdefer} due to: {spf}. Please see {url}");
    assertThat(d.noMail()).isFalse();
    assertThat(d.mock()).isFalse();
    assertThat(d.prospective()).isNull();
  }

  @Test
  void readsDebiansInstalledFileWithoutWarnings() throws IOException {
    PolicyConfig.ConfigReading reading =
        PolicyConfig.read(Path.of("src/test/resources/debian-policyd-spf.conf"));
    assertThat(reading.warnings()).isEmpty();
    assertThat(reading.config()).isEqualTo(PolicyConfig.defaults());
  }

  @Test
  void readsEveryPolicyServerOption() {
    PolicyConfig c = parse(String.join("\n",
        "debugLevel = 3",
        "HELO_reject = SPF_Not_Pass   # trailing comment",
        "Mail_From_reject = Softfail",
        "PermError_reject = True",
        "TempError_Defer = True",
        "skip_addresses = 10.0.0.0/8,2001:db8::/32",
        "Whitelist = 192.168.0.0/31,192.168.1.0/30",
        "HELO_Whitelist = relay.example.com,sender.example.org",
        "Domain_Whitelist = pobox.com,trustedforwarder.org",
        "Domain_Whitelist_PTR = yahoo.com",
        "No_Mail = True",
        "Reject_Not_Pass_Domains = aol.com,hotmail.com",
        "HELO_pass_restriction = helo_passed_spf",
        "Mail_From_pass_restriction = mfrom_passed_spf",
        "TestOnly = 0",
        "SPF_Enhanced_Status_Codes = No",
        "Header_Type = AR",
        "Hide_Receiver = Yes",
        "Authserv_Id = mx.example.com",
        "Lookup_Time = 7",
        "Whitelist_Lookup_Time = 3",
        "Void_Limit = 4",
        "Reason_Message = Message {rejectdefer} due to: {spf}",
        "Mock = True",
        "Prospective = 192.168.0.4",
        "")).config();
    assertThat(c.debugLevel()).isEqualTo(3);
    assertThat(c.heloReject()).isEqualTo(RejectPolicy.SPF_NOT_PASS);
    assertThat(c.mailFromReject()).isEqualTo(RejectPolicy.SOFTFAIL);
    assertThat(c.permErrorReject()).isTrue();
    assertThat(c.tempErrorDefer()).isTrue();
    assertThat(c.skipAddresses()).map(Network::toString).containsExactly("10.0.0.0/8",
        "2001:db8::/32");
    assertThat(c.whitelist()).hasSize(2);
    assertThat(c.heloWhitelist()).containsExactly("relay.example.com", "sender.example.org");
    assertThat(c.domainWhitelist()).containsExactly("pobox.com", "trustedforwarder.org");
    assertThat(c.domainWhitelistPtr()).containsExactly("yahoo.com");
    assertThat(c.noMail()).isTrue();
    assertThat(c.rejectNotPassDomains()).containsExactly("aol.com", "hotmail.com");
    assertThat(c.heloPassRestriction()).isEqualTo("helo_passed_spf");
    assertThat(c.mailFromPassRestriction()).isEqualTo("mfrom_passed_spf");
    assertThat(c.testOnly()).isZero();
    assertThat(c.enhancedStatusCodes()).isFalse();
    assertThat(c.headerType()).isEqualTo(HeaderType.AR);
    assertThat(c.hideReceiver()).isTrue();
    assertThat(c.authservId()).isEqualTo("mx.example.com");
    assertThat(c.lookupTime()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.whitelistLookupTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.voidLimit()).isEqualTo(4);
    assertThat(c.reasonMessage()).isEqualTo("Message {rejectdefer} due to: {spf}");
    assertThat(c.mock()).isTrue();
    assertThat(c.prospective()).isEqualTo(IpAddress.of("192.168.0.4"));
  }

  @Test
  void warnsAboutAnUnknownOptionNamingItAndKeepsTheRest() {
    PolicyConfig.ConfigReading reading = parse("HELO_Reject = False\nTempError_Defer = True\n");
    assertThat(reading.warnings()).containsExactly(
        "policyd-spf.conf:1: unknown option \"HELO_Reject\"; ignored, as policyd-spf ignores it");
    assertThat(reading.config().heloReject()).isEqualTo(RejectPolicy.FAIL);
    assertThat(reading.config().tempErrorDefer()).isTrue();
  }

  @Test
  void warnsAboutOptionsItDoesNotSupportOrThatHaveNoEffectHere() {
    List<String> warnings = parse("Per_User = /etc/peruser\nSocket = inet:8890@localhost\n"
        + "defaultSeedOnly = 0\n").warnings();
    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(2)).contains("Per_User \"/etc/peruser\" is not text,PATH");
    warnings = List.of(warnings.get(2), warnings.get(0), warnings.get(1));
    assertThat(warnings.get(1)).contains("Socket", "milter");
    assertThat(warnings.get(2)).contains("defaultSeedOnly", "deprecated");
  }

  @Test
  void readsValuesCaseSensitivelyAsPolicydSpfDoesAndSaysSo() {
    PolicyConfig.ConfigReading reading = parse("HELO_reject = fail\nPermError_reject = true\n");
    assertThat(reading.config().heloReject()).isEqualTo(RejectPolicy.UNRECOGNISED);
    assertThat(reading.config().permErrorReject()).isFalse();
    assertThat(reading.warnings()).hasSize(2);
    assertThat(reading.warnings().get(0)).contains("HELO_reject \"fail\"", "case matters");
  }

  @Test
  void warnsAboutMalformedLinesAndBadValues() {
    List<String> warnings = parse("Lookup_Time\nReason_Message = a=b\nVoid_Limit = two\n"
        + "Whitelist = 192.168.0.1/24\nHeader_Type = SPF,AR\n").warnings();
    assertThat(warnings).hasSize(5);
    assertThat(warnings.get(0)).contains("no value for \"Lookup_Time\"");
    assertThat(warnings.get(1)).contains("more than one '='");
    assertThat(warnings.get(2)).contains("Void_Limit \"two\" is not an integer");
    assertThat(warnings.get(3)).contains("192.168.0.1/24", "host bits");
    assertThat(warnings.get(4)).contains("both SPF and AR");
  }

  @Test
  void readsMockFalseAsOffAndSaysPolicydSpfWouldNot() {
    PolicyConfig.ConfigReading reading = parse("Mock = False\n");
    assertThat(reading.config().mock()).isFalse();
    assertThat(reading.warnings()).singleElement().asString().contains("any non-empty value");
  }

  @Test
  void replacesTheHostnamePlaceholderOnly() {
    assertThat(PolicyConfig.defaults().withHostName("mx.test").authservId()).isEqualTo("mx.test");
    PolicyConfig named = parse("Authserv_Id = auth.example\n").config();
    assertThat(named.withHostName("mx.test").authservId()).isEqualTo("auth.example");
  }

  @Test
  void readsPerUserSettingsOnTopOfTheGlobalOnes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path users = dir.resolve("userconf");
    java.nio.file.Files.writeString(users, String.join("\n",
        "# per-user settings",
        "Strict@Example.org,Mail_From_reject=SPF_Not_Pass|PermError_reject=True",
        "open@example.org,HELO_reject=False|TestOnly=0",
        "broken@example.org,Mail_From_reject",
        ""));
    PolicyConfig.ConfigReading reading =
        parse("TempError_Defer = True\nPer_User = text," + users + "\n");
    PolicyConfig global = reading.config();
    PolicyConfig strict = global.forRecipient("strict@EXAMPLE.org");
    assertThat(strict.mailFromReject()).isEqualTo(RejectPolicy.SPF_NOT_PASS);
    assertThat(strict.permErrorReject()).isTrue();
    assertThat(strict.tempErrorDefer()).isTrue();
    assertThat(global.forRecipient("open@example.org").heloReject()).isEqualTo(RejectPolicy.FALSE);
    assertThat(global.forRecipient("open@example.org").testOnly()).isEqualTo(1);
    assertThat(global.forRecipient("someone@example.org")).isSameAs(global);
    assertThat(reading.warnings()).hasSize(2);
    assertThat(reading.warnings().get(0)).contains(":3: \"TestOnly\" cannot be set per user");
    assertThat(reading.warnings().get(1)).contains(":4: a setting is not Name=value");
  }

  @Test
  void usesTheGlobalSettingsWhenThePerUserFileIsMissing() {
    PolicyConfig.ConfigReading reading = parse("Per_User = text,/nonexistent/userconf\n");
    assertThat(reading.config().perUser()).isEmpty();
    assertThat(reading.config().perUserSource()).isEqualTo("text,/nonexistent/userconf");
    assertThat(reading.warnings()).singleElement().asString()
        .contains("cannot be read", "the global settings apply");
  }

  @Test
  void readsEveryRejectPolicyByItsToken() {
    for (RejectPolicy policy : RejectPolicy.values()) {
      if (policy == RejectPolicy.UNRECOGNISED) {
        continue;
      }
      PolicyConfig.ConfigReading reading = parse("HELO_reject = " + policy.token() + "\n");
      assertThat(reading.config().heloReject()).as(policy.token()).isEqualTo(policy);
    }
    assertThat(RejectPolicy.UNRECOGNISED.token()).isEmpty();
  }

  @Test
  void acceptsNullForHeloRejectOnlyAndWarnsForMailFromReject() {
    assertThat(parse("HELO_reject = Null\n").warnings()).isEmpty();
    PolicyConfig.ConfigReading reading = parse("Mail_From_reject = Null\n");
    assertThat(reading.config().mailFromReject()).isEqualTo(RejectPolicy.UNRECOGNISED);
    assertThat(reading.warnings()).singleElement().asString()
        .contains("Mail_From_reject \"Null\" is not one of Fail, Softfail, SPF_Not_Pass, False,"
            + " No_Check");
  }

  @Test
  void keepsTheEarlierValueOfANumberThatDoesNotParse() {
    PolicyConfig c = parse("Void_Limit = 5\nVoid_Limit = five\ndebugLevel = x\n").config();
    assertThat(c.voidLimit()).isEqualTo(5);
    assertThat(c.debugLevel()).isEqualTo(1);
  }

  @Test
  void acceptsAVoidLimitOfZeroAndReplacesANegativeOneWithTwo() {
    PolicyConfig.ConfigReading zero = parse("Void_Limit = 0\n");
    assertThat(zero.config().voidLimit()).isZero();
    assertThat(zero.warnings()).isEmpty();
    PolicyConfig.ConfigReading negative = parse("Void_Limit = -1\n");
    assertThat(negative.config().voidLimit()).isEqualTo(2);
    assertThat(negative.warnings()).singleElement().asString()
        .contains("Void_Limit -1 is negative; 2 is used");
  }

  @Test
  void keepsTheDefaultLookupTimeForZeroSecondsAndSaysSo() {
    PolicyConfig.ConfigReading reading = parse("Lookup_Time = 0\nWhitelist_Lookup_Time = 1\n");
    assertThat(reading.config().lookupTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(reading.config().whitelistLookupTime()).isEqualTo(Duration.ofSeconds(1));
    assertThat(reading.warnings()).singleElement().asString()
        .contains("Lookup_Time 0 is not a positive number of seconds; 20 is used");
  }

  @Test
  void readsDomainListsLowerCasedWithoutTheTrailingDot() {
    PolicyConfig c = parse("Domain_Whitelist = Example.COM., ,b.example\n").config();
    assertThat(c.domainWhitelist()).containsExactly("example.com", "b.example");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"{nope} text", "{ text", "text {", "} text", "text }"})
  void warnsAboutABraceInReasonMessageThatIsNotAName(String message) {
    PolicyConfig.ConfigReading reading = parse("Reason_Message = " + message + "\n");
    assertThat(reading.config().reasonMessage()).isEqualTo(message);
    assertThat(reading.warnings()).singleElement().asString()
        .contains("Reason_Message has a brace that is not {rejectdefer}, {spf} or {url}");
  }

  @Test
  void readsTheNamesAndDoubledBracesOfReasonMessageWithoutWarning() {
    assertThat(parse("Reason_Message = {{{rejectdefer}}} {spf} {url}\n").warnings()).isEmpty();
  }

  @Test
  void usesTheHostNameForHeaderTypeArWithAnEmptyAuthservId() {
    PolicyConfig.ConfigReading reading = parse("Header_Type = AR\nAuthserv_Id =\n");
    assertThat(reading.config().authservId()).isEqualTo(PolicyConfig.HOSTNAME);
    assertThat(reading.warnings()).singleElement().asString()
        .contains("Header_Type AR needs an Authserv_Id");
    assertThat(parse("Header_Type = SPF\nAuthserv_Id =\n").warnings()).isEmpty();
  }

  @Test
  void warnsWhenNeitherIdentityIsChecked() {
    assertThat(parse("HELO_reject = No_Check\nMail_From_reject = No_Check\n").warnings())
        .singleElement().asString().contains("both No_Check: nothing is checked");
    assertThat(parse("HELO_reject = No_Check\n").warnings()).isEmpty();
    assertThat(parse("Mail_From_reject = No_Check\n").warnings()).isEmpty();
  }

  @Test
  void ignoresAPerUserLineWithoutARecipient(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path users = dir.resolve("userconf");
    java.nio.file.Files.writeString(users, ",Mail_From_reject=Softfail\n");
    PolicyConfig.ConfigReading reading = parse("Per_User = text," + users + "\n");
    assertThat(reading.config().perUser()).isEmpty();
    assertThat(reading.warnings()).singleElement().asString()
        .contains(":1: not recipient,settings; line ignored");
  }
}
