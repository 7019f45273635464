package org.haetae.analysis.result;

/**
 * A display name or username an account used, and when it was seen with it.
 *
 * @param firstSeen seconds since 1970, or null when unknown
 */
public record NameUse(String name, Long firstSeen, Long lastSeen, long count) {}
