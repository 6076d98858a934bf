/**
 * IP addresses as SPF sees them: literal parsing with no DNS, CIDR matching, and the textual forms
 * the macros need (RFC 7208 §5.6, §7.3).
 */
@NullMarked
package io.github.spfkit.core.net;

import org.jspecify.annotations.NullMarked;
