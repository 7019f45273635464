package org.haetae.analysis.text;

/**
 * A search hit: the message it points at and a snippet with the matched words marked.
 *
 * @param snippet the best passage of the message, matches wrapped in the caller's markers
 */
public record TextHit(
    String chatId, long messageId, String fromId, long dateUnix, float score, String snippet) {}
