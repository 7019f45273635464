package org.haetae.matching.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hits packed as {@code distance << 32 | id}, so one primitive sort orders them nearest first. */
final class HitBuffer {
  private long[] packed = new long[16];
  private int size;

  void add(int id, int distance) {
    if (size == packed.length) {
      packed = Arrays.copyOf(packed, size * 2);
    }
    packed[size++] = ((long) distance << 32) | (id & 0xffffffffL);
  }

  List<Hit> sorted() {
    Arrays.sort(packed, 0, size);
    List<Hit> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Hit((int) packed[i], (int) (packed[i] >>> 32)));
    }
    return out;
  }
}
