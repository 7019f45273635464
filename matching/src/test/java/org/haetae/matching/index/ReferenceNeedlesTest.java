package org.haetae.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.hashing.testdata.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * The ThreatExchange reference's own MIH test: 100 needles against 1,350 haystack hashes at
 * distance 31. Compared as (needle, match, distance) triples, not by the reference's line numbers.
 */
class ReferenceNeedlesTest {

  @Test
  void findsExactlyTheReferencePairsAtRadius31() throws IOException {
    Path pdq = ReferenceData.require("pdq");
    List<Hash256> needles = read(pdq.resolve("reg-test-input/needles.txt"));
    List<Hash256> haystack = read(pdq.resolve("reg-test-input/haystack.txt"));
    assertThat(needles).hasSize(100);
    assertThat(haystack).hasSize(1350);

    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(pdq.resolve("expected-mih-d31.txt"))) {
      if (line.isBlank()) {
        continue;
      }
      String d = field(line, "d=");
      String needle = field(line, "needle=");
      String match = field(line, "match=");
      expected.add(needle + " " + match + " " + d);
    }

    long[] words = new long[4 * haystack.size()];
    for (int i = 0; i < haystack.size(); i++) {
      System.arraycopy(haystack.get(i).words(), 0, words, 4 * i, 4);
    }
    for (MihIndex index :
        List.of(
            MihIndex.build(words),
            MihIndex.build(words, new MihLayout(4, 16)),
            MihIndex.build(words, new MihLayout(4, 16, true)),
            MihIndex.build(words, new MihLayout(3, 21)))) {
      List<String> actual = new ArrayList<>();
      for (Hash256 n : needles) {
        for (Hit h : index.searchIndexed(n, 31, null)) {
          actual.add(n.toHex() + " " + index.hash(h.id()).toHex() + " " + h.distance());
        }
      }
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(expected).hasSize(250);
  }

  private static String field(String line, String key) {
    int i = line.indexOf(key) + key.length();
    int j = line.indexOf(',', i);
    return line.substring(i, j < 0 ? line.length() : j);
  }

  private static List<Hash256> read(Path file) throws IOException {
    List<Hash256> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(Hash256.fromHex(line.strip()));
      }
    }
    return out;
  }
}
