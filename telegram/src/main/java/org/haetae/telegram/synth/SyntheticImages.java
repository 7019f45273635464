package org.haetae.telegram.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Harmless, procedurally drawn pictures (shapes on a gradient) so that tests and benchmarks never
 * need real imagery. Each seed draws a different picture, so each has its own PDQ hash.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  /** A picture of the given size as JPEG ({@code "jpg"}) or PNG ({@code "png"}) bytes. */
  public static byte[] draw(long seed, int width, int height, String format) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setPaint(
          new java.awt.GradientPaint(
              0, 0, new Color(r.nextInt(0xffffff)), width, height, new Color(r.nextInt(0xffffff))));
      g.fillRect(0, 0, width, height);
      g.setStroke(new BasicStroke(1 + r.nextInt(6)));
      for (int i = 0; i < 12; i++) {
        g.setColor(new Color(r.nextInt(0xffffff)));
        int x = r.nextInt(width);
        int y = r.nextInt(height);
        int w = 4 + r.nextInt(Math.max(1, width / 2));
        int h = 4 + r.nextInt(Math.max(1, height / 2));
        switch (r.nextInt(3)) {
          case 0 -> g.fillOval(x, y, w, h);
          case 1 -> g.fillRect(x, y, w, h);
          default -> g.drawLine(x, y, r.nextInt(width), r.nextInt(height));
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format.equals("png") ? "png" : "jpg", out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
