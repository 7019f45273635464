package org.haetae.matching.index;

import java.util.List;
import java.util.stream.IntStream;
import org.haetae.hashing.pdq.Hash256;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index
 * hashing", CVPR 2012) for 256-bit PDQ hashes: exact radius search, the same hits as a linear scan
 * for every radius 0..256.
 *
 * <p>The hash is cut into {@code m} chunks, each with a table from chunk value to the hashes that
 * have it. Two hashes within distance {@code r} differ in at most {@code r} of the indexed bits, so
 * (pigeonhole, generalised) with {@code r = m*a + rem}: searching any {@code rem+1} chunks within
 * radius {@code a} and the others within {@code a-1} finds every hit. The index chooses, per query,
 * the {@code rem+1} chunks whose query buckets hold the fewest hashes; on clustered banks this
 * steers around the crowded buckets. When the candidates to verify grow past what a plain scan
 * costs, it stops and scans, so a query never costs much more than a scan.
 *
 * <p>With the layout's pair filter, a stronger condition replaces the generalised pigeonhole: with
 * {@code a = r / m}, some chunk {@code t} is within {@code a} of the query <em>and</em> chunks
 * {@code t} and {@code t+1} (cyclically) are together within {@code 2a+1}. (If no chunk were, every
 * chunk within {@code a} would be followed by one at least {@code 2a+2} minus it, and every other
 * chunk would be at least {@code a+1}; the distances would add up to at least {@code m(a+1) > r}.)
 * Each posting carries the next chunk's key, so the second half of the condition is checked while
 * streaming the bucket; only the few postings that pass cost a random read of their hash. At radius
 * 31 with sixteen 16-bit chunks, about one posting in 400 passes.
 *
 * <p>Memory: the hashes as one {@code long[]} (32 bytes each) and per chunk a CSR table: bucket
 * offsets in about two bytes per bucket ({@link BucketOffsets}) and, per hash, its id in as few
 * bytes as the largest id needs (three up to 16.7M hashes), plus two bytes with the pair filter; no
 * object per hash. Immutable and safe to search from many threads.
 */
public final class MihIndex {
  // Planner weights, in units of one hash read by a linear scan (about a nanosecond: the scan
  // streams the array and rejects most hashes after two words). A bucket probe or a candidate
  // check is a random read: 30 to 45 such units measured at 1M to 10M hashes, less in clustered
  // banks, where the same candidates recur in several chunks and are then in cache. The weight
  // sets where the planner gives up on the index; docs/matching.md has the measurements.
  private static final int PROBE_COST = 32;
  private static final int CANDIDATE_COST = 32;

  /** Checking a posting's next-chunk key while streaming a bucket: about one scan unit. */
  private static final int FILTER_COST = 1;

  /** Most probes or candidates one query plans in arrays (a guard for huge radii). */
  private static final long MAX_PLAN = 1 << 26;

  private final MihLayout layout;
  private final long[] words;
  private final int size;
  private final BucketOffsets[] offsets;

  /** Per chunk, the ids bucket by bucket, each in {@link #idBytes} little-endian bytes. */
  private final byte[][] postings;

  private final int idBytes;

  /** With the pair filter: per chunk, posting by posting, the key of the next chunk; else null. */
  private final char[][] nextKeys;

  private MihIndex(
      MihLayout layout,
      long[] words,
      BucketOffsets[] offsets,
      byte[][] postings,
      char[][] nextKeys) {
    this.layout = layout;
    this.words = words;
    this.size = words.length >>> 2;
    this.offsets = offsets;
    this.postings = postings;
    this.idBytes = idBytes(size);
    this.nextKeys = nextKeys;
  }

  /**
   * Bytes per id in the posting lists: as few as the largest id needs. Three bytes serve banks up
   * to 16.7M hashes and save a quarter of the postings' memory against {@code int}s.
   */
  static int idBytes(int size) {
    int maxId = Math.max(0, size - 1);
    return maxId < 1 << 8 ? 1 : maxId < 1 << 16 ? 2 : maxId < 1 << 24 ? 3 : 4;
  }

  /**
   * Indexes the hashes in {@code words} (four per hash, {@code w0} first) with the default layout.
   */
  public static MihIndex build(long[] words) {
    return build(words, MihLayout.forSize(words.length >>> 2));
  }

  /**
   * Indexes the hashes in {@code words}, four longs per hash ({@code w0} first); hash {@code i}
   * gets id {@code i}. The index keeps the array rather than copying it (at ten million hashes a
   * copy is 320 MB): the caller must not change it afterwards.
   */
  public static MihIndex build(long[] words, MihLayout layout) {
    if ((words.length & 3) != 0) {
      throw new IllegalArgumentException("need four longs per hash, got " + words.length);
    }
    int n = words.length >>> 2;
    int m = layout.chunks();
    BucketOffsets[] offsets = new BucketOffsets[m];
    byte[][] postings = new byte[m][];
    char[][] nextKeys = layout.pairFilter() ? new char[m][] : null;
    int width = idBytes(n);
    // Chunks are independent: build them in parallel (a counting sort each).
    IntStream.range(0, m)
        .parallel()
        .forEach(
            c -> {
              int word = layout.word(c);
              int shift = layout.shift(c);
              int mask = layout.mask();
              int[] off = new int[(1 << layout.bits()) + 1];
              for (int i = 0; i < n; i++) {
                off[((int) (words[4 * i + word] >>> shift) & mask) + 1]++;
              }
              for (int k = 1; k < off.length; k++) {
                off[k] += off[k - 1];
              }
              int[] cursor = off.clone();
              byte[] post = new byte[n * width];
              int next = (c + 1) % m;
              int nextWord = layout.word(next);
              int nextShift = layout.shift(next);
              char[] nk = nextKeys == null ? null : new char[n];
              for (int i = 0; i < n; i++) {
                int slot = cursor[(int) (words[4 * i + word] >>> shift) & mask]++;
                int at = width * slot;
                for (int b = 0, id = i; b < width; b++, id >>>= 8) {
                  post[at + b] = (byte) id;
                }
                if (nk != null) {
                  nk[slot] = (char) ((words[4 * i + nextWord] >>> nextShift) & mask);
                }
              }
              offsets[c] = BucketOffsets.of(off);
              postings[c] = post;
              if (nextKeys != null) {
                nextKeys[c] = nk;
              }
            });
    return new MihIndex(layout, words, offsets, postings, nextKeys);
  }

  public int size() {
    return size;
  }

  public MihLayout layout() {
    return layout;
  }

  public Hash256 hash(int id) {
    return new Hash256(words[4 * id], words[4 * id + 1], words[4 * id + 2], words[4 * id + 3]);
  }

  /** Bytes held by the hashes and the tables (array headers aside). */
  public long memoryBytes() {
    long bytes = 8L * words.length;
    for (int c = 0; c < offsets.length; c++) {
      bytes += offsets[c].memoryBytes() + postings[c].length;
      bytes += nextKeys == null ? 0 : 2L * nextKeys[c].length;
    }
    return bytes;
  }

  /** Every indexed hash within {@code radius} of {@code query}, nearest first (then by id). */
  public List<Hit> search(Hash256 query, int radius) {
    return search(query, radius, null);
  }

  /** As {@link #search(Hash256, int)}, adding what the search cost to {@code stats} (nullable). */
  public List<Hit> search(Hash256 query, int radius, QueryStats stats) {
    return new Search(query, radius, stats).run(true);
  }

  /**
   * Like {@link #search} but never falls back to a linear scan, however costly the index path. For
   * tests and benchmarks that must exercise the index itself.
   */
  public List<Hit> searchIndexed(Hash256 query, int radius, QueryStats stats) {
    return new Search(query, radius, stats).run(false);
  }

  /** Number of keys within distance {@code t} of a {@code bits}-bit key. */
  static long ballSize(int bits, int t) {
    long total = 0;
    long choose = 1;
    for (int k = 0; k <= Math.min(t, bits); k++) {
      total += choose;
      choose = choose * (bits - k) / (k + 1);
    }
    return total;
  }

  /** The state of one query; the recursion over bit flips reads it instead of a dozen arguments. */
  private final class Search {
    private final long q0;
    private final long q1;
    private final long q2;
    private final long q3;
    private final int radius;
    private final QueryStats stats;
    private final int m = layout.chunks();
    private final int bits = layout.bits();
    private final int mask = layout.mask();
    private final int[] queryKeys = new int[m];

    /** Search radius per chunk; -1: chunk not searched. */
    private final int[] chunkRadius = new int[m];

    /** With the pair filter: the most chunks t and t+1 may differ together; else unused. */
    private int pairLimit = Integer.MAX_VALUE;

    // Per probe: its key, flips from the query's chunk value, bucket start and size.
    private int[] probeKey;
    private byte[] probeDepth;
    private int[] bucketStart;
    private int[] bucketSize;
    private int probeCount;

    /** Probes of chunk c are probeFrom[c] until probeFrom[c + 1]. */
    private final int[] probeFrom = new int[m + 1];

    /** Candidates of chunk c are candFrom[c] until candFrom[c + 1]. */
    private final int[] candFrom = new int[m + 1];

    private final HitBuffer hits = new HitBuffer();
    private long probes;
    private long candidates;
    private long postingsRead;
    private int touched;

    Search(Hash256 query, int radius, QueryStats stats) {
      if (radius < 0) {
        throw new IllegalArgumentException("radius must be >= 0, got " + radius);
      }
      this.q0 = query.w0();
      this.q1 = query.w1();
      this.q2 = query.w2();
      this.q3 = query.w3();
      this.radius = Math.min(radius, Hash256.BITS);
      this.stats = stats;
      long[] q = {q0, q1, q2, q3};
      for (int c = 0; c < m; c++) {
        queryKeys[c] = (int) (q[layout.word(c)] >>> layout.shift(c)) & mask;
      }
    }

    /*
     * The search runs in passes over flat arrays rather than one recursive walk: list the keys to
     * probe, read all their bucket bounds, copy out all candidate ids, then verify them. Each pass
     * is a loop of independent memory reads, which the processor overlaps; in a recursive walk
     * every bucket waited on the one before. Knowing every bucket size before verifying anything
     * also gives the planner exact counts.
     */
    List<Hit> run(boolean allowLinear) {
      int a = radius / m;
      int rem = radius % m;
      long enumeration = m * ballSize(bits, a);
      // Enumerating the neighbourhoods alone would cost about as much as scanning everything.
      // (Past MAX_PLAN even searchIndexed scans: the plan's arrays would not fit.)
      boolean linear = (allowLinear && enumeration * PROBE_COST >= size) || enumeration > MAX_PLAN;
      if (!linear && nextKeys != null) {
        linear = !filtered(a, (int) enumeration, allowLinear);
      } else if (!linear) {
        long planned = plan(a, rem, (int) enumeration);
        linear =
            (allowLinear && planned * CANDIDATE_COST + enumeration * PROBE_COST >= size)
                || planned > MAX_PLAN;
        if (!linear) {
          int[] cand = gather(planned);
          verifyAll(cand, cand.length);
        }
      }
      if (linear) {
        LinearScan.scan(words, q0, q1, q2, q3, radius, hits);
        candidates += size;
      }
      if (stats != null) {
        stats.queries++;
        stats.probes += probes;
        stats.candidates += candidates;
        stats.postingsFiltered += postingsRead;
        stats.linearScans += linear ? 1 : 0;
      }
      return hits.sorted();
    }

    /**
     * The pair-filtered search: every chunk within {@code a}, postings kept only when the next
     * chunk's key is within {@code 2a+1} minus the probe's depth. Returns false, having verified
     * nothing, when a linear scan would be cheaper.
     */
    private boolean filtered(int a, int enumeration, boolean allowLinear) {
      pairLimit = 2 * a + 1;
      java.util.Arrays.fill(chunkRadius, a);
      long postingsToRead = probeAll(a, enumeration);
      if ((allowLinear && postingsToRead * FILTER_COST + enumeration * PROBE_COST >= size)
          || postingsToRead > MAX_PLAN) {
        return false;
      }
      touchBuckets();
      // Sized for a healthy bank (a few candidates per probe at most); grows for a cluster.
      int[] cand = new int[Math.min((int) postingsToRead, 64 + probeCount)];
      int n = 0;
      for (int c = 0; c < m; c++) {
        candFrom[c] = n;
        char[] nk = nextKeys[c];
        int nextQuery = queryKeys[(c + 1) % m];
        for (int i = probeFrom[c]; i < probeFrom[c + 1]; i++) {
          int limit = pairLimit - probeDepth[i];
          for (int j = bucketStart[i], end = j + bucketSize[i]; j < end; j++) {
            if (Integer.bitCount(nk[j] ^ nextQuery) <= limit) {
              if (n == cand.length) {
                if (allowLinear && (long) n * CANDIDATE_COST >= size) {
                  // A cluster around the query passes the filter wholesale: verifying what has
                  // passed so far would already cost a scan.
                  postingsRead += j - bucketStart[i];
                  return false;
                }
                cand = java.util.Arrays.copyOf(cand, (int) Math.min(postingsToRead, 2L * n));
              }
              cand[n++] = j;
            }
          }
        }
      }
      candFrom[m] = n;
      postingsRead += postingsToRead;
      if (allowLinear && (long) n * CANDIDATE_COST >= size) {
        return false;
      }
      // Postings to ids in a separate loop of independent reads, as in touchBuckets.
      for (int c = 0; c < m; c++) {
        for (int k = candFrom[c]; k < candFrom[c + 1]; k++) {
          unpack(postings[c], cand[k], 1, cand, k);
        }
      }
      verifyAll(cand, n);
      return true;
    }

    /**
     * Reads the first and last next-chunk key of every bucket in one tight loop of independent
     * loads, which the processor runs many at a time, so that the filter loop (whose branches keep
     * it from looking far ahead) finds its buckets in cache. Java has no prefetch instruction; this
     * is one. The sum is kept only so the loads are not optimised away.
     */
    private void touchBuckets() {
      int sum = 0;
      for (int c = 0; c < m; c++) {
        char[] nk = nextKeys[c];
        for (int i = probeFrom[c]; i < probeFrom[c + 1]; i++) {
          int n = bucketSize[i];
          if (n > 0) {
            sum += nk[bucketStart[i]] + nk[bucketStart[i] + n - 1];
          }
        }
      }
      touched += sum;
    }

    /** Lists every probe within {@code a} in every chunk and reads its bucket's bounds. */
    private long probeAll(int a, int enumeration) {
      probeKey = new int[enumeration];
      probeDepth = new byte[enumeration];
      for (int c = 0; c < m; c++) {
        probeFrom[c] = probeCount;
        enumerate(queryKeys[c], a, 0, 0);
      }
      probeFrom[m] = probeCount;
      probes += probeCount;
      bucketStart = new int[probeCount];
      bucketSize = new int[probeCount];
      long total = 0;
      for (int c = 0; c < m; c++) {
        BucketOffsets off = offsets[c];
        for (int i = probeFrom[c]; i < probeFrom[c + 1]; i++) {
          int k = probeKey[i];
          int start = off.start(k);
          bucketStart[i] = start;
          bucketSize[i] = off.start(k + 1) - start;
          total += bucketSize[i];
        }
      }
      return total;
    }

    /**
     * Reads the size of every bucket within radius {@code a} of the query in every chunk, then
     * gives radius {@code a} to the {@code rem+1} chunks where the outermost ring adds the fewest
     * candidates, and {@code a-1} to the others. On a clustered bank the chunks a cluster shares
     * with the query have huge buckets; this steers the wider search away from them. Returns the
     * number of candidates the plan will verify.
     */
    private long plan(int a, int rem, int enumeration) {
      probeAll(a, enumeration);
      long[] inside = new long[m];
      long[] rim = new long[m];
      for (int c = 0; c < m; c++) {
        for (int i = probeFrom[c]; i < probeFrom[c + 1]; i++) {
          int n = bucketSize[i];
          if (probeDepth[i] == a) {
            rim[c] += n;
          } else {
            inside[c] += n;
          }
        }
      }
      long[] order = new long[m];
      for (int c = 0; c < m; c++) {
        order[c] = (rim[c] << 8) | c;
      }
      java.util.Arrays.sort(order);
      long planned = 0;
      for (int i = 0; i < m; i++) {
        int c = (int) (order[i] & 0xff);
        boolean wide = i <= rem;
        chunkRadius[c] = wide ? a : a - 1;
        planned += inside[c] + (wide ? rim[c] : 0);
      }
      return planned;
    }

    /** Lists every key within {@code left} more flips of {@code key}, flipping bits >= from. */
    private void enumerate(int key, int left, int from, int depth) {
      probeKey[probeCount] = key;
      probeDepth[probeCount++] = (byte) depth;
      if (left > 0) {
        for (int b = from; b < bits; b++) {
          enumerate(key ^ (1 << b), left - 1, b + 1, depth + 1);
        }
      }
    }

    /** Copies out the ids of the planned buckets, chunk by chunk. */
    private int[] gather(long planned) {
      int[] cand = new int[(int) planned];
      int n = 0;
      for (int c = 0; c < m; c++) {
        candFrom[c] = n;
        byte[] post = postings[c];
        int r = chunkRadius[c];
        for (int i = probeFrom[c]; i < probeFrom[c + 1]; i++) {
          if (probeDepth[i] <= r && bucketSize[i] > 0) {
            unpack(post, bucketStart[i], bucketSize[i], cand, n);
            n += bucketSize[i];
          }
        }
      }
      candFrom[m] = n;
      return cand;
    }

    /** Decodes {@code count} ids starting at posting {@code from} into {@code out[at...]}. */
    private void unpack(byte[] post, int from, int count, int[] out, int at) {
      int p = from * idBytes;
      switch (idBytes) {
        case 1 -> {
          for (int i = 0; i < count; i++, p++) {
            out[at + i] = post[p] & 0xff;
          }
        }
        case 2 -> {
          for (int i = 0; i < count; i++, p += 2) {
            out[at + i] = (post[p] & 0xff) | (post[p + 1] & 0xff) << 8;
          }
        }
        case 3 -> {
          for (int i = 0; i < count; i++, p += 3) {
            out[at + i] = (post[p] & 0xff) | (post[p + 1] & 0xff) << 8 | (post[p + 2] & 0xff) << 16;
          }
        }
        default -> {
          for (int i = 0; i < count; i++, p += 4) {
            out[at + i] =
                (post[p] & 0xff)
                    | (post[p + 1] & 0xff) << 8
                    | (post[p + 2] & 0xff) << 16
                    | (post[p + 3] & 0xff) << 24;
          }
        }
      }
    }

    private void verifyAll(int[] cand, int count) {
      candidates += count;
      for (int c = 0; c < m; c++) {
        for (int j = candFrom[c], end = candFrom[c + 1]; j < end; j++) {
          verify(c, cand[j]);
        }
      }
    }

    private void verify(int chunk, int id) {
      int base = id << 2;
      int d =
          Long.bitCount(words[base] ^ q0)
              + Long.bitCount(words[base + 1] ^ q1)
              + Long.bitCount(words[base + 2] ^ q2)
              + Long.bitCount(words[base + 3] ^ q3);
      if (d <= radius && !foundEarlier(chunk, base)) {
        hits.add(id, d);
      }
    }

    /**
     * A hit is reported by the first chunk (in chunk order) whose search reaches it; later chunks
     * skip it. This avoids a per-query "seen" set while keeping each hit once.
     */
    private boolean foundEarlier(int chunk, int base) {
      for (int c = 0; c < chunk; c++) {
        if (chunkRadius[c] < 0) {
          continue;
        }
        int d = Integer.bitCount(keyOf(base, c) ^ queryKeys[c]);
        if (d <= chunkRadius[c]
            && (pairLimit == Integer.MAX_VALUE
                || d + Integer.bitCount(keyOf(base, (c + 1) % m) ^ queryKeys[(c + 1) % m])
                    <= pairLimit)) {
          return true;
        }
      }
      return false;
    }

    private int keyOf(int base, int c) {
      return (int) (words[base + layout.word(c)] >>> layout.shift(c)) & mask;
    }
  }
}
