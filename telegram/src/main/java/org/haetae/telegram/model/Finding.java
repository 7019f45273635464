package org.haetae.telegram.model;

/**
 * Something about the export that a report must mention: a media file that is not there, a
 * truncated export, an over-long text. The detail never quotes message text or names.
 *
 * @param kind stable word, e.g. {@code media_missing}, {@code export_truncated}
 * @param code finer reason, e.g. a {@link MediaStatus#code()}
 * @param chatOrdinal the chat concerned, or null
 * @param messageId the message concerned, or null
 * @param byteOffset position in {@code result.json}, or null
 */
public record Finding(
    String kind,
    String code,
    Integer chatOrdinal,
    Long messageId,
    Long byteOffset,
    String detail) {}
