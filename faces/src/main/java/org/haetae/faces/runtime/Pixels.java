package org.haetae.faces.runtime;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An image as packed 0xRRGGBB pixels, the one form every model's input is sampled from.
 *
 * @param rgb row-major, {@code width * height} entries
 */
public record Pixels(int width, int height, int[] rgb) {
  public Pixels {
    if (width <= 0 || height <= 0 || rgb.length != width * height) {
      throw new IllegalArgumentException("bad pixel buffer " + width + "x" + height);
    }
  }

  /** Reads any decoded image; alpha is ignored. */
  public static Pixels of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = new int[w * h];
    // getRGB converts pixel by pixel through the colour model: 40 ms for a 2.5-megapixel JPEG,
    // more than the detector. The layouts decoders produce are read straight from the raster, and
    // grey levels are taken as they are, as a browser shows them (getRGB would brighten them).
    if (image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
        && image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && bytes.getNumBanks() == 1
        && image.getRaster().getParent() == null) {
      byte[] d = bytes.getData();
      for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
        rgb[i] = (d[j + 2] & 255) << 16 | (d[j + 1] & 255) << 8 | (d[j] & 255);
      }
    } else if (image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
        && image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getParent() == null) {
      byte[] d = bytes.getData();
      for (int i = 0; i < rgb.length; i++) {
        int v = d[i] & 255;
        rgb[i] = v << 16 | v << 8 | v;
      }
    } else if (image.getRaster().getDataBuffer() instanceof DataBufferInt ints
        && (image.getType() == BufferedImage.TYPE_INT_RGB
            || image.getType() == BufferedImage.TYPE_INT_ARGB)
        && image.getRaster().getParent() == null) {
      int[] d = ints.getData();
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] = d[i] & 0xFFFFFF;
      }
    } else {
      image.getRGB(0, 0, w, h, rgb, 0, w);
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] &= 0xFFFFFF;
      }
    }
    return new Pixels(w, h, rgb);
  }

  public int at(int x, int y) {
    return rgb[y * width + x];
  }

  /** Back to an image, for tests and for writing crops. */
  public BufferedImage toImage() {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, width, height, rgb, 0, width);
    return out;
  }
}
