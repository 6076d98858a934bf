/**
 * The {@code spf-policyd} daemon: command line, socket listener, connections and the decision log.
 * Not exported; no contract beyond the command line documented in the module's README.
 */
@NullMarked
package io.github.spfkit.policyd.daemon;

import org.jspecify.annotations.NullMarked;
