package org.haetae.analysis.media;

/**
 * What the case knows about one stored file.
 *
 * @param pdq PDQ hex, or null when not an image or not decodable
 * @param quality PDQ quality, or -1
 * @param kind {@code image}, {@code video}, {@code other}, ...
 */
public record MediaFacts(String sha256, String md5, String pdq, int quality, String kind) {}
