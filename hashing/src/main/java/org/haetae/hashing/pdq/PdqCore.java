package org.haetae.hashing.pdq;

/**
 * The 64x64 end of PDQ, shared by the fast hasher and the straight transcription: quality metric,
 * 16x16 DCT, dihedral sign patterns, Torben median and bit output. All float arithmetic is done in
 * the reference's order.
 */
final class PdqCore {
  /** 16 x 64 DCT-II rows 1..16, scaled as the reference scales them. */
  private static final float[] DCT = dctMatrix();

  private PdqCore() {}

  private static float[] dctMatrix() {
    float scale = (float) Math.sqrt(2.0 / 64.0);
    float[] d = new float[16 * 64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        d[i * 64 + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
      }
    }
    return d;
  }

  /** Gradient-based quality 0..100 of a 64x64 downsample (row-major). */
  static int quality(float[] m) {
    int gradientSum = 0;
    for (int i = 0; i < 63; i++) {
      for (int j = 0; j < 64; j++) {
        float u = m[i * 64 + j];
        float v = m[(i + 1) * 64 + j];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 63; j++) {
        float u = m[i * 64 + j];
        float v = m[i * 64 + j + 1];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    return Math.min(gradientSum / 90, 100);
  }

  /** B = D A D^T for the 64x64 {@code a}; returns 16x16 row-major. */
  static float[] dct(float[] a) {
    float[] t = new float[16 * 64];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float s = 0f;
        for (int k = 0; k < 64; k++) {
          s += DCT[i * 64 + k] * a[k * 64 + j];
        }
        t[i * 64 + j] = s;
      }
    }
    float[] b = new float[256];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float s = 0f;
        for (int k = 0; k < 64; k++) {
          s += t[i * 64 + k] * DCT[j * 64 + k];
        }
        b[i * 16 + j] = s;
      }
    }
    return b;
  }

  /**
   * The DCT of a rotated or flipped image, derived from the original's: a transpose for the quarter
   * turns and diagonal flips, and a sign pattern on odd frequencies.
   */
  static float[] dihedral(float[] dct, Dihedral d) {
    float[] out = new float[256];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = dct[i * 16 + j];
        boolean negate =
            switch (d) {
              case ORIGINAL, FLIP_PLUS_1 -> false;
              case ROTATE_90, FLIP_Y -> (j & 1) == 0;
              case ROTATE_270, FLIP_X -> (i & 1) == 0;
              case ROTATE_180, FLIP_MINUS_1 -> ((i + j) & 1) != 0;
            };
        boolean transpose =
            switch (d) {
              case ROTATE_90, ROTATE_270, FLIP_PLUS_1, FLIP_MINUS_1 -> true;
              default -> false;
            };
        out[transpose ? j * 16 + i : i * 16 + j] = negate ? -v : v;
      }
    }
    return out;
  }

  /** One bit per coefficient: set where it exceeds the median. */
  static Hash256 bits(float[] dct16) {
    float median = torbenMedian(dct16);
    long[] w = new long[4];
    for (int k = 0; k < 256; k++) {
      if (dct16[k] > median) {
        w[k >>> 6] |= 1L << (k & 63);
      }
    }
    return Hash256.ofWords(w);
  }

  /**
   * Torben Mogensen's median (public domain), as the reference uses it: which of two middle values
   * it returns decides ties, so it is kept as is rather than replaced by a sort.
   */
  static float torbenMedian(float[] m) {
    int n = m.length;
    int midn = (n + 1) / 2;
    float min = m[0];
    float max = m[0];
    for (float v : m) {
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    int less;
    int greater;
    int equal;
    float guess;
    float maxLtGuess;
    float minGtGuess;
    while (true) {
      guess = (min + max) / 2;
      less = 0;
      greater = 0;
      equal = 0;
      maxLtGuess = min;
      minGtGuess = max;
      for (float v : m) {
        if (v < guess) {
          less++;
          if (v > maxLtGuess) {
            maxLtGuess = v;
          }
        } else if (v > guess) {
          greater++;
          if (v < minGtGuess) {
            minGtGuess = v;
          }
        } else {
          equal++;
        }
      }
      if (less <= midn && greater <= midn) {
        break;
      } else if (less > greater) {
        max = maxLtGuess;
      } else {
        min = minGtGuess;
      }
    }
    if (less >= midn) {
      return maxLtGuess;
    } else if (less + equal >= midn) {
      return guess;
    }
    return minGtGuess;
  }
}
