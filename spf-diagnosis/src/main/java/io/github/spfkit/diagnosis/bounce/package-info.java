/**
 * Reading bounces: {@link io.github.spfkit.diagnosis.bounce.BounceReader} extracts the {@link
 * io.github.spfkit.diagnosis.bounce.BounceFacts} of a delivery failure notice, using Apache mime4j for the MIME structure.
 */
@NullMarked
package io.github.spfkit.diagnosis.bounce;

import org.jspecify.annotations.NullMarked;
