/**
 * Linting and flattening of SPF trees. {@link io.github.spfkit.lint.SpfLinter} gives a {@link
 * io.github.spfkit.lint.LintReport}: the tree ({@link io.github.spfkit.lint.LintNode}), every
 * counted term with the queries it makes for each address family and the rule that counts them
 * ({@link io.github.spfkit.lint.CountedTerm}), and {@link io.github.spfkit.lint.Finding}s with stable
 * codes; {@link io.github.spfkit.lint.LintText} draws a report as text. {@link
 * io.github.spfkit.lint.SpfFlattener} gives a {@link io.github.spfkit.lint.Flattening} with its
 * {@link io.github.spfkit.lint.EquivalenceProof}, and {@link io.github.spfkit.lint.Drift} tells
 * whether published flattened records still hold.
 */
@NullMarked
package io.github.spfkit.lint;

import org.jspecify.annotations.NullMarked;
