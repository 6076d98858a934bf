/**
 * Bounce diagnosis: {@link io.github.spfkit.diagnosis.BounceDiagnoser} turns a bounce into a {@link
 * io.github.spfkit.diagnosis.Diagnosis}: category, root cause, evidence, advice and a verified proposed record.
 */
@NullMarked
package io.github.spfkit.diagnosis;

import org.jspecify.annotations.NullMarked;
