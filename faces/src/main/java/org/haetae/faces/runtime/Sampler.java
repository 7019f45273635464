package org.haetae.faces.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Resamples one image many times (detector windows, face crops, the classifier's view) into model
 * inputs. Shrinking more than twofold reads from a half-size pyramid level first, so small inputs
 * do not alias the way a plain bilinear resize of a large photo does.
 */
public final class Sampler {
  private final List<Pixels> levels = new ArrayList<>();

  public Sampler(Pixels image) {
    levels.add(image);
  }

  public Pixels image() {
    return levels.get(0);
  }

  /**
   * Bilinear samples under {@code map} into NHWC floats, each channel value v (0..255) written as
   * {@code v * mul + add}. Outside the image reads black.
   */
  public float[] sample(Affine map, int width, int height, float mul, float add) {
    int level = 0;
    Affine m = map;
    while (m.scale() > 2.0 && Math.min(levelOf(level).width(), levelOf(level).height()) > 8) {
      m = m.onHalf();
      level++;
    }
    Pixels src = levelOf(level);
    float[] out = new float[width * height * 3];
    int o = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double sx = m.sourceX(x, y);
        double sy = m.sourceY(x, y);
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        int p00 = pixel(src, x0, y0);
        int p10 = pixel(src, x0 + 1, y0);
        int p01 = pixel(src, x0, y0 + 1);
        int p11 = pixel(src, x0 + 1, y0 + 1);
        for (int shift = 16; shift >= 0; shift -= 8) {
          float top = lerp((p00 >> shift) & 255, (p10 >> shift) & 255, fx);
          float bottom = lerp((p01 >> shift) & 255, (p11 >> shift) & 255, fx);
          out[o++] = lerp(top, bottom, fy) * mul + add;
        }
      }
    }
    return out;
  }

  /** The same sampling as packed pixels (values rounded), for writing crops and for tests. */
  public Pixels sampleRgb(Affine map, int width, int height) {
    float[] f = sample(map, width, height, 1f, 0f);
    int[] rgb = new int[width * height];
    for (int i = 0; i < rgb.length; i++) {
      int r = Math.round(f[3 * i]);
      int g = Math.round(f[3 * i + 1]);
      int b = Math.round(f[3 * i + 2]);
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    return new Pixels(width, height, rgb);
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static int pixel(Pixels p, int x, int y) {
    if (x < 0 || y < 0 || x >= p.width() || y >= p.height()) {
      return 0;
    }
    return p.rgb()[y * p.width() + x];
  }

  private synchronized Pixels levelOf(int level) {
    while (levels.size() <= level) {
      levels.add(half(levels.get(levels.size() - 1)));
    }
    return levels.get(level);
  }

  /** Each output pixel averages a 2x2 block; an odd last row or column is repeated. */
  private static Pixels half(Pixels p) {
    int w = Math.max(1, p.width() / 2);
    int h = Math.max(1, p.height() / 2);
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int y0 = Math.min(2 * y, p.height() - 1);
      int y1 = Math.min(2 * y + 1, p.height() - 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.min(2 * x, p.width() - 1);
        int x1 = Math.min(2 * x + 1, p.width() - 1);
        int a = p.at(x0, y0);
        int b = p.at(x1, y0);
        int c = p.at(x0, y1);
        int d = p.at(x1, y1);
        int v = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
          int sum =
              ((a >> shift) & 255)
                  + ((b >> shift) & 255)
                  + ((c >> shift) & 255)
                  + ((d >> shift) & 255);
          v |= ((sum + 2) >> 2) << shift;
        }
        out[y * w + x] = v;
      }
    }
    return new Pixels(w, h, out);
  }
}
