package org.haetae.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketOffsetsTest {

  @Test
  void compressedStartsReadBackExactlyAcrossBlocks() {
    Random rnd = new Random(1);
    int[] starts = new int[5000];
    for (int k = 1; k < starts.length; k++) {
      starts[k] = starts[k - 1] + rnd.nextInt(40);
    }
    BucketOffsets offsets = BucketOffsets.of(starts);
    assertThat(offsets.compressed()).isTrue();
    for (int k = 0; k < starts.length; k++) {
      assertThat(offsets.start(k)).as("bucket %d", k).isEqualTo(starts[k]);
    }
    assertThat(offsets.memoryBytes()).isEqualTo(2L * 5000 + 4L * 20);
  }

  @Test
  void aBlockTooFullForCharsKeepsPlainInts() {
    int[] starts = new int[600];
    for (int k = 1; k < starts.length; k++) {
      // One bucket of 70,000 postings (a huge cluster) inside the second block.
      starts[k] = starts[k - 1] + (k == 300 ? 70_000 : 1);
    }
    BucketOffsets offsets = BucketOffsets.of(starts);
    assertThat(offsets.compressed()).isFalse();
    for (int k = 0; k < starts.length; k++) {
      assertThat(offsets.start(k)).isEqualTo(starts[k]);
    }
    assertThat(offsets.memoryBytes()).isEqualTo(4L * 600);
  }

  @Test
  void aBlockOfExactly65535PostingsStillFits() {
    int[] starts = new int[257];
    starts[256] = 65_535;
    for (int k = 1; k < 256; k++) {
      starts[k] = 65_535;
    }
    BucketOffsets offsets = BucketOffsets.of(starts);
    assertThat(offsets.compressed()).isTrue();
    assertThat(offsets.start(1)).isEqualTo(65_535);
    assertThat(offsets.start(256)).isEqualTo(65_535);
  }
}
