package org.haetae.hashingjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import org.haetae.hashing.pdq.PdqHasher;
import org.haetae.hashing.testdata.TestImages;
import org.junit.jupiter.api.Test;

/**
 * The grey table the browser uses is what this JDK's {@code getRGB} reports for greyscale images
 * (with and without alpha, as ImageIO decodes 8-bit grey PNGs and one-channel JPEGs), and {@link
 * PixelHashes#pdqGrey} on the stored grey values hashes as the JVM hashes the grey image.
 */
class JavaGreyTest {

  @Test
  void tableIsWhatGetRgbReportsForGrey() {
    BufferedImage grey = new BufferedImage(256, 1, BufferedImage.TYPE_BYTE_GRAY);
    for (int v = 0; v < 256; v++) {
      grey.getRaster().setSample(v, 0, 0, v);
    }
    for (int v = 0; v < 256; v++) {
      int rgb = grey.getRGB(v, 0);
      assertThat(rgb & 0xff).as("grey " + v).isEqualTo(JavaGrey.toSrgb(v));
      assertThat(rgb & 0xffffff).isEqualTo(JavaGrey.toSrgb(v) * 0x010101);
    }
  }

  @Test
  void greyWithAlphaMapsTheSameWay() {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster r = cm.createCompatibleWritableRaster(256, 1);
    for (int v = 0; v < 256; v++) {
      r.setPixel(v, 0, new int[] {v, 255});
    }
    BufferedImage img = new BufferedImage(cm, r, false, null);
    for (int v = 0; v < 256; v++) {
      assertThat(img.getRGB(v, 0) & 0xff).as("grey " + v).isEqualTo(JavaGrey.toSrgb(v));
    }
  }

  @Test
  void pdqGreyOfStoredValuesIsTheJvmHashOfTheGreyImage() {
    BufferedImage grey = TestImages.scene(301, 217, BufferedImage.TYPE_BYTE_GRAY, 11);
    int w = grey.getWidth();
    int h = grey.getHeight();
    byte[] stored = new byte[w * h * 4]; // what a browser decodes: the raster's grey, as R=G=B
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int g = grey.getRaster().getSample(x, y, 0);
        int p = (y * w + x) * 4;
        stored[p] = stored[p + 1] = stored[p + 2] = (byte) g;
        stored[p + 3] = (byte) 255;
      }
    }
    assertThat(PixelHashes.pdqGrey(stored, w, h)).isEqualTo(new PdqHasher().hash(grey));
    assertThat(PixelHashes.pdq(stored, w, h)).isNotEqualTo(new PdqHasher().hash(grey));
  }
}
