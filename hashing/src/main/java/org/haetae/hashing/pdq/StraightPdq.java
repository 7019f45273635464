package org.haetae.hashing.pdq;

import java.awt.image.BufferedImage;

/**
 * PDQ written the plain way, step by step as the algorithm is described: a {@code getRGB} call per
 * pixel, a strided one-dimensional box filter for rows and for columns, full-size passes. It is
 * slow on purpose: it is the oracle the fast {@link PdqHasher} is tested against on random images,
 * and the baseline that the benchmark compares with.
 */
public final class StraightPdq {
  private StraightPdq() {}

  public static PdqHash hash(BufferedImage img) {
    int rows = img.getHeight();
    int cols = img.getWidth();
    float[] luma = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int rgb = img.getRGB(j, i);
        luma[i * cols + j] = Luminance.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
      }
    }
    return hashLuminance(luma, rows, cols);
  }

  public static PdqHash hashLuminance(float[] luma, int rows, int cols) {
    float[] a = luma.clone();
    float[] b = new float[rows * cols];
    int rowWindow = JaroszFilter.windowSize(cols);
    int colWindow = JaroszFilter.windowSize(rows);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < rows; i++) {
        box(a, i * cols, b, cols, 1, rowWindow);
      }
      for (int j = 0; j < cols; j++) {
        box(b, j, a, rows, cols, colWindow);
      }
    }
    float[] m = new float[64 * 64];
    for (int i = 0; i < 64; i++) {
      int ini = JaroszFilter.sampleIndex(i, rows);
      for (int j = 0; j < 64; j++) {
        m[i * 64 + j] = a[ini * cols + JaroszFilter.sampleIndex(j, cols)];
      }
    }
    return new PdqHash(PdqCore.bits(PdqCore.dct(m)), PdqCore.quality(m));
  }

  private static void box(float[] in, int start, float[] out, int length, int stride, int window) {
    JaroszFilter.Phases p = JaroszFilter.Phases.of(length, window);
    float sum = 0f;
    int count = 0;
    int ri = start;
    int li = start;
    int oi = start;
    for (int i = 0; i < p.lead(); i++, ri += stride) {
      sum += in[ri];
      count++;
    }
    for (int i = 0; i < p.grow(); i++, ri += stride, oi += stride) {
      sum += in[ri];
      count++;
      out[oi] = sum / count;
    }
    for (int i = 0; i < p.full(); i++, ri += stride, li += stride, oi += stride) {
      sum += in[ri];
      sum -= in[li];
      out[oi] = sum / count;
    }
    for (int i = 0; i < p.shrink(); i++, li += stride, oi += stride) {
      sum -= in[li];
      count--;
      out[oi] = sum / count;
    }
  }
}
