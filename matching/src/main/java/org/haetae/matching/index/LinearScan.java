package org.haetae.matching.index;

import java.util.List;
import org.haetae.hashing.pdq.Hash256;

/**
 * Brute force: the distance to every hash. The yardstick the index must agree with, and what the
 * index falls back to when a search would touch most of the hashes anyway.
 */
public final class LinearScan {
  private LinearScan() {}

  /** Hits within {@code radius} among the {@code words.length / 4} hashes, nearest first. */
  public static List<Hit> search(long[] words, Hash256 query, int radius) {
    HitBuffer hits = new HitBuffer();
    scan(words, query.w0(), query.w1(), query.w2(), query.w3(), radius, hits);
    return hits.sorted();
  }

  static void scan(long[] words, long q0, long q1, long q2, long q3, int radius, HitBuffer hits) {
    int n = words.length >>> 2;
    for (int i = 0, b = 0; i < n; i++, b += 4) {
      // Two words first: most hashes are rejected before the other two are read.
      int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1);
      if (d > radius) {
        continue;
      }
      d += Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
      if (d <= radius) {
        hits.add(i, d);
      }
    }
  }
}
