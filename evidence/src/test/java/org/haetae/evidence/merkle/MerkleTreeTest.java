package org.haetae.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static List<byte[]> leaves(int n, long seed) {
    Random r = new Random(seed);
    List<byte[]> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] d = new byte[8];
      r.nextBytes(d);
      l.add(MerkleTree.leafHash(d));
    }
    return l;
  }

  @Test
  void emptyTreeIsTheHashOfNothing() {
    assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void smallTreesFollowTheRfcShape() {
    List<byte[]> l = leaves(3, 1);
    // RFC 6962: MTH(3 leaves) = H(1 | H(1 | l0 | l1) | l2)
    byte[] expected = MerkleTree.nodeHash(MerkleTree.nodeHash(l.get(0), l.get(1)), l.get(2));
    assertThat(MerkleTree.root(l)).isEqualTo(expected);
  }

  @Test
  void accumulatorAgreesWithTheTreeAtEverySize() {
    List<byte[]> l = leaves(130, 2);
    MerkleAccumulator acc = new MerkleAccumulator();
    for (int n = 1; n <= l.size(); n++) {
      acc.add(l.get(n - 1));
      assertThat(acc.root()).as("size %d", n).isEqualTo(MerkleTree.root(l.subList(0, n)));
    }
  }

  @Test
  void everyLeafHasAWorkingProofAndTamperingBreaksIt() {
    for (int n = 1; n <= 40; n++) {
      List<byte[]> l = leaves(n, n);
      byte[] root = MerkleTree.root(l);
      for (int i = 0; i < n; i++) {
        List<byte[]> path = MerkleTree.inclusionPath(l, i);
        assertThat(MerkleTree.verifyInclusion(l.get(i), i, n, path, root)).isTrue();
        if (n > 1) {
          int other = (i + 1) % n;
          assertThat(MerkleTree.verifyInclusion(l.get(other), i, n, path, root)).isFalse();
          assertThat(MerkleTree.verifyInclusion(l.get(i), other, n, path, root)).isFalse();
          byte[] bad = path.get(0).clone();
          bad[0] ^= 1;
          List<byte[]> badPath = new ArrayList<>(path);
          badPath.set(0, bad);
          assertThat(MerkleTree.verifyInclusion(l.get(i), i, n, badPath, root)).isFalse();
        }
      }
    }
  }
}
