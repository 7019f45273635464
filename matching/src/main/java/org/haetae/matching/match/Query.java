package org.haetae.matching.match;

import java.util.Map;
import org.haetae.hashing.pdq.Dihedral;
import org.haetae.hashing.pdq.Hash256;

/**
 * What is known about one image: any of its PDQ (with quality, -1 if unknown), the PDQ of its
 * rotations and flips, its MD5 and SHA-256.
 *
 * @param pdq the image's PDQ, or null
 * @param dihedral hashes of the rotations/flips to search as well (empty: only {@code pdq})
 * @param md5 lower-case hex, or null
 * @param sha256 lower-case hex, or null
 */
public record Query(
    Hash256 pdq, int quality, Map<Dihedral, Hash256> dihedral, String md5, String sha256) {
  public Query {
    dihedral = dihedral == null ? Map.of() : Map.copyOf(dihedral);
  }

  public static Query ofPdq(Hash256 pdq, int quality) {
    return new Query(pdq, quality, Map.of(), null, null);
  }
}
