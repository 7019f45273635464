package org.haetae.faces.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelsTest {
  /** The fast paths read what getRGB reads, for every layout a decoder hands over. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        BufferedImage.TYPE_3BYTE_BGR,
        BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_4BYTE_ABGR,
        BufferedImage.TYPE_USHORT_565_RGB
      })
  void everyLayoutReadsAsGetRgbDoes(int type) {
    BufferedImage img = new BufferedImage(37, 23, type);
    Random r = new Random(type);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        img.setRGB(x, y, 0xFF000000 | r.nextInt(1 << 24));
      }
    }
    Pixels p = Pixels.of(img);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        assertThat(p.at(x, y)).isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    // A sub-image shares its parent's buffer: read through getRGB, not the raw array.
    BufferedImage sub = img.getSubimage(3, 4, 10, 9);
    assertThat(Pixels.of(sub).at(0, 0)).isEqualTo(img.getRGB(3, 4) & 0xFFFFFF);
  }

  /**
   * Grey JPEGs hold gamma-encoded grey levels; Java's getRGB would push them through its linear
   * grey colour space and brighten them. A browser shows level v as (v, v, v), and so does Haetae.
   */
  @org.junit.jupiter.api.Test
  void greyLevelsAreTakenAsTheyAre() {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 64, 128, 255});
    Pixels p = Pixels.of(img);
    assertThat(p.rgb()).containsExactly(0, 0x404040, 0x808080, 0xFFFFFF);
  }

  @org.junit.jupiter.api.Test
  void samplingAnAlignedSquareReproducesThePixels() {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | ((x + y) * 2));
      }
    }
    Sampler s = new Sampler(Pixels.of(img));
    Pixels same = s.sampleRgb(Affine.square(0, 0, 64, 64), 64, 64);
    assertThat(same.rgb()).isEqualTo(Pixels.of(img).rgb());
    // Halving reads the 2x2 means (through the pyramid for larger shrinks too).
    Pixels half = s.sampleRgb(Affine.square(0, 0, 64, 32), 32, 32);
    assertThat((half.at(5, 7) >> 16) & 255).isEqualTo(((10 * 4) + (11 * 4)) / 2);
  }
}
