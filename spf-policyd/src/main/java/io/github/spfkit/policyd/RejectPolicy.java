package io.github.spfkit.policyd;

import io.github.spfkit.core.Result;
import java.util.Set;

/**
 * Which results of one identity reject the message: the values of {@code HELO_reject} and {@code
 * Mail_From_reject} in {@code policyd-spf.conf(5)}. Temperror and permerror are governed by {@code
 * TempError_Defer} and {@code PermError_reject}, except under {@link #FALSE}.
 */
public enum RejectPolicy {
  /** {@code Fail}: reject on fail (the default for both identities). */
  FAIL("Fail", Set.of(Result.FAIL)),
  /** {@code Softfail}: reject on fail and softfail. */
  SOFTFAIL("Softfail", Set.of(Result.FAIL, Result.SOFTFAIL)),
  /** {@code SPF_Not_Pass}: reject on fail, softfail and neutral. */
  SPF_NOT_PASS("SPF_Not_Pass", Set.of(Result.FAIL, Result.SOFTFAIL, Result.NEUTRAL)),
  /** {@code Null} (HELO only): reject a HELO fail only for the null sender. */
  NULL("Null", Set.of(Result.FAIL)),
  /** {@code False}: never reject or defer on this identity, only add the header. */
  FALSE("False", Set.of()),
  /** {@code No_Check}: do not check this identity at all. */
  NO_CHECK("No_Check", Set.of()),
  /**
   * A value policyd-spf does not know (it compares case-sensitively): as there, no result of this
   * identity rejects, but {@code TempError_Defer} and {@code PermError_reject} still apply. A
   * warning names the value at start.
   */
  UNRECOGNISED("", Set.of());

  private final String token;
  private final Set<Result> rejects;

  RejectPolicy(String token, Set<Result> rejects) {
    this.token = token;
    this.rejects = rejects;
  }

  /**
   * The configuration value.
   *
   * @return e.g. {@code SPF_Not_Pass}; empty for {@link #UNRECOGNISED}
   */
  public String token() {
    return token;
  }

  /**
   * Whether this policy by itself rejects a result (not counting {@code PermError_reject}).
   *
   * @param result an SPF result
   * @return whether the result is one this policy rejects
   */
  public boolean rejects(Result result) {
    return rejects.contains(result);
  }

  static RejectPolicy fromToken(String value) {
    for (RejectPolicy policy : values()) {
      if (policy != UNRECOGNISED && policy.token.equals(value)) {
        return policy;
      }
    }
    return UNRECOGNISED;
  }
}
