package io.github.spfkit.core.record;

import java.util.Objects;

/** A modifier, {@code name=value} (RFC 7208 §6). */
public sealed interface Modifier extends Term {

  /**
   * The modifier's name; lower case for the two the RFC defines.
   *
   * @return {@code redirect}, {@code exp}, or an unknown modifier's name as written
   */
  String name();

  /**
   * {@code redirect=domain}: the policy of another domain replaces this one when no mechanism
   * matches (§6.1).
   *
   * @param domain the domain-spec
   */
  record Redirect(MacroString domain) implements Modifier {
    /**
     * Checks the domain.
     *
     * @param domain the domain-spec whose policy replaces this one; not null
     * @throws NullPointerException if {@code domain} is null
     */
    public Redirect {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "redirect";
    }

    @Override
    public String toString() {
      return "redirect=" + domain;
    }
  }

  /**
   * {@code exp=domain}: where to find the explanation for a {@code fail} (§6.2).
   *
   * @param domain the domain-spec whose TXT record holds the explanation
   */
  record Explanation(MacroString domain) implements Modifier {
    /**
     * Checks the domain.
     *
     * @param domain the domain-spec whose TXT record holds the explanation; not null
     * @throws NullPointerException if {@code domain} is null
     */
    public Explanation {
      Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String name() {
      return "exp";
    }

    @Override
    public String toString() {
      return "exp=" + domain;
    }
  }

  /**
   * A modifier this library does not know; kept and ignored (§6).
   *
   * @param name the name as written
   * @param value the value
   */
  record Unknown(String name, MacroString value) implements Modifier {
    /**
     * Checks both parts.
     *
     * @param name the modifier's name as written; not null
     * @param value the value, a macro-string; not null
     * @throws NullPointerException if either part is null
     */
    public Unknown {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + "=" + value;
    }
  }
}
