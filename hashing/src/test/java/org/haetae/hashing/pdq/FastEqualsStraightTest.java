package org.haetae.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimised hasher against the plain transcription, on sizes that exercise every window phase
 * (1 pixel, thinner than a window, exactly 128/129/255/257, odd and very unequal sides), every
 * raster layout, and flat images where the median has ties.
 */
class FastEqualsStraightTest {
  private static final int[] TYPES = {
    BufferedImage.TYPE_3BYTE_BGR,
    BufferedImage.TYPE_INT_RGB,
    BufferedImage.TYPE_INT_ARGB,
    BufferedImage.TYPE_4BYTE_ABGR,
    BufferedImage.TYPE_BYTE_GRAY,
    BufferedImage.TYPE_USHORT_GRAY,
    BufferedImage.TYPE_BYTE_INDEXED,
    BufferedImage.TYPE_INT_ARGB_PRE,
    BufferedImage.TYPE_USHORT_565_RGB
  };

  static Stream<Arguments> sizes() {
    int[][] dims = {
      {1, 1},
      {1, 300},
      {300, 1},
      {2, 3},
      {7, 9},
      {63, 64},
      {64, 64},
      {127, 128},
      {128, 129},
      {129, 129},
      {255, 257},
      {256, 256},
      {333, 97},
      {17, 1000},
      {1000, 17},
      {640, 480},
      {1031, 777}
    };
    List<Arguments> out = new ArrayList<>();
    for (int[] d : dims) {
      out.add(Arguments.of(d[0], d[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void sameHashAndQualityOnEverySize(int w, int h) {
    PdqHasher fast = new PdqHasher();
    for (long seed = 0; seed < 3; seed++) {
      BufferedImage scene = TestImages.scene(w, h, BufferedImage.TYPE_3BYTE_BGR, seed);
      assertThat(fast.hash(scene)).isEqualTo(StraightPdq.hash(scene));
      BufferedImage noise = TestImages.noise(w, h, BufferedImage.TYPE_INT_RGB, seed);
      assertThat(fast.hash(noise)).isEqualTo(StraightPdq.hash(noise));
    }
  }

  @Test
  void sameHashOnEveryRasterLayout() {
    PdqHasher fast = new PdqHasher();
    Random rnd = new Random(42);
    for (int type : TYPES) {
      for (int i = 0; i < 4; i++) {
        int w = 1 + rnd.nextInt(400);
        int h = 1 + rnd.nextInt(400);
        BufferedImage img = TestImages.scene(w, h, type, rnd.nextLong());
        assertThat(fast.hash(img))
            .as("type %d, %dx%d", type, w, h)
            .isEqualTo(StraightPdq.hash(img));
      }
    }
  }

  @Test
  void sameHashOnASubimageWhoseRasterStartsMidBuffer() {
    BufferedImage big = TestImages.scene(500, 400, BufferedImage.TYPE_3BYTE_BGR, 9);
    BufferedImage sub = big.getSubimage(37, 51, 300, 200);
    assertThat(new PdqHasher().hash(sub)).isEqualTo(StraightPdq.hash(sub));
    BufferedImage bigInt = TestImages.scene(500, 400, BufferedImage.TYPE_INT_ARGB, 9);
    BufferedImage subInt = bigInt.getSubimage(11, 3, 250, 390);
    assertThat(new PdqHasher().hash(subInt)).isEqualTo(StraightPdq.hash(subInt));
  }

  @Test
  void flatImagesHashAlikeAndHaveZeroQuality() {
    BufferedImage flat = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    PdqHash h = new PdqHasher().hash(flat);
    assertThat(h).isEqualTo(StraightPdq.hash(flat));
    assertThat(h.quality()).isZero();
  }

  @Test
  void luminancePlaneAndImageGiveTheSameHash() {
    BufferedImage img = TestImages.scene(321, 123, BufferedImage.TYPE_3BYTE_BGR, 5);
    float[] luma = new float[321 * 123];
    Luminance.fill(img, luma);
    assertThat(new PdqHasher().hashLuminance(luma, 123, 321)).isEqualTo(new PdqHasher().hash(img));
    assertThat(StraightPdq.hashLuminance(luma, 123, 321)).isEqualTo(StraightPdq.hash(img));
  }

  @Test
  void dihedralOriginalIsThePlainHash() {
    BufferedImage img = TestImages.scene(300, 200, BufferedImage.TYPE_3BYTE_BGR, 77);
    DihedralHashes all = new PdqHasher().hashDihedral(img);
    assertThat(all.original()).isEqualTo(new PdqHasher().hash(img));
    assertThat(all.inOrder()).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void aSmallEditMovesTheHashLittleAndADifferentPictureMovesItFar() {
    BufferedImage a = TestImages.scene(400, 300, BufferedImage.TYPE_3BYTE_BGR, 1);
    BufferedImage edited = TestImages.scene(400, 300, BufferedImage.TYPE_3BYTE_BGR, 1);
    edited.setRGB(10, 10, 0xffffff);
    edited.setRGB(200, 150, 0x000000);
    BufferedImage other = TestImages.scene(400, 300, BufferedImage.TYPE_3BYTE_BGR, 2);
    PdqHasher h = new PdqHasher();
    assertThat(h.hash(a).hash().distance(h.hash(edited).hash())).isLessThanOrEqualTo(8);
    assertThat(h.hash(a).hash().distance(h.hash(other).hash())).isGreaterThan(31);
  }
}
