package io.github.spfkit.diagnosis.bounce;

import java.util.List;
import java.util.Objects;

/**
 * One sign that the message was forwarded or expanded on its way, as a stable code with the
 * addresses it names, so that the diagnosis can say it in any language:
 *
 * <ul>
 *   <li>{@code expanded}: the recipient was expanded from {@code args[0]} (an alias or list);
 *   <li>{@code original-recipient}: {@code Original-Recipient} {@code args[0]} differs from {@code
 *       Final-Recipient} {@code args[1]};
 *   <li>{@code delivered-on}: {@code Final-Recipient} {@code args[0]} was delivered on to {@code
 *       args[1]};
 *   <li>{@code delivered-to}: the returned copy had been delivered to {@code args[0]} before it was
 *       sent on;
 *   <li>{@code received-for}: the message was received for {@code args[0]} and then sent on to
 *       {@code args[1]}.
 * </ul>
 *
 * @param code the kind of sign
 * @param args the addresses it names, in the order above
 */
public record ForwardingSign(String code, List<String> args) {
  /**
   * Checks both parts and copies the list.
   *
   * @param code the kind of sign
   * @param args the addresses it names
   */
  public ForwardingSign {
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
  }

  /** The sign in English, for logs and tests; the diagnosis words it in its own language. */
  @Override
  public String toString() {
    String a = args.isEmpty() ? "" : args.get(0);
    String b = args.size() < 2 ? "" : args.get(1);
    switch (code) {
      case "expanded":
        return "the recipient was expanded from " + a;
      case "original-recipient":
        return "Original-Recipient " + a + " differs from Final-Recipient " + b;
      case "delivered-on":
        return "Final-Recipient " + a + " was delivered on to " + b;
      case "delivered-to":
        return "the returned copy had been delivered to " + a + " before it was sent on";
      case "received-for":
        return "the message was received for " + a + " and then sent on to " + b;
      default:
        return code + " " + String.join(" ", args);
    }
  }
}
