/**
 * Linting SPF trees: {@link io.github.spfkit.diagnosis.lint.SpfLinter} walks a domain's include and redirect tree
 * through the DNS seam and reports {@link io.github.spfkit.diagnosis.lint.Finding}s with stable codes.
 */
@NullMarked
package io.github.spfkit.diagnosis.lint;

import org.jspecify.annotations.NullMarked;
