package org.haetae.demo.investigation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.haetae.demo.pictures.SyntheticPictures;

/**
 * The kinds of picture the synthetic investigation shows, all drawn from shapes and gradients.
 * "Victim" pictures are abstract compositions that only carry that label; nothing here depicts a
 * person. Text drawn on pictures is Latin only, so the output does not depend on which CJK fonts a
 * machine has.
 */
final class Pictures {
  private Pictures() {}

  /** What a harmless or labelled picture is, as written to the ground truth. */
  enum Kind {
    VICTIM,
    FRESH,
    MEME,
    LANDSCAPE,
    FOOD,
    REQUEST_PHOTO,
    GROUP_PHOTO,
    PROFILE_PICTURE;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** JPEG quality of a picture as first posted: Telegram re-encodes every photo it receives. */
  static final int POSTED_QUALITY = 87;

  /**
   * The size a picture of this kind is drawn at, for a nominal {@code w} by {@code h}: photos in
   * landscape or portrait, memes and meals square, group badges small. Varied like real photos, so
   * that a picture's size says nothing about what it is.
   */
  static int[] baseSize(Kind kind, long seed, int w, int h) {
    boolean flip = ((seed >>> 7) & 1) == 1;
    return switch (kind) {
      case VICTIM, FRESH -> flip ? new int[] {h, w} : new int[] {w, h};
      case LANDSCAPE -> flip ? new int[] {w, w * 9 / 16} : new int[] {w, h};
      case MEME, FOOD, PROFILE_PICTURE -> new int[] {h, h};
      case REQUEST_PHOTO -> new int[] {h * 3 / 4, h};
      case GROUP_PHOTO -> new int[] {h / 2, h / 2};
    };
  }

  static BufferedImage draw(Kind kind, long seed, int w, int h) {
    return switch (kind) {
      case VICTIM, FRESH -> composition(w, h, seed);
      case MEME -> meme(w, h, seed);
      case LANDSCAPE, PROFILE_PICTURE -> SyntheticPictures.picture(w, h, seed);
      case FOOD -> food(w, h, seed);
      case REQUEST_PHOTO -> avatar(w, h, seed);
      case GROUP_PHOTO -> badge(w, h, seed);
    };
  }

  /**
   * Overlapping shapes on a gradient, drawn small and enlarged smoothly: the softness keeps enough
   * structure for a PDQ quality near 100 while making the hash survive re-encoding, resizing and
   * small crops. Drawing small and enlarging by hand is also several times faster than drawing at
   * full size.
   */
  static BufferedImage composition(int w, int h, long seed) {
    Random r = new Random(seed);
    int sw = 32;
    int sh = Math.max(2, sw * h / w);
    BufferedImage img = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(r), sw * r.nextFloat(), sh, color(r)));
    g.fillRect(0, 0, sw, sh);
    int n = 24;
    for (int i = 0; i < n; i++) {
      float cx = r.nextFloat() * sw;
      float cy = r.nextFloat() * sh;
      float scale = (float) Math.pow(0.7, i * 4.0 / n);
      float rx = sw * scale * (0.08f + r.nextFloat() * 0.25f);
      float ry = sh * scale * (0.08f + r.nextFloat() * 0.25f);
      g.setColor(color(r));
      switch (r.nextInt(3)) {
        case 0 -> g.fill(new Ellipse2D.Float(cx - rx, cy - ry, 2 * rx, 2 * ry));
        case 1 -> g.fill(new Rectangle2D.Float(cx - rx, cy - ry, 2 * rx, 2 * ry));
        default -> {
          g.setStroke(new BasicStroke(Math.max(0.6f, sw / 60f)));
          g.draw(new Line2D.Float(cx - rx, cy - ry, cx + rx, cy + ry));
        }
      }
    }
    g.dispose();
    return enlarge(img, w, h);
  }

  /** Catmull-Rom enlargement, one axis at a time, straight into the output's pixel bytes. */
  private static BufferedImage enlarge(BufferedImage small, int w, int h) {
    int sw = small.getWidth();
    int sh = small.getHeight();
    int[] src = small.getRGB(0, 0, sw, sh, null, 0, sw);
    float[] rows = new float[sh * w * 3];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < w; x++) {
        float fx = (x + 0.5f) * sw / w - 0.5f;
        int x0 = (int) Math.floor(fx);
        float t = fx - x0;
        for (int k = -1; k <= 2; k++) {
          float wk = cubic(k - t);
          int p = src[y * sw + Math.max(0, Math.min(sw - 1, x0 + k))];
          int o = (y * w + x) * 3;
          rows[o] += wk * (p & 0xff);
          rows[o + 1] += wk * ((p >> 8) & 0xff);
          rows[o + 2] += wk * ((p >> 16) & 0xff);
        }
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      float fy = (y + 0.5f) * sh / h - 0.5f;
      int y0 = (int) Math.floor(fy);
      float t = fy - y0;
      float[] wk = {cubic(-1 - t), cubic(-t), cubic(1 - t), cubic(2 - t)};
      int[] row = new int[4];
      for (int k = 0; k < 4; k++) {
        row[k] = Math.max(0, Math.min(sh - 1, y0 + k - 1)) * w * 3;
      }
      for (int i = 0; i < w * 3; i++) {
        float v =
            wk[0] * rows[row[0] + i]
                + wk[1] * rows[row[1] + i]
                + wk[2] * rows[row[2] + i]
                + wk[3] * rows[row[3] + i];
        bgr[y * w * 3 + i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return out;
  }

  private static float cubic(float x) {
    float a = Math.abs(x);
    if (a < 1) {
      return 1.5f * a * a * a - 2.5f * a * a + 1;
    }
    if (a < 2) {
      return -0.5f * a * a * a + 2.5f * a * a - 4 * a + 2;
    }
    return 0;
  }

  private static final List<String[]> MEME_LINES =
      List.of(
          new String[] {"ME ON MONDAY", "BEFORE COFFEE"},
          new String[] {"WHEN THE EXAM", "IS TOMORROW"},
          new String[] {"NOBODY:", "MY CAT AT 3AM"},
          new String[] {"WIFI DOWN", "FOR 5 MINUTES"},
          new String[] {"ME: ONE MORE GAME", "ALSO ME AT 4AM"},
          new String[] {"TEACHER: ANY QUESTIONS?", "THE WHOLE CLASS"},
          new String[] {"LOADING...", "PLEASE WAIT"},
          new String[] {"WEEKEND", "SPEEDRUN"});

  /** Two lines of caption around a round cartoon face: the shape of most reaction memes. */
  static BufferedImage meme(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(color(r));
    g.fillRect(0, 0, w, h);
    g.setColor(color(r));
    g.fillRect(0, h / 5, w, h * 3 / 5);
    int d = h * 2 / 5;
    int cx = w / 4 + r.nextInt(w / 2);
    g.setColor(new Color(250, 210 + r.nextInt(40), 60));
    g.fillOval(cx - d / 2, h / 2 - d / 2, d, d);
    g.setColor(Color.BLACK);
    g.fillOval(cx - d / 5, h / 2 - d / 6, d / 10, d / 10);
    g.fillOval(cx + d / 10, h / 2 - d / 6, d / 10, d / 10);
    g.setStroke(new BasicStroke(Math.max(2, d / 25f)));
    g.drawArc(cx - d / 4, h / 2 - d / 8, d / 2, d / 3, 200, 140);
    String[] lines = MEME_LINES.get(r.nextInt(MEME_LINES.size()));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 10)));
    g.setColor(Color.WHITE);
    g.drawString(lines[0], w / 20, h / 7);
    g.drawString(lines[1], w / 20, h - h / 20);
    g.dispose();
    return img;
  }

  /** A plate seen from above with a few round things on it. */
  static BufferedImage food(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(r), w, h, color(r)));
    g.fillRect(0, 0, w, h);
    int d = Math.min(w, h) * 4 / 5;
    g.setColor(new Color(240, 240, 235));
    g.fillOval(w / 2 - d / 2, h / 2 - d / 2, d, d);
    for (int i = 0; i < 8 + r.nextInt(8); i++) {
      g.setColor(new Color(150 + r.nextInt(100), 60 + r.nextInt(120), r.nextInt(60)));
      int s = d / 8 + r.nextInt(d / 6);
      double a = r.nextDouble() * Math.PI * 2;
      double rad = r.nextDouble() * d / 3;
      g.fillOval(
          (int) (w / 2 + Math.cos(a) * rad) - s / 2,
          (int) (h / 2 + Math.sin(a) * rad) - s / 2,
          s,
          s);
    }
    g.dispose();
    return img;
  }

  /** A flat head-and-shoulders silhouette, like a default profile icon. */
  static BufferedImage avatar(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(r), 0, h, color(r)));
    g.fillRect(0, 0, w, h);
    g.setColor(color(r));
    int head = h * 2 / 5;
    int cx = w * (35 + r.nextInt(30)) / 100;
    g.fillOval(cx - head / 2, h / 5, head, head);
    g.fill(new RoundRectangle2D.Float(cx - head, h * 3 / 5f, head * 2f, h, head, head));
    g.dispose();
    return img;
  }

  /** A round badge with two letters, as groups use for their photo. */
  static BufferedImage badge(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(color(r));
    g.fillRect(0, 0, w, h);
    int d = Math.min(w, h) * 3 / 4;
    g.setColor(color(r));
    g.fillOval(w / 2 - d / 2, h / 2 - d / 2, d, d);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, d / 3));
    g.drawString("SB", w / 2 - d / 4, h / 2 + d / 9);
    g.dispose();
    return img;
  }

  static BufferedImage scaled(BufferedImage src, int w, int h, boolean bicubic) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION,
        bicubic
            ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
            : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static Color color(Random r) {
    return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }
}
