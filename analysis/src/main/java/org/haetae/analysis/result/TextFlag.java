package org.haetae.analysis.result;

/**
 * A lexicon rule matched a message: a pointer for a person to read it in context, never a verdict.
 *
 * @param category {@code solicitation}, {@code personal_details}, {@code evasion}, {@code payment}
 * @param rule the term or pattern as written in the lexicon
 * @param excerpt the matched words with a little context
 */
public record TextFlag(
    MessageRef message, String actorKey, String category, String rule, String excerpt) {}
