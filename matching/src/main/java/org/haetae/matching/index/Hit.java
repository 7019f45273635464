package org.haetae.matching.index;

/**
 * One indexed hash within the search radius.
 *
 * @param id the hash's position in the array the index was built from
 * @param distance its Hamming distance to the query (0..256)
 */
public record Hit(int id, int distance) {}
