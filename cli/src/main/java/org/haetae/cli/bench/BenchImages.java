package org.haetae.cli.bench;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Procedural test pictures: smooth gradients, blobs and noise, nothing drawn from real photos. */
final class BenchImages {
  private BenchImages() {}

  static BufferedImage photoLike(int w, int h, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    double fx = 2 + rnd.nextDouble() * 6;
    double fy = 2 + rnd.nextDouble() * 6;
    double phase = rnd.nextDouble() * Math.PI;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = x / (double) w;
        double v = y / (double) h;
        double s = Math.sin(fx * u * Math.PI + phase) * Math.cos(fy * v * Math.PI);
        int r = clamp(128 + 100 * s + rnd.nextGaussian() * 6);
        int g = clamp(100 + 80 * u + 40 * s + rnd.nextGaussian() * 6);
        int b = clamp(90 + 120 * v - 30 * s + rnd.nextGaussian() * 6);
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
