package org.haetae.faces.models;

/**
 * The procedural test image, identical byte for byte to {@code
 * scripts/faces-fixtures/procedural.mjs} (the fixtures record the SHA-256 of the bytes, and the
 * tests check it): a two-axis gradient, four soft discs of hashed position, size and colour,
 * diagonal stripes, and hashed noise, in integer arithmetic with Java's 32-bit wrap-around.
 */
final class ProceduralImage {
  private ProceduralImage() {}

  /** A 32-bit integer hash (lowbias32), returned as 0 .. 2^24-1. */
  static int hash24(int v) {
    v ^= v >>> 16;
    v *= 0x7feb352d;
    v ^= v >>> 15;
    v *= 0x846ca68b;
    v ^= v >>> 16;
    return v >>> 8;
  }

  /** RGB bytes, row-major, 3 per pixel. */
  static byte[] rgb(int seed, int width, int height) {
    byte[] out = new byte[width * height * 3];
    int[][] discs = new int[4][];
    for (int k = 0; k < 4; k++) {
      int base = seed * 16 + k * 4;
      int cx = hash24(base) % width;
      int cy = hash24(base + 1) % height;
      int r = width / 10 + hash24(base + 2) % (width / 4);
      discs[k] = new int[] {cx, cy, r * r, hash24(base + 3)};
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          int gx = x * 255 / (width - 1);
          int gy = y * 255 / (height - 1);
          int v = (gx * (1 + c) + gy * (3 - c)) >> 2;
          for (int[] d : discs) {
            int dx = x - d[0];
            int dy = y - d[1];
            int d2 = dx * dx + dy * dy;
            if (d2 < d[2]) {
              int t = (d[2] - d2) * 256 / d[2];
              int col = (d[3] >> (c * 8)) & 255;
              v = (v * (256 - t) + col * t) >> 8;
            }
          }
          if (((x * 3 + y * 2 + seed * 11) >> 3) % 7 == c) {
            v = (v + 128) & 255;
          }
          int noise = (hash24(seed * 1000003 + (y * width + x) * 3 + c) & 31) - 16;
          v = Math.min(255, Math.max(0, v + noise));
          out[(y * width + x) * 3 + c] = (byte) v;
        }
      }
    }
    return out;
  }
}
