package org.haetae.matching.index;

/**
 * How a multi-index hashing index cuts the 256 bits into substrings ("chunks"). Chunks never
 * straddle a 64-bit word, so a chunk key is one shift and one mask; bits a layout leaves out are
 * simply not indexed, which costs nothing in correctness (the pigeonhole argument only needs the
 * indexed bits) and little in candidates.
 *
 * <p>With {@code pairFilter}, every posting also carries the key of the next chunk (cyclically), so
 * the index can reject most candidates while it streams a bucket instead of reading their hashes
 * one random read at a time (see {@link MihIndex}). It costs two bytes per hash per chunk and needs
 * chunks of at most 16 bits.
 *
 * @param chunksPerWord 2, 3 or 4 chunks in each of the four words (8, 12 or 16 chunks in all)
 * @param bits width of every chunk; its table has {@code 2^bits} buckets
 * @param pairFilter whether postings carry the next chunk's key
 */
public record MihLayout(int chunksPerWord, int bits, boolean pairFilter) {
  /** Direct-addressed buckets: 2^24 int offsets (64 MiB) per chunk is the most we allow. */
  public static final int MAX_BITS = 24;

  public MihLayout {
    if (chunksPerWord < 2 || chunksPerWord > 4) {
      throw new IllegalArgumentException("chunksPerWord must be 2..4, got " + chunksPerWord);
    }
    if (bits < 1 || bits > MAX_BITS || bits * chunksPerWord > 64) {
      throw new IllegalArgumentException(
          "cannot fit " + chunksPerWord + " chunks of " + bits + " bits in a 64-bit word");
    }
    if (pairFilter && bits > Character.SIZE) {
      throw new IllegalArgumentException("the pair filter needs chunks of 16 bits or fewer");
    }
  }

  /** A layout without the pair filter. */
  public MihLayout(int chunksPerWord, int bits) {
    this(chunksPerWord, bits, false);
  }

  /**
   * The layout for an index of {@code size} hashes, chosen by measurement (docs/matching.md): up to
   * about two million hashes, sixteen 16-bit chunks with the pair filter (every chunk searched
   * within radius 1 at the usual radius 31, and the filter leaves a dozen hashes to verify instead
   * of four thousand); above that, twelve chunks of up to 21 bits without it, the most compact
   * layout that still answers in well under a millisecond at ten million hashes. Small indexes use
   * narrower chunks so the tables do not dwarf the hashes.
   */
  public static MihLayout forSize(int size) {
    int log2 = 64 - Long.numberOfLeadingZeros(Math.max(1, size) - 1L);
    if (log2 <= 21) {
      return new MihLayout(4, Math.max(8, Math.min(16, log2 - 4)), true);
    }
    return new MihLayout(3, Math.min(21, log2 - 3));
  }

  /** Number of chunks (substrings) in the whole hash. */
  public int chunks() {
    return 4 * chunksPerWord;
  }

  /** Word (0..3) that holds chunk {@code c}. */
  int word(int c) {
    return c / chunksPerWord;
  }

  /** Right shift that brings chunk {@code c} to the low bits of its word. */
  int shift(int c) {
    return (c % chunksPerWord) * bits;
  }

  int mask() {
    return (1 << bits) - 1;
  }
}
