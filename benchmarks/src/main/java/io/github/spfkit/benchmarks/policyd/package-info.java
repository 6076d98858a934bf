/**
 * A load driver for Postfix SPF policy servers ({@link
 * io.github.spfkit.benchmarks.policyd.PolicyLoad}): speaks the SMTP access policy delegation
 * protocol over loopback to spf-policyd or the stock policyd-spf and measures decisions per second
 * and latency, also under faults. Not a library: nothing here is API.
 */
@NullMarked
package io.github.spfkit.benchmarks.policyd;

import org.jspecify.annotations.NullMarked;
