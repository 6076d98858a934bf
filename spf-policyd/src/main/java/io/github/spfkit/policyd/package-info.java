/**
 * SPF decisions for Postfix's SMTP access policy delegation protocol, as policyd-spf makes them:
 * {@link io.github.spfkit.policyd.PolicyServer} turns a {@link io.github.spfkit.policyd.PolicyRequest}
 * into a {@link io.github.spfkit.policyd.PolicyAction}, configured by a {@link
 * io.github.spfkit.policyd.PolicyConfig} read from an unchanged {@code policyd-spf.conf}. No socket
 * here: a Java MTA can embed the same decisions.
 */
@NullMarked
package io.github.spfkit.policyd;

import org.jspecify.annotations.NullMarked;
