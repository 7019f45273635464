package org.haetae.analysis.result;

/**
 * Something the report must mention about the material itself: a media file not in the export, a
 * truncated export, a file that could not be decoded.
 *
 * @param kind stable word, e.g. {@code media_missing}, {@code hash_failed}
 * @param code finer reason
 * @param message the message concerned, or null
 */
public record CaseFinding(String kind, String code, MessageRef message, String detail) {}
