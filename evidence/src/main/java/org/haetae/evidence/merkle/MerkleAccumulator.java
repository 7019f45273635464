package org.haetae.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link MerkleTree} root of a growing list of leaves in O(log n) memory: it keeps the roots of
 * the perfect subtrees the leaves so far decompose into, which is all a checkpoint needs.
 */
public final class MerkleAccumulator {
  private final List<byte[]> peaks = new ArrayList<>(); // largest subtree first
  private final List<Long> sizes = new ArrayList<>();
  private long size;

  public void add(byte[] leafHash) {
    byte[] h = leafHash;
    long s = 1;
    while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == s) {
      h = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), h);
      sizes.remove(sizes.size() - 1);
      s *= 2;
    }
    peaks.add(h);
    sizes.add(s);
    size++;
  }

  public long size() {
    return size;
  }

  /** Equal to {@link MerkleTree#root} over the same leaves. */
  public byte[] root() {
    if (peaks.isEmpty()) {
      return MerkleTree.sha256().digest();
    }
    // RFC 6962 splits at the largest power of two, so the tree is the peaks folded right to left.
    byte[] r = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      r = MerkleTree.nodeHash(peaks.get(i), r);
    }
    return r;
  }
}
