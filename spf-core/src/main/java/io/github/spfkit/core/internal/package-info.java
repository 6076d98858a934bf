/**
 * Implementation: the parser, the macro expander and the evaluator. Not exported; no compatibility
 * promise.
 */
@NullMarked
package io.github.spfkit.core.internal;

import org.jspecify.annotations.NullMarked;
