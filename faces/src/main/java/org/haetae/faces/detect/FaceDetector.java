package org.haetae.faces.detect;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haetae.faces.detect.Face.Box;
import org.haetae.faces.detect.Face.Point;
import org.haetae.faces.runtime.Affine;
import org.haetae.faces.runtime.OnnxModel;
import org.haetae.faces.runtime.Sampler;

/**
 * Finds faces with MediaPipe BlazeFace (the 256-pixel "back camera" model).
 *
 * <p>BlazeFace sees a 256 x 256 view; a face that spans 30 pixels of a 2000-pixel group photo is 4
 * pixels there and invisible. So the image is looked at whole, then in overlapping square tiles of
 * half its size, and (for large images) a quarter; each view's detections are mapped back and
 * merged. A detection cut by a tile's edge is dropped when that edge is inside the image, because a
 * neighbouring tile, which overlaps by half, sees the whole face.
 */
public final class FaceDetector {
  /** BlazeFace's input side. */
  public static final int INPUT = 256;

  /**
   * @param minScore detections below this are dropped
   * @param maxLevels 1 looks at the whole image only; 2 adds half-size tiles; 3 quarter-size tiles
   * @param minTileSide tiles are never smaller than this many source pixels (no upsampling beyond
   *     this: tiny tiles cost time and find only noise)
   */
  public record Options(double minScore, int maxLevels, int minTileSide) {
    public static Options defaults() {
      return new Options(0.7, 2, 256);
    }
  }

  private static final int[] CELLS = {16, 8};
  private static final int[] ANCHORS = {2, 6};
  private static final double MERGE_IOU = 0.3;
  private static final double EDGE_MARGIN = 2.0; // output pixels

  private final OnnxModel model;
  private final Options options;

  public FaceDetector(OnnxModel model, Options options) {
    this.model = model;
    this.options = options;
  }

  public String modelId() {
    return model.id();
  }

  /** Every face found, best first. */
  public List<Face> detect(Sampler image) {
    int w = image.image().width();
    int h = image.image().height();
    List<Face> all = new ArrayList<>();
    double longSide = Math.max(w, h);
    // The whole image, letterboxed into a square.
    all.addAll(detectIn(image, 0, 0, longSide, false, w, h));
    double side = longSide / 2;
    for (int level = 2;
        level <= options.maxLevels() && side >= options.minTileSide();
        level++, side /= 2) {
      double step = side / 2;
      for (double y0 : starts(h, side, step)) {
        for (double x0 : starts(w, side, step)) {
          all.addAll(detectIn(image, x0, y0, side, true, w, h));
        }
      }
    }
    return suppress(all);
  }

  /** Tile origins covering [0, length) with the given step, the last flush with the end. */
  private static List<Double> starts(int length, double side, double step) {
    List<Double> out = new ArrayList<>();
    if (side >= length) {
      out.add((length - side) / 2);
      return out;
    }
    for (double s = 0; ; s += step) {
      if (s + side >= length) {
        out.add(length - side);
        break;
      }
      out.add(s);
    }
    return out;
  }

  private List<Face> detectIn(
      Sampler image, double x0, double y0, double side, boolean dropCut, int w, int h) {
    Affine map = Affine.square(x0, y0, side, INPUT);
    float[] input = image.sample(map, INPUT, INPUT, 1f / 127.5f, -1f);
    float[][] out = model.run(FloatBuffer.wrap(input), new long[] {1, INPUT, INPUT, 3});
    List<Face> raw = new ArrayList<>();
    double scale = side / INPUT;
    for (int layer = 0; layer < 2; layer++) {
      float[] scores = out[layer];
      float[] boxes = out[2 + layer];
      int cells = CELLS[layer];
      int anchors = ANCHORS[layer];
      for (int cy = 0; cy < cells; cy++) {
        for (int cx = 0; cx < cells; cx++) {
          for (int a = 0; a < anchors; a++) {
            int i = (cy * cells + cx) * anchors + a;
            double score = 1 / (1 + Math.exp(-scores[i]));
            if (score < options.minScore()) {
              continue;
            }
            double ax = (cx + 0.5) / cells * INPUT;
            double ay = (cy + 0.5) / cells * INPUT;
            int b = i * 16;
            double cxIn = ax + boxes[b];
            double cyIn = ay + boxes[b + 1];
            double bw = boxes[b + 2];
            double bh = boxes[b + 3];
            double left = cxIn - bw / 2;
            double top = cyIn - bh / 2;
            if (dropCut
                && (cutAt(left, x0 > 0)
                    || cutAt(top, y0 > 0)
                    || cutAt(INPUT - (left + bw), x0 + side < w)
                    || cutAt(INPUT - (top + bh), y0 + side < h))) {
              continue;
            }
            List<Point> kp = new ArrayList<>(6);
            for (int k = 0; k < 6; k++) {
              kp.add(
                  new Point(
                      x0 + (ax + boxes[b + 4 + 2 * k]) * scale,
                      y0 + (ay + boxes[b + 5 + 2 * k]) * scale));
            }
            raw.add(
                new Face(
                    new Box(x0 + left * scale, y0 + top * scale, bw * scale, bh * scale),
                    kp,
                    score));
          }
        }
      }
    }
    return blend(raw);
  }

  private static boolean cutAt(double distanceToEdge, boolean edgeInsideImage) {
    return edgeInsideImage && distanceToEdge < EDGE_MARGIN;
  }

  /**
   * Within one view, overlapping anchors are the same face: average their geometry weighted by
   * score, as MediaPipe does, which steadies the box and the keypoints.
   */
  private static List<Face> blend(List<Face> raw) {
    raw.sort(Comparator.comparingDouble(Face::score).reversed());
    List<Face> out = new ArrayList<>();
    boolean[] used = new boolean[raw.size()];
    for (int i = 0; i < raw.size(); i++) {
      if (used[i]) {
        continue;
      }
      Face best = raw.get(i);
      double wsum = 0;
      double bx = 0;
      double by = 0;
      double bw = 0;
      double bh = 0;
      double[] kx = new double[6];
      double[] ky = new double[6];
      for (int j = i; j < raw.size(); j++) {
        Face f = raw.get(j);
        if (used[j] || best.box().iou(f.box()) < MERGE_IOU) {
          continue;
        }
        used[j] = true;
        double wt = f.score();
        wsum += wt;
        bx += f.box().x() * wt;
        by += f.box().y() * wt;
        bw += f.box().width() * wt;
        bh += f.box().height() * wt;
        for (int k = 0; k < 6; k++) {
          kx[k] += f.keypoints().get(k).x() * wt;
          ky[k] += f.keypoints().get(k).y() * wt;
        }
      }
      List<Point> kp = new ArrayList<>(6);
      for (int k = 0; k < 6; k++) {
        kp.add(new Point(kx[k] / wsum, ky[k] / wsum));
      }
      out.add(new Face(new Box(bx / wsum, by / wsum, bw / wsum, bh / wsum), kp, best.score()));
    }
    return out;
  }

  /** Across views, keep the most confident of overlapping detections. */
  private static List<Face> suppress(List<Face> all) {
    all.sort(Comparator.comparingDouble(Face::score).reversed());
    List<Face> kept = new ArrayList<>();
    for (Face f : all) {
      boolean overlaps = false;
      for (Face k : kept) {
        if (k.box().iou(f.box()) >= MERGE_IOU
            || contains(k.box(), f.box())
            || contains(f.box(), k.box())) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** True when most of {@code inner} lies inside {@code outer}. */
  private static boolean contains(Box outer, Box inner) {
    double ix =
        Math.min(outer.x() + outer.width(), inner.x() + inner.width())
            - Math.max(outer.x(), inner.x());
    double iy =
        Math.min(outer.y() + outer.height(), inner.y() + inner.height())
            - Math.max(outer.y(), inner.y());
    return ix > 0 && iy > 0 && ix * iy > 0.7 * inner.area();
  }
}
