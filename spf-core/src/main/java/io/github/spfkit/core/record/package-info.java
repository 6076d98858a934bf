/**
 * The SPF record model and its parser (RFC 7208 §4.5, §4.6, §5, §6, §7.1, §12): immutable values
 * for records, terms, mechanisms, modifiers and macro strings; syntax errors as values.
 */
@NullMarked
package io.github.spfkit.core.record;

import org.jspecify.annotations.NullMarked;
