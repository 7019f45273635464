package org.haetae.matching.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.haetae.hashing.pdq.Hash256;
import org.junit.jupiter.api.Test;

/** The index must return exactly what a linear scan returns, for every radius and layout. */
class MihIndexTest {

  @Provide
  Arbitrary<MihLayout> layouts() {
    return Arbitraries.of(
        new MihLayout(2, 8),
        new MihLayout(2, 13),
        new MihLayout(3, 5),
        new MihLayout(3, 11),
        new MihLayout(3, 16),
        new MihLayout(4, 9),
        new MihLayout(4, 16),
        new MihLayout(2, 8, true),
        new MihLayout(3, 11, true),
        new MihLayout(4, 9, true),
        new MihLayout(4, 16, true));
  }

  @Property(tries = 60)
  void randomHashesMatchBruteForce(
      @ForAll long seed,
      @ForAll("layouts") MihLayout layout,
      @ForAll @IntRange(min = 0, max = 64) int radius) {
    Random rnd = new Random(seed);
    long[] words = TestHashes.random(rnd, 1 + rnd.nextInt(3000));
    MihIndex index = MihIndex.build(words, layout);
    for (int q = 0; q < 20; q++) {
      // Queries near indexed hashes, so small radii have hits too.
      Hash256 base = TestHashes.at(words, rnd.nextInt(index.size()));
      Hash256 query = TestHashes.near(rnd, base, rnd.nextInt(radius + 8));
      assertSameAsScan(index, words, query, radius);
    }
  }

  @Property(tries = 60)
  void clusteredHashesMatchBruteForce(
      @ForAll long seed,
      @ForAll("layouts") MihLayout layout,
      @ForAll @IntRange(min = 0, max = 64) int radius) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(3000);
    long[] words = TestHashes.clustered(rnd, n, 1 + rnd.nextInt(20), rnd.nextInt(40));
    MihIndex index = MihIndex.build(words, layout);
    for (int q = 0; q < 20; q++) {
      Hash256 base = TestHashes.at(words, rnd.nextInt(n));
      Hash256 query = TestHashes.near(rnd, base, rnd.nextInt(40));
      assertSameAsScan(index, words, query, radius);
    }
  }

  @Test
  void everyRadiusFromZeroTo64OnOneSet() {
    Random rnd = new Random(7);
    long[] words = TestHashes.clustered(rnd, 2000, 30, 30);
    MihIndex index = MihIndex.build(words, new MihLayout(3, 11));
    Hash256 query = TestHashes.near(rnd, TestHashes.at(words, 17), 12);
    int previous = -1;
    for (int r = 0; r <= 64; r++) {
      List<Hit> hits = assertSameAsScan(index, words, query, r);
      assertThat(hits.size()).isGreaterThanOrEqualTo(Math.max(previous, 0));
      previous = hits.size();
    }
    assertThat(previous).as("radius 64 reaches the whole cluster").isGreaterThan(0);
  }

  @Test
  void radiiBeyond64AreExactToo() {
    Random rnd = new Random(11);
    long[] words = TestHashes.random(rnd, 300);
    MihIndex index = MihIndex.build(words, new MihLayout(2, 8));
    MihIndex filtered = MihIndex.build(words, new MihLayout(2, 8, true));
    Hash256 q = TestHashes.at(words, 0);
    for (int r : new int[] {100, 128, 200, 256, 1000}) {
      assertSameAsScan(index, words, q, r);
      assertSameAsScan(filtered, words, q, r);
    }
    assertThat(index.search(q, 256)).hasSize(300);
  }

  @Test
  void hitsComeNearestFirstThenById() {
    Hash256 a = Hash256.fromHex("f".repeat(64));
    long[] words = new long[4 * 4];
    int i = 0;
    for (Hash256 h : List.of(a.withBitFlipped(3), a, a.withBitFlipped(1), a)) {
      System.arraycopy(h.words(), 0, words, 4 * i++, 4);
    }
    List<Hit> hits = MihIndex.build(words).search(a, 31);
    assertThat(hits).containsExactly(new Hit(1, 0), new Hit(3, 0), new Hit(0, 1), new Hit(2, 1));
  }

  @Test
  void emptyIndexFindsNothing() {
    MihIndex index = MihIndex.build(new long[0]);
    assertThat(index.search(Hash256.ZERO, 31)).isEmpty();
    assertThat(index.searchIndexed(Hash256.ZERO, 64, null)).isEmpty();
  }

  @Test
  void rejectsNegativeRadiusAndRaggedArrays() {
    MihIndex index = MihIndex.build(new long[8]);
    assertThatThrownBy(() -> index.search(Hash256.ZERO, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MihIndex.build(new long[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plannerScansWhenTheIndexWouldTouchEverything() {
    Random rnd = new Random(3);
    // One tight cluster: every bucket the query probes is the cluster itself.
    long[] words = TestHashes.clustered(rnd, 5000, 1, 4);
    MihIndex index = MihIndex.build(words, new MihLayout(3, 12));
    QueryStats stats = new QueryStats();
    List<Hit> hits = index.search(TestHashes.at(words, 0), 31, stats);
    assertThat(hits).hasSize(5000);
    assertThat(stats.linearScans()).isEqualTo(1);

    QueryStats indexed = new QueryStats();
    assertThat(index.searchIndexed(TestHashes.at(words, 0), 31, indexed)).isEqualTo(hits);
    assertThat(indexed.linearScans()).isZero();
    assertThat(indexed.candidates()).isGreaterThanOrEqualTo(5000);
  }

  @Test
  void indexTouchesFewHashesOnRandomData() {
    Random rnd = new Random(5);
    int n = 400_000;
    long[] words = TestHashes.random(rnd, n);
    MihIndex index = MihIndex.build(words);
    QueryStats stats = new QueryStats();
    for (int i = 0; i < 50; i++) {
      Hash256 q = TestHashes.near(rnd, TestHashes.at(words, rnd.nextInt(n)), 10);
      List<Hit> hits = index.search(q, 31, stats);
      assertThat(hits).isNotEmpty().isEqualTo(LinearScan.search(words, q, 31));
    }
    assertThat(stats.linearScans()).isZero();
    assertThat(stats.candidates() / stats.queries()).isLessThan(n / 50);
  }

  @Test
  void defaultLayoutGrowsWithSize() {
    assertThat(MihLayout.forSize(1000)).isEqualTo(new MihLayout(4, 8, true));
    assertThat(MihLayout.forSize(100_000)).isEqualTo(new MihLayout(4, 13, true));
    assertThat(MihLayout.forSize(1_000_000)).isEqualTo(new MihLayout(4, 16, true));
    assertThat(MihLayout.forSize(10_000_000)).isEqualTo(new MihLayout(3, 21));
  }

  @Test
  void idsTakeAsFewBytesAsTheLargestNeeds() {
    assertThat(MihIndex.idBytes(256)).isEqualTo(1);
    assertThat(MihIndex.idBytes(257)).isEqualTo(2);
    assertThat(MihIndex.idBytes(1 << 16)).isEqualTo(2);
    assertThat(MihIndex.idBytes((1 << 16) + 1)).isEqualTo(3);
    assertThat(MihIndex.idBytes(1 << 24)).isEqualTo(3);
    assertThat(MihIndex.idBytes((1 << 24) + 1)).isEqualTo(4);
    // Ids across a width boundary decode right: 257 hashes, id 256 needs the second byte.
    Random rnd = new Random(9);
    long[] words = TestHashes.random(rnd, 257);
    MihIndex index = MihIndex.build(words, new MihLayout(4, 8));
    assertThat(index.searchIndexed(TestHashes.at(words, 256), 0, null)).contains(new Hit(256, 0));
    // Per chunk: 257 bucket starts as chars plus two block bases, and 257 two-byte ids.
    assertThat(index.memoryBytes())
        .isEqualTo(8L * words.length + 16L * (257 * 2 + 2 * 4 + 257 * 2));
    MihIndex filtered = MihIndex.build(words, new MihLayout(4, 8, true));
    assertThat(filtered.memoryBytes()).isEqualTo(index.memoryBytes() + 16L * 257 * 2);
  }

  @Test
  void bucketsTooFullForCompactOffsetsStillSearchExactly() {
    Random rnd = new Random(17);
    long[] words = TestHashes.clustered(rnd, 70_000, 1, 2);
    for (MihLayout layout : List.of(new MihLayout(4, 8), new MihLayout(4, 8, true))) {
      MihIndex index = MihIndex.build(words, layout);
      Hash256 q = TestHashes.at(words, 5);
      List<Hit> expected = LinearScan.search(words, q, 8);
      assertThat(expected).hasSizeGreaterThan(65_536);
      assertThat(index.searchIndexed(q, 8, null)).isEqualTo(expected);
    }
  }

  @Test
  void pairFilterNeedsChunksOfSixteenBitsOrFewer() {
    assertThatThrownBy(() -> new MihLayout(3, 17, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pairFilterFindsTheWorstCaseSpreadsOfRadius31() {
    // Distances spread so that every chunk is at 1 or 2 (the pigeonhole's edge): the hit must
    // survive the filter exactly when it is within the radius.
    Random rnd = new Random(13);
    long[] words = TestHashes.random(rnd, 5000);
    MihIndex index = MihIndex.build(words, new MihLayout(4, 16, true));
    Hash256 base = TestHashes.at(words, 42);
    for (int trial = 0; trial < 200; trial++) {
      long[] q = base.words();
      for (int c = 0; c < 16; c++) {
        int flips = 1 + rnd.nextInt(2);
        for (int f : rnd.ints(0, 16).distinct().limit(flips).toArray()) {
          q[c / 4] ^= 1L << ((c % 4) * 16 + f);
        }
      }
      Hash256 query = Hash256.ofWords(q);
      for (int r : new int[] {base.distance(query) - 1, base.distance(query), 31}) {
        assertSameAsScan(index, words, query, Math.max(0, r));
      }
    }
  }

  @Test
  void pairFilterLeavesFewHashesToVerify() {
    Random rnd = new Random(5);
    int n = 400_000;
    long[] words = TestHashes.random(rnd, n);
    QueryStats plain = new QueryStats();
    QueryStats filtered = new QueryStats();
    MihIndex withoutFilter = MihIndex.build(words, new MihLayout(4, 16));
    MihIndex withFilter = MihIndex.build(words, new MihLayout(4, 16, true));
    for (int i = 0; i < 50; i++) {
      Hash256 q = TestHashes.near(rnd, TestHashes.at(words, rnd.nextInt(n)), 20);
      assertThat(withFilter.search(q, 31, filtered)).isEqualTo(withoutFilter.search(q, 31, plain));
    }
    assertThat(filtered.postingsFiltered()).isEqualTo(plain.candidates());
    assertThat(filtered.candidates() * 50).isLessThan(plain.candidates());
  }

  @Test
  void ballSizesAreBinomialSums() {
    assertThat(MihIndex.ballSize(21, 0)).isEqualTo(1);
    assertThat(MihIndex.ballSize(21, 2)).isEqualTo(1 + 21 + 210);
    assertThat(MihIndex.ballSize(8, 8)).isEqualTo(256);
    assertThat(MihIndex.ballSize(8, 100)).isEqualTo(256);
  }

  private static List<Hit> assertSameAsScan(MihIndex index, long[] words, Hash256 q, int r) {
    List<Hit> expected = LinearScan.search(words, q, r);
    assertThat(index.searchIndexed(q, r, null)).as("index only, radius %d", r).isEqualTo(expected);
    assertThat(index.search(q, r)).as("planned, radius %d", r).isEqualTo(expected);
    return expected;
  }
}
