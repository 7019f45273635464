package org.haetae.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.index.Hit;
import org.haetae.matching.index.LinearScan;
import org.haetae.matching.index.MihIndex;
import org.haetae.matching.index.MihLayout;
import org.haetae.matching.index.QueryStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The MIH index on synthetic banks: random PDQ hashes with planted near-duplicates, then a
 * clustered bank (many near-duplicates of few images) to show how the index degrades and what the
 * query planner does about it.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the PDQ index: build time, memory per hash, query latency (median, p99),"
          + " queries/s on several threads, speed-up over a linear scan, and the same on"
          + " clustered data.",
      "10M hashes need about 2 GB of heap (HAETAE_JAVA_OPTS=-Xmx3g with ./haetae)."
    })
public final class IndexBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", defaultValue = "1000000", description = "Hashes in the bank.")
  int size;

  @Option(names = "--queries", defaultValue = "20000", description = "Timed queries.")
  int queries;

  @Option(names = "--radius", defaultValue = "31", description = "Search radius.")
  int radius;

  @Option(names = "--threads", defaultValue = "2", description = "Threads for the queries/s run.")
  int threads;

  @Option(
      names = "--linear-queries",
      defaultValue = "30",
      description = "Queries timed with a linear scan (slow: each reads the whole bank).")
  int linearQueries;

  @Option(
      names = "--chunks",
      description = "Override the layout: 8, 12 or 16 chunks (with --bits).")
  Integer chunks;

  @Option(names = "--bits", description = "Override the layout: bits per chunk.")
  Integer bits;

  @Option(
      names = "--pair-filter",
      negatable = true,
      description =
          "With --chunks/--bits: postings carry the next chunk's key (chunks of 16 bits or fewer).")
  boolean pairFilter;

  @Option(names = "--no-clustered", description = "Skip the clustered-data run.")
  boolean noClustered;

  @Option(
      names = "--clusters",
      defaultValue = "1000",
      description =
          "Clusters in the clustered run (half the bank is spread over them; fewer clusters:"
              + " bigger, harsher ones).")
  int clusters;

  @Option(names = "--seed", defaultValue = "20261125", description = "Random seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (size < 1000
        || queries < 100
        || threads < 1
        || radius < 0
        || linearQueries < 1
        || clusters < 1) {
      throw new UserInputException(
          "need --size >= 1000, --queries >= 100, --threads >= 1, --radius >= 0, --clusters >= 1");
    }
    MihLayout layout = layout();
    PrintWriter out = spec.commandLine().getOut();
    Figures fig = new Figures(out);
    Random rnd = new Random(seed);

    long[] words = randomWithPlantedDuplicates(rnd, size);
    Hash256[] qs = queries(rnd, words, queries);
    fig.print("size", size, "hashes");
    runAll(fig, "", words, qs, layout);

    if (!noClustered) {
      words = null;
      long[] clustered = clustered(rnd, size, clusters);
      Hash256[] cq = clusterQueries(rnd, clustered, queries);
      runAll(fig, "clustered_", clustered, cq, layout);
    }
    return ExitCodes.OK;
  }

  private MihLayout layout() {
    if (chunks == null && bits == null) {
      if (pairFilter) {
        throw new UserInputException("--pair-filter goes with --chunks and --bits");
      }
      return MihLayout.forSize(size);
    }
    if (chunks == null || bits == null || chunks % 4 != 0) {
      throw new UserInputException("--chunks (8, 12 or 16) and --bits go together");
    }
    try {
      return new MihLayout(chunks / 4, bits, pairFilter);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private void runAll(Figures fig, String prefix, long[] words, Hash256[] qs, MihLayout layout)
      throws Exception {
    int n = words.length / 4;
    System.gc();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    MihIndex index = MihIndex.build(words, layout);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    System.gc();
    long heapAfter = usedHeap();
    if (prefix.isEmpty()) {
      fig.print("layout_chunks", layout.chunks(), "chunks");
      fig.print("layout_bits", layout.bits(), "bits");
      fig.print("layout_pair_filter", layout.pairFilter() ? 1 : 0, "boolean");
    }
    fig.print(prefix + "build_time", buildMs, "ms");
    fig.print(prefix + "memory_per_hash", (double) index.memoryBytes() / n, "bytes");
    // The hashes were allocated before the build; the heap delta is the tables alone.
    fig.print(
        prefix + "heap_per_hash",
        (double) (heapAfter - heapBefore + 8L * words.length) / n,
        "bytes");

    // Warm up the JIT on a slice of the queries, then time each query on one thread.
    for (int i = 0; i < Math.min(2000, qs.length); i++) {
      index.search(qs[i], radius);
    }
    QueryStats stats = new QueryStats();
    double[] lat = new double[qs.length];
    long hits = 0;
    for (int i = 0; i < qs.length; i++) {
      long s = System.nanoTime();
      hits += index.search(qs[i], radius, stats).size();
      lat[i] = (System.nanoTime() - s) / 1e6;
    }
    double median = Figures.quantile(lat, 0.5);
    fig.print(prefix + "query_median_r" + radius, median, "ms");
    fig.print(prefix + "query_p99_r" + radius, Figures.quantile(lat, 0.99), "ms");
    fig.print(prefix + "hits_per_query", (double) hits / qs.length, "hits");
    fig.print(prefix + "candidates_per_query", (double) stats.candidates() / qs.length, "hashes");
    fig.print(
        prefix + "postings_filtered_per_query",
        (double) stats.postingsFiltered() / qs.length,
        "postings");
    fig.print(prefix + "linear_fallbacks", (double) stats.linearScans() / qs.length, "fraction");

    if (!prefix.isEmpty()) {
      // What the planner saves: the index path alone, on the clustered bank.
      double[] raw = new double[Math.min(qs.length, 2000)];
      QueryStats rawStats = new QueryStats();
      for (int i = 0; i < raw.length; i++) {
        long s = System.nanoTime();
        index.searchIndexed(qs[i], radius, rawStats);
        raw[i] = (System.nanoTime() - s) / 1e6;
      }
      fig.print(prefix + "index_only_median_r" + radius, Figures.quantile(raw, 0.5), "ms");
      fig.print(prefix + "index_only_p99_r" + radius, Figures.quantile(raw, 0.99), "ms");
      fig.print(
          prefix + "index_only_candidates_per_query",
          (double) rawStats.candidates() / raw.length,
          "hashes");
    }

    fig.print(
        prefix + "queries_per_second_" + threads + "_threads", throughput(index, qs), "queries/s");

    int lq = Math.min(linearQueries, qs.length);
    double[] linear = new double[lq];
    int agree = 0;
    for (int i = 0; i < lq; i++) {
      Hash256 q = qs[i * (qs.length / lq)];
      long s = System.nanoTime();
      List<Hit> expected = LinearScan.search(words, q, radius);
      linear[i] = (System.nanoTime() - s) / 1e6;
      if (expected.equals(index.search(q, radius))) {
        agree++;
      }
    }
    double linearMedian = Figures.quantile(linear, 0.5);
    fig.print(prefix + "linear_scan_median_r" + radius, linearMedian, "ms");
    fig.print(prefix + "speedup_vs_linear", linearMedian / median, "x");
    fig.print(prefix + "agrees_with_linear_scan", (double) agree / lq, "fraction");
  }

  private double throughput(MihIndex index, Hash256[] qs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long s = System.nanoTime();
      List<Future<?>> parts = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = t * qs.length / threads;
        int to = (t + 1) * qs.length / threads;
        parts.add(
            pool.submit(
                () -> {
                  for (int i = from; i < to; i++) {
                    index.search(qs[i], radius);
                  }
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
      return qs.length / ((System.nanoTime() - s) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Random hashes, 1% of them near-duplicates (1..20 bits) of another: banks have those. */
  static long[] randomWithPlantedDuplicates(Random rnd, int n) {
    long[] w = new long[4 * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextLong();
    }
    for (int k = 0; k < n / 100; k++) {
      int from = rnd.nextInt(n);
      int to = rnd.nextInt(n);
      System.arraycopy(w, 4 * from, w, 4 * to, 4);
      flip(rnd, w, to, 1 + rnd.nextInt(20));
    }
    return w;
  }

  /** Half the queries are near-duplicates (up to 2*radius/3 bits off) of indexed hashes. */
  private Hash256[] queries(Random rnd, long[] words, int count) {
    int n = words.length / 4;
    Hash256[] q = new Hash256[count];
    long[] tmp = new long[4];
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        System.arraycopy(words, 4 * rnd.nextInt(n), tmp, 0, 4);
        flipInto(rnd, tmp, rnd.nextInt(Math.max(1, 2 * radius / 3 + 1)));
      } else {
        for (int j = 0; j < 4; j++) {
          tmp[j] = rnd.nextLong();
        }
      }
      q[i] = Hash256.ofWords(tmp);
    }
    return q;
  }

  /**
   * Half the bank random, half in clusters of near-duplicates (each member up to 16 bits from its
   * centre): the shape of a bank fed with many edits of few images.
   */
  static long[] clustered(Random rnd, int n, int centres) {
    long[] c = new long[4 * centres];
    for (int i = 0; i < c.length; i++) {
      c[i] = rnd.nextLong();
    }
    long[] w = new long[4 * n];
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        for (int j = 0; j < 4; j++) {
          w[4 * i + j] = rnd.nextLong();
        }
      } else {
        System.arraycopy(c, 4 * rnd.nextInt(centres), w, 4 * i, 4);
        flip(rnd, w, i, rnd.nextInt(17));
      }
    }
    return w;
  }

  /** Queries into the clusters (the bad case) and random ones, alternating. */
  private Hash256[] clusterQueries(Random rnd, long[] words, int count) {
    int n = words.length / 4;
    Hash256[] q = new Hash256[count];
    long[] tmp = new long[4];
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        int member = (rnd.nextInt(n / 2) * 2 + 1) % n;
        System.arraycopy(words, 4 * member, tmp, 0, 4);
        flipInto(rnd, tmp, rnd.nextInt(11));
      } else {
        for (int j = 0; j < 4; j++) {
          tmp[j] = rnd.nextLong();
        }
      }
      q[i] = Hash256.ofWords(tmp);
    }
    return q;
  }

  private static void flip(Random rnd, long[] w, int i, int bits) {
    for (int f = 0; f < bits; f++) {
      int bit = rnd.nextInt(256);
      w[4 * i + (bit >>> 6)] ^= 1L << (bit & 63);
    }
  }

  private static void flipInto(Random rnd, long[] w, int bits) {
    for (int f = 0; f < bits; f++) {
      int bit = rnd.nextInt(256);
      w[bit >>> 6] ^= 1L << (bit & 63);
    }
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
