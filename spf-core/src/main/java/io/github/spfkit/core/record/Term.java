package io.github.spfkit.core.record;

/**
 * One term of an SPF record: a mechanism (a directive with its qualifier) or a modifier (RFC 7208
 * §4.6.1). {@code toString()} gives the term's canonical text.
 */
public sealed interface Term permits Mechanism, Modifier {}
