/**
 * A Postfix SPF policy server on spfkit: {@link io.github.spfkit.policyd.PolicyServer} makes the
 * decisions policyd-spf makes, from the same {@code policyd-spf.conf}, for Postfix's SMTP access
 * policy delegation protocol; the executable jar's daemon serves it on a socket.
 */
module io.github.spfkit.policyd {
  requires transitive io.github.spfkit.core;
  requires io.github.spfkit.dns;
  requires static org.jspecify;

  exports io.github.spfkit.policyd;
}
