package org.haetae.analysis.spread;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.index.Hit;
import org.haetae.matching.index.MihIndex;

/**
 * Groups a case's images into near-duplicate clusters: two images within the PDQ radius of each
 * other share a cluster, and so, transitively, does every image linked to them by such pairs (a
 * crop of a re-encode of a resize is still the same picture).
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * @param pdqs SHA-256 to PDQ hex of every image with a usable hash
   * @return SHA-256 to cluster number (0..); images without a PDQ are left out
   */
  public static Map<String, Integer> clusters(Map<String, String> pdqs, int radius) {
    List<String> shas = List.copyOf(pdqs.keySet());
    long[] words = new long[shas.size() * 4];
    for (int i = 0; i < shas.size(); i++) {
      Hash256 h = Hash256.fromHex(pdqs.get(shas.get(i)));
      for (int w = 0; w < 4; w++) {
        words[i * 4 + w] = h.word(w);
      }
    }
    int[] parent = new int[shas.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    if (!shas.isEmpty()) {
      MihIndex index = MihIndex.build(words);
      for (int i = 0; i < shas.size(); i++) {
        for (Hit h : index.search(index.hash(i), radius)) {
          union(parent, i, h.id());
        }
      }
    }
    Map<Integer, Integer> numbers = new HashMap<>();
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < shas.size(); i++) {
      int root = find(parent, i);
      out.put(shas.get(i), numbers.computeIfAbsent(root, r -> numbers.size()));
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
