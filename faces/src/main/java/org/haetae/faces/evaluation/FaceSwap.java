package org.haetae.faces.evaluation;

import org.haetae.faces.detect.Face;
import org.haetae.faces.detect.Face.Point;
import org.haetae.faces.runtime.Affine;
import org.haetae.faces.runtime.Pixels;

/**
 * Makes a synthetic "deepfake" the way the crudest ones are made: the face region of one photo is
 * turned, scaled and pasted over the face of another, with a feathered elliptical mask and the skin
 * tone shifted to the target's. It shares no perceptual hash with either photo, which is the point:
 * only a face search finds it.
 */
public final class FaceSwap {
  private FaceSwap() {}

  /**
   * @param scale extra scaling of the pasted face (1 = the target face's size)
   * @param degrees extra rotation of the pasted face
   */
  public static Pixels paste(
      Pixels source,
      Face sourceFace,
      Pixels target,
      Face targetFace,
      double scale,
      double degrees) {
    Point se =
        mid(sourceFace.keypoints().get(Face.RIGHT_EYE), sourceFace.keypoints().get(Face.LEFT_EYE));
    Point sm = sourceFace.keypoints().get(Face.MOUTH);
    Point te =
        mid(targetFace.keypoints().get(Face.RIGHT_EYE), targetFace.keypoints().get(Face.LEFT_EYE));
    Point tm = targetFace.keypoints().get(Face.MOUTH);
    // Target eyes-to-mouth vector, scaled and turned: where the source's eyes and mouth land.
    double vx = (tm.x() - te.x()) * scale;
    double vy = (tm.y() - te.y()) * scale;
    double r = Math.toRadians(degrees);
    double rx = vx * Math.cos(r) - vy * Math.sin(r);
    double ry = vx * Math.sin(r) + vy * Math.cos(r);
    // Map target pixel -> source pixel.
    Affine map =
        Affine.similarity(te.x(), te.y(), te.x() + rx, te.y() + ry, se.x(), se.y(), sm.x(), sm.y());
    double faceLen = Math.hypot(rx, ry); // eyes to mouth, in target pixels
    double cx = te.x() + rx * 0.35;
    double cy = te.y() + ry * 0.35;
    double ax = faceLen * 1.25; // ellipse half-width
    double ay = faceLen * 1.6; // half-height
    int[] out = target.rgb().clone();
    double[] srcMean =
        meanInEllipse(source, map, target.width(), target.height(), cx, cy, ax, ay, true);
    double[] dstMean =
        meanInEllipse(target, null, target.width(), target.height(), cx, cy, ax, ay, false);
    int x0 = (int) Math.max(0, cx - ax - 2);
    int x1 = (int) Math.min(target.width() - 1, cx + ax + 2);
    int y0 = (int) Math.max(0, cy - ay - 2);
    int y1 = (int) Math.min(target.height() - 1, cy + ay + 2);
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double d = Math.hypot((x - cx) / ax, (y - cy) / ay);
        if (d >= 1) {
          continue;
        }
        // Full opacity inside 0.7 of the ellipse, fading to 0 at its edge.
        double alpha = d < 0.7 ? 1 : (1 - d) / 0.3;
        int s = sample(source, map.sourceX(x, y), map.sourceY(x, y));
        int t = out[y * target.width() + x];
        int v = 0;
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c;
          double sv = ((s >> shift) & 255) - srcMean[c] + dstMean[c];
          double tv = (t >> shift) & 255;
          int blended = (int) Math.round(alpha * sv + (1 - alpha) * tv);
          v |= Math.max(0, Math.min(255, blended)) << shift;
        }
        out[y * target.width() + x] = v;
      }
    }
    return new Pixels(target.width(), target.height(), out);
  }

  private static Point mid(Point a, Point b) {
    return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
  }

  private static double[] meanInEllipse(
      Pixels p,
      Affine map,
      int w,
      int h,
      double cx,
      double cy,
      double ax,
      double ay,
      boolean viaMap) {
    double[] sum = new double[3];
    int n = 0;
    for (int y = (int) Math.max(0, cy - ay); y < Math.min(h, cy + ay); y += 2) {
      for (int x = (int) Math.max(0, cx - ax); x < Math.min(w, cx + ax); x += 2) {
        if (Math.hypot((x - cx) / ax, (y - cy) / ay) >= 0.7) {
          continue;
        }
        int v = viaMap ? sample(p, map.sourceX(x, y), map.sourceY(x, y)) : p.at(x, y);
        sum[0] += (v >> 16) & 255;
        sum[1] += (v >> 8) & 255;
        sum[2] += v & 255;
        n++;
      }
    }
    for (int c = 0; c < 3; c++) {
      sum[c] = n == 0 ? 0 : sum[c] / n;
    }
    return sum;
  }

  /** Bilinear, clamped to the edge. */
  private static int sample(Pixels p, double sx, double sy) {
    double x = Math.max(0, Math.min(p.width() - 1.001, sx));
    double y = Math.max(0, Math.min(p.height() - 1.001, sy));
    int x0 = (int) x;
    int y0 = (int) y;
    double fx = x - x0;
    double fy = y - y0;
    int a = p.at(x0, y0);
    int b = p.at(x0 + 1, y0);
    int c = p.at(x0, y0 + 1);
    int d = p.at(x0 + 1, y0 + 1);
    int v = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
      double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
      v |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
    }
    return v;
  }
}
