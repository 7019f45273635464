package org.haetae.faces.evaluation;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.haetae.faces.detect.Face.Box;

/** The everyday changes a re-uploaded photo goes through. */
public final class Variants {
  private Variants() {}

  /** An edit of a photo, and where a box of the original ends up in the edited one. */
  public record Variant(String name, UnaryOperator<BufferedImage> image, BoxMap box) {}

  /** Where a box of the original lands, given the original's size. */
  public interface BoxMap {
    Box apply(Box b, int width, int height);
  }

  /** The edits, the crops framed around {@code face}. */
  public static List<Variant> of(Box face) {
    List<Variant> v = new ArrayList<>();
    BoxMap same = (b, w, h) -> b;
    v.add(new Variant("jpeg q55", i -> jpeg(i, 0.55f), same));
    v.add(
        new Variant(
            "mirrored",
            Variants::mirror,
            (b, w, h) -> new Box(w - b.x() - b.width(), b.y(), b.width(), b.height())));
    v.add(new Variant("darker 35%", i -> brightness(i, 0.65), same));
    v.add(new Variant("brighter 30%", i -> brightness(i, 1.3), same));
    v.add(new Variant("half size", i -> resize(i, 0.5), (b, w, h) -> scaled(b, w, h, 0.5)));
    int[] c1 = cropRect(face, 1.6);
    v.add(
        new Variant(
            "crop around face", i -> crop(i, c1), (b, w, h) -> shifted(b, clampRect(c1, w, h))));
    int[] c2 = cropRect(face, 2.2);
    v.add(
        new Variant(
            "crop + jpeg q70 + 0.7x",
            i -> resize(jpeg(crop(i, c2), 0.7f), 0.7),
            (b, w, h) -> {
              int[] r = clampRect(c2, w, h);
              return scaled(shifted(b, r), r[2] - r[0], r[3] - r[1], 0.7);
            }));
    return v;
  }

  private static Box scaled(Box b, int w, int h, double f) {
    double sx = Math.max(1, Math.round(w * f)) / (double) w;
    double sy = Math.max(1, Math.round(h * f)) / (double) h;
    return new Box(b.x() * sx, b.y() * sy, b.width() * sx, b.height() * sy);
  }

  private static Box shifted(Box b, int[] r) {
    return new Box(b.x() - r[0], b.y() - r[1], b.width(), b.height());
  }

  public static BufferedImage jpeg(BufferedImage img, float quality) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        w.setOutput(out);
        w.write(null, new IIOImage(rgb(img), null, null), p);
      }
      w.dispose();
      return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BufferedImage mirror(BufferedImage img) {
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, img.getWidth(), 0, -img.getWidth(), img.getHeight(), null);
    g.dispose();
    return out;
  }

  public static BufferedImage brightness(BufferedImage img, double factor) {
    BufferedImage out = rgb(img);
    BufferedImage copy =
        new BufferedImage(out.getWidth(), out.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int p = out.getRGB(x, y);
        int v = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
          v |= Math.min(255, (int) Math.round(((p >> shift) & 255) * factor)) << shift;
        }
        copy.setRGB(x, y, v);
      }
    }
    return copy;
  }

  public static BufferedImage resize(BufferedImage img, double factor) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(img.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return out;
  }

  /** A rectangle {x0, y0, x1, y1} {@code margin} times the face's size around it. */
  static int[] cropRect(Box face, double margin) {
    double cx = face.x() + face.width() / 2;
    double cy = face.y() + face.height() / 2;
    double half = Math.max(face.width(), face.height()) * margin / 2;
    return new int[] {
      (int) (cx - half), (int) (cy - half), (int) (cx + half), (int) (cy + half * 1.3)
    };
  }

  static int[] clampRect(int[] r, int w, int h) {
    return new int[] {Math.max(0, r[0]), Math.max(0, r[1]), Math.min(w, r[2]), Math.min(h, r[3])};
  }

  public static BufferedImage crop(BufferedImage img, int[] rect) {
    int[] r = clampRect(rect, img.getWidth(), img.getHeight());
    return rgb(img).getSubimage(r[0], r[1], r[2] - r[0], r[3] - r[1]);
  }

  private static BufferedImage rgb(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_INT_RGB) {
      return img;
    }
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }
}
