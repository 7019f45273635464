package org.haetae.hashing.testdata;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Procedurally drawn test pictures: shapes, gradients and noise, never real photographs. */
public final class TestImages {
  private TestImages() {}

  /** A scene of gradients, ellipses and rectangles with a little noise, reproducible by seed. */
  public static BufferedImage scene(int w, int h, int type, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, type);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, randomColor(rnd), w, h, randomColor(rnd)));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 12; i++) {
      g.setColor(randomColor(rnd));
      int x = rnd.nextInt(Math.max(1, w));
      int y = rnd.nextInt(Math.max(1, h));
      int sw = 1 + rnd.nextInt(Math.max(1, w / 2));
      int sh = 1 + rnd.nextInt(Math.max(1, h / 2));
      if (rnd.nextBoolean()) {
        g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
      } else {
        g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
      }
    }
    g.dispose();
    return img;
  }

  /** Independent random pixels. */
  public static BufferedImage noise(int w, int h, int type, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, 0xff000000 | rnd.nextInt(0x1000000));
      }
    }
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Color randomColor(Random rnd) {
    return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
  }
}
