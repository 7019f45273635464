package org.haetae.matching.index;

import java.util.Random;
import org.haetae.hashing.pdq.Hash256;

/** Random and clustered hash sets for the index tests, reproducible from a seed. */
final class TestHashes {
  private TestHashes() {}

  static long[] random(Random rnd, int n) {
    long[] w = new long[4 * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextLong();
    }
    return w;
  }

  /**
   * {@code n} hashes around {@code centers} random centres, each a centre with up to {@code
   * maxFlips} bits flipped (0 flips: exact duplicates, which real banks have too).
   */
  static long[] clustered(Random rnd, int n, int centers, int maxFlips) {
    long[] c = random(rnd, centers);
    long[] w = new long[4 * n];
    for (int i = 0; i < n; i++) {
      int k = rnd.nextInt(centers);
      System.arraycopy(c, 4 * k, w, 4 * i, 4);
      int flips = rnd.nextInt(maxFlips + 1);
      for (int f = 0; f < flips; f++) {
        int bit = rnd.nextInt(256);
        w[4 * i + (bit >>> 6)] ^= 1L << (bit & 63);
      }
    }
    return w;
  }

  static Hash256 at(long[] w, int i) {
    return new Hash256(w[4 * i], w[4 * i + 1], w[4 * i + 2], w[4 * i + 3]);
  }

  /** {@code h} with {@code flips} distinct random bits flipped. */
  static Hash256 near(Random rnd, Hash256 h, int flips) {
    long[] w = h.words();
    java.util.BitSet done = new java.util.BitSet(256);
    while (done.cardinality() < Math.min(flips, 256)) {
      int bit = rnd.nextInt(256);
      if (!done.get(bit)) {
        done.set(bit);
        w[bit >>> 6] ^= 1L << (bit & 63);
      }
    }
    return Hash256.ofWords(w);
  }
}
