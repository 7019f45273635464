package org.haetae.demo.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Harmless procedural pictures for demos and benchmarks (landscapes of gradients and shapes), and
 * the edits people make when they re-share a picture: crops, resizes, rotations, brightness. No
 * real photograph is ever involved.
 */
public final class SyntheticPictures {
  private SyntheticPictures() {}

  public static BufferedImage picture(int w, int h, long seed) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(rnd), 0, h * 0.6f, color(rnd)));
    g.fillRect(0, 0, w, h);
    g.setPaint(new GradientPaint(0, h * 0.6f, color(rnd), w, h, color(rnd)));
    g.fillRect(0, (int) (h * 0.6), w, h);
    for (int i = 0; i < 6 + rnd.nextInt(10); i++) {
      g.setColor(color(rnd));
      int x = rnd.nextInt(w);
      int y = rnd.nextInt(h);
      int s = w / 20 + rnd.nextInt(w / 4);
      switch (rnd.nextInt(3)) {
        case 0 -> g.fillOval(x - s / 2, y - s / 2, s, s);
        case 1 -> g.fillRect(x - s / 2, y - s / 3, s, s * 2 / 3);
        default -> {
          g.setStroke(new BasicStroke(2 + rnd.nextInt(8)));
          g.drawLine(x, y, rnd.nextInt(w), rnd.nextInt(h));
        }
      }
    }
    g.dispose();
    return img;
  }

  /** JPEG bytes at the given quality (0..100); the same picture always gives the same bytes. */
  public static byte[] jpeg(BufferedImage img, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam p = writer.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(quality / 100f);
    ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 4);
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Lossless bytes (BMP: quick to write and read), for hashing a picture exactly as drawn. */
  public static byte[] lossless(BufferedImage img) {
    return encode(img, "bmp");
  }

  /** Bytes in an ImageIO format ({@code "png"}, {@code "jpg"}, {@code "bmp"}). */
  public static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** The central part, {@code keep} (0..1) of each side. */
  public static BufferedImage crop(BufferedImage src, double keep) {
    int w = (int) (src.getWidth() * keep);
    int h = (int) (src.getHeight() * keep);
    return copy(src.getSubimage((src.getWidth() - w) / 2, (src.getHeight() - h) / 2, w, h));
  }

  public static BufferedImage resize(BufferedImage src, double scale) {
    int w = Math.max(1, (int) (src.getWidth() * scale));
    int h = Math.max(1, (int) (src.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** A quarter turn clockwise. */
  public static BufferedImage rotate90(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    AffineTransform t = new AffineTransform();
    t.translate(src.getHeight(), 0);
    t.rotate(Math.PI / 2);
    g.drawImage(src, t, null);
    g.dispose();
    return out;
  }

  public static BufferedImage brighten(BufferedImage src, int delta) {
    BufferedImage out = copy(src);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int rgb = out.getRGB(x, y);
        int r = clamp(((rgb >> 16) & 0xff) + delta);
        int gr = clamp(((rgb >> 8) & 0xff) + delta);
        int b = clamp((rgb & 0xff) + delta);
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  private static BufferedImage copy(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static Color color(Random rnd) {
    return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
  }
}
