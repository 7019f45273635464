package org.haetae.report.manifest;

/**
 * What the {@code hashed} entry of an image says about it.
 *
 * @param quality PDQ quality 0-100, or -1 when the entry gave none
 * @param seq the custody-log entry
 */
public record ImageFacts(
    String md5, String pdq, int quality, long width, long height, long seq, String entryHash) {}
