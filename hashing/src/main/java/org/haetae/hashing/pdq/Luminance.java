package org.haetae.hashing.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Luminance of an image as PDQ defines it: {@code 0.299 R + 0.587 G + 0.114 B} in float, over the
 * sRGB values {@link BufferedImage#getRGB} reports. The common 8-bit layouts are read straight from
 * the raster (the same numbers, without a colour-model call per pixel); every other layout goes
 * through {@code getRGB} row by row so that it stays exactly what the reference sees.
 */
public final class Luminance {
  static final float R = (float) 0.299;
  static final float G = (float) 0.587;
  static final float B = (float) 0.114;

  // R*r etc. for every byte value: the same float products the formula computes, looked up.
  private static final float[] R_TIMES = products(R);
  private static final float[] G_TIMES = products(G);
  private static final float[] B_TIMES = products(B);

  private Luminance() {}

  private static float[] products(float coefficient) {
    float[] t = new float[256];
    for (int v = 0; v < 256; v++) {
      t[v] = coefficient * v;
    }
    return t;
  }

  /** Fills {@code out} (row-major, at least width x height) with the image's luminance. */
  public static void fill(BufferedImage img, float[] out) {
    fillRows(img, 0, img.getHeight(), out);
  }

  /** Fills {@code out} with rows {@code y0 .. y0+n-1} of the image's luminance, row-major. */
  public static void fillRows(BufferedImage img, int y0, int n, float[] out) {
    int w = img.getWidth();
    if (y0 < 0 || n < 0 || y0 + n > img.getHeight()) {
      throw new IllegalArgumentException("rows " + y0 + "+" + n + " outside the image");
    }
    if (out.length < (long) w * n) {
      throw new IllegalArgumentException("buffer too small for " + w + "x" + n);
    }
    Raster raster = img.getRaster();
    boolean direct =
        switch (img.getType()) {
          case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR ->
              fromInterleavedBytes(raster, w, y0, n, out);
          case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB ->
              fromPackedInts(raster, w, y0, n, out);
          default -> false;
        };
    if (!direct) {
      fromGetRgb(img, w, y0, n, out);
    }
  }

  /**
   * Fills {@code out} with row {@code y} of 8-bit RGBA pixels (row-major, four bytes per pixel,
   * alpha ignored): the same float sums as the raster paths above. Uses no AWT class.
   */
  public static void fillRgbaRow(byte[] rgba, int width, int y, float[] out) {
    int p = y * width * 4;
    for (int x = 0; x < width; x++, p += 4) {
      out[x] = R_TIMES[rgba[p] & 0xff] + G_TIMES[rgba[p + 1] & 0xff] + B_TIMES[rgba[p + 2] & 0xff];
    }
  }

  static float of(int r, int g, int b) {
    return R * r + G * g + B * b;
  }

  private static boolean fromInterleavedBytes(Raster raster, int w, int y0, int h, float[] out) {
    if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
        || !(raster.getDataBuffer() instanceof DataBufferByte db)
        || db.getNumBanks() != 1) {
      return false;
    }
    int[] bandOffsets = sm.getBandOffsets();
    int bands = bandOffsets.length;
    // TYPE_3BYTE_BGR has bands R,G,B at offsets 2,1,0; TYPE_4BYTE_ABGR has R,G,B,A at 3,2,1,0.
    int ro = bandOffsets[0];
    int go = bandOffsets[1];
    int bo = bandOffsets[2];
    int pixelStride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int base =
        db.getOffset()
            - raster.getSampleModelTranslateY() * scanline
            - raster.getSampleModelTranslateX() * pixelStride;
    if (bands < 3) {
      return false;
    }
    byte[] data = db.getData();
    for (int y = 0; y < h; y++) {
      int p = base + (y0 + y) * scanline;
      int o = y * w;
      for (int x = 0; x < w; x++, p += pixelStride) {
        out[o + x] =
            R_TIMES[data[p + ro] & 0xff]
                + G_TIMES[data[p + go] & 0xff]
                + B_TIMES[data[p + bo] & 0xff];
      }
    }
    return true;
  }

  private static boolean fromPackedInts(Raster raster, int w, int y0, int h, float[] out) {
    if (!(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
        || !(raster.getDataBuffer() instanceof DataBufferInt db)
        || db.getNumBanks() != 1
        || db.getDataType() != DataBuffer.TYPE_INT) {
      return false;
    }
    int scanline = sm.getScanlineStride();
    int base =
        db.getOffset()
            - raster.getSampleModelTranslateY() * scanline
            - raster.getSampleModelTranslateX();
    int[] data = db.getData();
    for (int y = 0; y < h; y++) {
      int p = base + (y0 + y) * scanline;
      int o = y * w;
      for (int x = 0; x < w; x++) {
        int rgb = data[p + x];
        out[o + x] = of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
      }
    }
    return true;
  }

  private static void fromGetRgb(BufferedImage img, int w, int y0, int h, float[] out) {
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y0 + y, w, 1, row, 0, w);
      int o = y * w;
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        out[o + x] = of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
      }
    }
  }
}
