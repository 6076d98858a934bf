/**
 * JMH benchmarks of spf-core against Apache jSPF, both fed the same DNS data ({@link
 * io.github.spfkit.benchmarks.ZoneData}). Not a library: nothing here is API.
 */
@NullMarked
package io.github.spfkit.benchmarks;

import org.jspecify.annotations.NullMarked;
