package org.haetae.matching.match;

import java.util.List;

/**
 * The matches of one query, nearest first.
 *
 * @param lowQuality the PDQ was below the minimum quality and was not searched (digests were)
 */
public record MatchResult(List<Match> matches, boolean lowQuality) {}
