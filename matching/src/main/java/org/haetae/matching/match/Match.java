package org.haetae.matching.match;

import org.haetae.hashing.pdq.Dihedral;

/**
 * One bank entry a query matched.
 *
 * @param entryId the entry's id in its bank
 * @param sourceId the entry's id in the file it was imported from ("" when it had none)
 * @param distance PDQ Hamming distance; 0 for an exact MD5/SHA-256 match
 * @param variant the rotation/flip of the query that matched ({@code ORIGINAL} unless dihedral)
 */
public record Match(
    String bank, long entryId, String sourceId, int distance, MatchKind kind, Dihedral variant) {}
