package io.github.spfkit.policyd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The five answers and the one line each sends to Postfix. */
final class PolicyActionTest {

  @Test
  void namesEachActionsKindAndWritesItsLine() {
    PolicyAction reject = new PolicyAction.Reject("550 5.7.23", "no");
    PolicyAction defer = new PolicyAction.Defer("451 4.7.24", "later");
    PolicyAction prepend = new PolicyAction.Prepend("X-Test: yes");
    PolicyAction dunno = new PolicyAction.Dunno("for the log");
    PolicyAction restriction = new PolicyAction.Restriction("helo_passed_spf");
    assertThat(reject.kind()).isEqualTo("reject");
    assertThat(defer.kind()).isEqualTo("defer");
    assertThat(prepend.kind()).isEqualTo("prepend");
    assertThat(dunno.kind()).isEqualTo("dunno");
    assertThat(restriction.kind()).isEqualTo("restriction");
    assertThat(reject.line()).isEqualTo("action=550 5.7.23 no");
    assertThat(defer.line()).isEqualTo("action=451 4.7.24 later");
    assertThat(prepend.line()).isEqualTo("action=PREPEND X-Test: yes");
    assertThat(dunno.line()).isEqualTo("action=DUNNO");
    assertThat(restriction.line()).isEqualTo("action=helo_passed_spf");
  }

  @Test
  void keepsClientTextOnOnePrintableLineOfBoundedLength() {
    PolicyAction reject = new PolicyAction.Reject("550", "a\r\n\tb\u0000c\u00e9" + "x".repeat(500));
    assertThat(reject.line()).startsWith("action=550 a b?c?x").hasSize("action=550 ".length() + 400);
    assertThat(new PolicyAction.Prepend("H: " + "y".repeat(2000)).line())
        .hasSize("action=PREPEND ".length() + 990);
  }
}
