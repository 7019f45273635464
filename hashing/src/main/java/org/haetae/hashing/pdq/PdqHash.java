package org.haetae.hashing.pdq;

/**
 * A PDQ hash with its quality (0..100). Below about 50 the image is too flat or too small for the
 * hash to mean much, and matchers should say so rather than match it.
 */
public record PdqHash(Hash256 hash, int quality) {
  public PdqHash {
    if (hash == null) {
      throw new IllegalArgumentException("hash is required");
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be 0..100, got " + quality);
    }
  }
}
