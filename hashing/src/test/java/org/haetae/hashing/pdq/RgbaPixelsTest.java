package org.haetae.hashing.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pixel-array entry point (what the browser build calls with a canvas's RGBA bytes) gives the
 * very hash and quality of the {@code BufferedImage} path, whatever the image's layout or alpha.
 */
class RgbaPixelsTest {
  private final PdqHasher hasher = new PdqHasher();

  /** The image's colours as a canvas returns them: R, G, B, A per pixel, row by row. */
  static byte[] rgbaOf(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 4];
    int p = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = img.getRGB(x, y);
        out[p++] = (byte) (argb >> 16);
        out[p++] = (byte) (argb >> 8);
        out[p++] = (byte) argb;
        out[p++] = (byte) (argb >>> 24);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "1,300", "300,1", "7,9", "128,129", "255,257", "333,97", "640,480"})
  void sameHashAsTheImagePathOnGeneratedImages(int w, int h) {
    for (long seed = 0; seed < 2; seed++) {
      BufferedImage scene = TestImages.scene(w, h, BufferedImage.TYPE_3BYTE_BGR, seed);
      assertThat(hasher.hashRgba(rgbaOf(scene), w, h)).isEqualTo(hasher.hash(scene));
      BufferedImage noise = TestImages.noise(w, h, BufferedImage.TYPE_INT_RGB, seed);
      assertThat(hasher.hashRgba(rgbaOf(noise), w, h))
          .isEqualTo(hasher.hash(noise))
          .isEqualTo(StraightPdq.hash(noise));
    }
  }

  @Test
  void alphaIsIgnoredAsTheImagePathIgnoresIt() {
    Random rnd = new Random(7);
    BufferedImage img = new BufferedImage(211, 157, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, rnd.nextInt()); // random alpha too, transparent pixels keep their colour
      }
    }
    byte[] rgba = rgbaOf(img);
    PdqHash expected = hasher.hash(img);
    assertThat(hasher.hashRgba(rgba, 211, 157)).isEqualTo(expected);
    for (int i = 3; i < rgba.length; i += 4) {
      rgba[i] = (byte) 0xff;
    }
    assertThat(hasher.hashRgba(rgba, 211, 157)).isEqualTo(expected);
  }

  @Test
  void greyAndIndexedImagesHashAsTheirGetRgbColours() {
    for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED}) {
      BufferedImage img = TestImages.scene(301, 203, type, 3);
      assertThat(hasher.hashRgba(rgbaOf(img), 301, 203)).isEqualTo(hasher.hash(img));
    }
  }

  @Test
  void aLongerArrayIsReadOnlyAsFarAsTheImageGoes() {
    BufferedImage img = TestImages.scene(40, 30, BufferedImage.TYPE_3BYTE_BGR, 9);
    byte[] rgba = java.util.Arrays.copyOf(rgbaOf(img), 40 * 30 * 4 + 100);
    assertThat(hasher.hashRgba(rgba, 40, 30)).isEqualTo(hasher.hash(img));
  }

  @Test
  void refusesEmptyImagesAndShortArrays() {
    assertThatThrownBy(() -> hasher.hashRgba(new byte[0], 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hasher.hashRgba(new byte[4 * 10 * 10 - 1], 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10x10");
  }
}
