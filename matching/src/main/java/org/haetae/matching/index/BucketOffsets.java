package org.haetae.matching.index;

/**
 * Where each bucket of a chunk table starts in its postings, in about two bytes per bucket instead
 * of four: an {@code int} base per block of 256 buckets and, per bucket, its start relative to that
 * base as a {@code char}. At ten million hashes the twelve 21-bit tables have 25 million buckets,
 * so this halves the offsets from 10 to 5 bytes per hash. A table where 256 consecutive buckets
 * hold 65,536 postings or more (a bank dominated by a few huge clusters) keeps plain {@code int}
 * offsets instead.
 */
final class BucketOffsets {
  private static final int BLOCK_SHIFT = 8;

  /** Plain starts, bucket count + 1 of them; null when compressed. */
  private final int[] plain;

  private final int[] blockBase;
  private final char[] relative;

  private BucketOffsets(int[] plain, int[] blockBase, char[] relative) {
    this.plain = plain;
    this.blockBase = blockBase;
    this.relative = relative;
  }

  /** Compresses {@code starts} (non-decreasing, one more than the buckets) where it fits. */
  static BucketOffsets of(int[] starts) {
    int blocks = ((starts.length - 1) >>> BLOCK_SHIFT) + 1;
    int[] base = new int[blocks];
    char[] rel = new char[starts.length];
    for (int k = 0; k < starts.length; k++) {
      int b = k >>> BLOCK_SHIFT;
      if ((k & ((1 << BLOCK_SHIFT) - 1)) == 0) {
        base[b] = starts[k];
      }
      int r = starts[k] - base[b];
      if (r > Character.MAX_VALUE) {
        return new BucketOffsets(starts, null, null);
      }
      rel[k] = (char) r;
    }
    return new BucketOffsets(null, base, rel);
  }

  /** First posting of bucket {@code k}; {@code start(k + 1)} is one past its last. */
  int start(int k) {
    if (plain != null) {
      return plain[k];
    }
    return blockBase[k >>> BLOCK_SHIFT] + relative[k];
  }

  boolean compressed() {
    return plain == null;
  }

  long memoryBytes() {
    return plain != null ? 4L * plain.length : 4L * blockBase.length + 2L * relative.length;
  }
}
