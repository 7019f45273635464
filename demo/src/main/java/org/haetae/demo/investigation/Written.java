package org.haetae.demo.investigation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the exports actually contain, noted while writing them: which accounts appear under their id
 * and with which names, and every picture file. The ground truth is built from this, so it never
 * lists an account or a file that no export has.
 */
final class Written {
  final List<GroundTruth.Planted> planted = new ArrayList<>();
  final List<GroundTruth.Unrelated> unrelated = new ArrayList<>();
  final BitSet appeared = new BitSet();
  final Map<Integer, Set<String>> names = new TreeMap<>();

  void saw(int person, String name) {
    appeared.set(person);
    if (name != null) {
      names.computeIfAbsent(person, k -> new TreeSet<>()).add(name);
    }
  }
}
