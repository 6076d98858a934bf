/**
 * The {@code spf} command-line tool: {@code check}, {@code lint} and {@code diagnose}, built on
 * picocli, with text output for people and JSON for scripts. {@link
 * io.github.spfkit.examples.cli.SpfCommand} is the entry point. Not a library: nothing here is a
 * stable Java API; the stable contract is the command line and its JSON.
 */
@NullMarked
package io.github.spfkit.examples.cli;

import org.jspecify.annotations.NullMarked;
