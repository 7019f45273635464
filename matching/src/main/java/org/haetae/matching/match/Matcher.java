package org.haetae.matching.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.hashing.pdq.Dihedral;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.index.Hit;
import org.haetae.matching.index.MihIndex;
import org.haetae.matching.store.BankStore;

/**
 * Matches queries against a set of banks: PDQ through one {@link MihIndex} over all their hashes,
 * MD5 and SHA-256 by exact lookup. Entries are held as parallel arrays, not objects, so a bank of
 * millions loads in a modest heap. Immutable once loaded; safe for many threads.
 */
public final class Matcher {
  private final List<String> banks;
  private final int[] bankOf;
  private final long[] entryId;
  private final String[] sourceId;

  /** Entries of distinct PDQ {@code d}: firstSlot[d], then nextSlot[...] until -1. */
  private final int[] firstSlot;

  private final int[] nextSlot;
  private final MihIndex index;
  private final Map<String, int[]> byMd5;
  private final Map<String, int[]> bySha256;
  private final int maxDistance;
  private final int minQuality;

  /**
   * @param maxDistance PDQ matches at most this far (31 is the usual)
   * @param minQuality query PDQs below this quality are not searched (50 is the usual)
   */
  public record Settings(int maxDistance, int minQuality) {
    public static final Settings DEFAULT = new Settings(31, 50);

    public Settings {
      if (maxDistance < 0 || maxDistance > 256) {
        throw new IllegalArgumentException("max distance must be 0..256, got " + maxDistance);
      }
      if (minQuality < 0 || minQuality > 100) {
        throw new IllegalArgumentException("min quality must be 0..100, got " + minQuality);
      }
    }
  }

  private Matcher(Loader l, Settings settings) {
    this.banks = List.copyOf(l.banks);
    int n = l.size;
    this.bankOf = Arrays.copyOf(l.bankOf, n);
    this.entryId = Arrays.copyOf(l.entryId, n);
    this.sourceId = Arrays.copyOf(l.sourceId, n);
    // Banks repeat hashes (one image listed by several sources, or in several banks). Each
    // distinct hash is indexed once, so repeats cost neither index memory nor candidate checks.
    Distinct d = Distinct.of(l.words, l.pdqCount, l.slotOfPdq, n);
    this.firstSlot = d.firstSlot;
    this.nextSlot = d.nextSlot;
    this.index = MihIndex.build(d.words);
    this.byMd5 = l.byMd5;
    this.bySha256 = l.bySha256;
    this.maxDistance = settings.maxDistance();
    this.minQuality = settings.minQuality();
  }

  /** Loads the named banks (in that order) from the store. */
  public static Matcher load(BankStore store, List<String> bankNames, Settings settings)
      throws IOException {
    Loader l = new Loader();
    for (String bank : bankNames) {
      int b = l.banks.size();
      l.banks.add(bank);
      store.forEach(bank, e -> l.add(b, e.id(), e.entry()));
    }
    return new Matcher(l, settings);
  }

  /** Number of entries loaded (all banks). */
  public int size() {
    return bankOf.length;
  }

  /** Number of distinct PDQ hashes in the index. */
  public int distinctPdqs() {
    return index.size();
  }

  public MatchResult match(Query q) {
    // Best match per entry: an entry found by several variants or hashes is reported once.
    Map<Integer, Match> best = new LinkedHashMap<>();
    if (q.md5() != null) {
      addExact(best, byMd5.get(q.md5()), MatchKind.MD5);
    }
    if (q.sha256() != null) {
      addExact(best, bySha256.get(q.sha256()), MatchKind.SHA256);
    }
    boolean low = q.pdq() != null && q.quality() >= 0 && q.quality() < minQuality;
    if (q.pdq() != null && !low) {
      Map<Dihedral, Hash256> variants =
          q.dihedral().isEmpty() ? Map.of(Dihedral.ORIGINAL, q.pdq()) : q.dihedral();
      for (Dihedral d : Dihedral.values()) {
        Hash256 h = variants.get(d);
        if (h == null) {
          continue;
        }
        for (Hit hit : index.search(h, maxDistance)) {
          for (int slot = firstSlot[hit.id()]; slot >= 0; slot = nextSlot[slot]) {
            Match m = match(slot, hit.distance(), MatchKind.PDQ, d);
            best.merge(slot, m, (a, b) -> a.distance() <= b.distance() ? a : b);
          }
        }
      }
    }
    List<Match> out = new ArrayList<>(best.values());
    out.sort(
        Comparator.comparingInt(Match::distance)
            .thenComparing(Match::bank)
            .thenComparingLong(Match::entryId));
    return new MatchResult(out, low);
  }

  private void addExact(Map<Integer, Match> best, int[] slots, MatchKind kind) {
    if (slots != null) {
      for (int s : slots) {
        best.putIfAbsent(s, match(s, 0, kind, Dihedral.ORIGINAL));
      }
    }
  }

  private Match match(int slot, int distance, MatchKind kind, Dihedral variant) {
    return new Match(
        banks.get(bankOf[slot]), entryId[slot], sourceId[slot], distance, kind, variant);
  }

  /** Distinct hashes and, per distinct hash, the chain of entry slots that carry it. */
  private record Distinct(long[] words, int[] firstSlot, int[] nextSlot) {
    static Distinct of(long[] words, int count, int[] slotOfPdq, int slots) {
      int cap = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
      int[] table = new int[cap];
      Arrays.fill(table, -1);
      long[] distinct = new long[4 * count];
      int[] first = new int[count];
      int[] next = new int[slots];
      Arrays.fill(next, -1);
      int n = 0;
      for (int i = 0; i < count; i++) {
        int b = 4 * i;
        long mix = words[b] * 0x9E3779B97F4A7C15L ^ words[b + 1] ^ words[b + 2] ^ words[b + 3];
        int t = (int) (mix ^ (mix >>> 32)) & (cap - 1);
        while (table[t] >= 0 && !same(distinct, 4 * table[t], words, b)) {
          t = (t + 1) & (cap - 1);
        }
        int slot = slotOfPdq[i];
        if (table[t] < 0) {
          table[t] = n;
          System.arraycopy(words, b, distinct, 4 * n, 4);
          first[n++] = slot;
        } else {
          int d = table[t];
          next[slot] = first[d];
          first[d] = slot;
        }
      }
      return new Distinct(Arrays.copyOf(distinct, 4 * n), Arrays.copyOf(first, n), next);
    }

    private static boolean same(long[] a, int i, long[] b, int j) {
      return a[i] == b[j] && a[i + 1] == b[j + 1] && a[i + 2] == b[j + 2] && a[i + 3] == b[j + 3];
    }
  }

  /** Growable arrays filled while streaming the banks. */
  private static final class Loader {
    final List<String> banks = new ArrayList<>();
    int size;
    int[] bankOf = new int[1024];
    long[] entryId = new long[1024];
    String[] sourceId = new String[1024];
    int pdqCount;
    long[] words = new long[4096];
    int[] slotOfPdq = new int[1024];
    final Map<String, int[]> byMd5 = new HashMap<>();
    final Map<String, int[]> bySha256 = new HashMap<>();

    void add(int bank, long id, BankEntry e) {
      if (size == bankOf.length) {
        int cap = size * 2;
        bankOf = Arrays.copyOf(bankOf, cap);
        entryId = Arrays.copyOf(entryId, cap);
        sourceId = Arrays.copyOf(sourceId, cap);
      }
      int slot = size++;
      bankOf[slot] = bank;
      entryId[slot] = id;
      sourceId[slot] = e.sourceId().isEmpty() ? "" : e.sourceId();
      if (e.pdq() != null) {
        if (pdqCount == slotOfPdq.length) {
          slotOfPdq = Arrays.copyOf(slotOfPdq, pdqCount * 2);
          words = Arrays.copyOf(words, pdqCount * 8);
        }
        int b = 4 * pdqCount;
        words[b] = e.pdq().w0();
        words[b + 1] = e.pdq().w1();
        words[b + 2] = e.pdq().w2();
        words[b + 3] = e.pdq().w3();
        slotOfPdq[pdqCount++] = slot;
      }
      if (e.md5() != null) {
        append(byMd5, e.md5(), slot);
      }
      if (e.sha256() != null) {
        append(bySha256, e.sha256(), slot);
      }
    }

    private static void append(Map<String, int[]> m, String key, int slot) {
      m.merge(
          key,
          new int[] {slot},
          (old, one) -> {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = slot;
            return grown;
          });
    }
  }
}
