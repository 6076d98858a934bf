/**
 * Short, runnable examples of the spfkit API, each a class with a {@code main} method: a blocking
 * check, many checks at once, a custom DNS seam, headers for an MTA, diagnosing a bounce and
 * linting a domain. They run offline against in-memory DNS unless a class says otherwise.
 */
@NullMarked
package io.github.spfkit.examples.api;

import org.jspecify.annotations.NullMarked;
