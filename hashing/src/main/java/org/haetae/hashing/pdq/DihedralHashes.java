package org.haetae.hashing.pdq;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The PDQ hashes of all eight rotations and flips of one image, with the shared quality. */
public record DihedralHashes(Map<Dihedral, Hash256> hashes, int quality) {
  public DihedralHashes {
    if (hashes.size() != Dihedral.values().length) {
      throw new IllegalArgumentException("need all 8 dihedral hashes, got " + hashes.size());
    }
    hashes = java.util.Collections.unmodifiableMap(new EnumMap<>(hashes));
  }

  public Hash256 get(Dihedral d) {
    return hashes.get(d);
  }

  public PdqHash original() {
    return new PdqHash(get(Dihedral.ORIGINAL), quality);
  }

  /** All eight, in {@link Dihedral} order. */
  public List<Hash256> inOrder() {
    return List.copyOf(hashes.values());
  }
}
