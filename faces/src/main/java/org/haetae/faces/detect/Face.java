package org.haetae.faces.detect;

import java.util.List;

/**
 * A detected face in image pixel coordinates.
 *
 * @param box the face's box
 * @param keypoints six points in BlazeFace's order: the subject's right eye, left eye, nose tip,
 *     mouth centre, right ear, left ear (the subject's right is the image's left)
 * @param score detector confidence, 0..1
 */
public record Face(Box box, List<Point> keypoints, double score) {
  public static final int RIGHT_EYE = 0;
  public static final int LEFT_EYE = 1;
  public static final int NOSE = 2;
  public static final int MOUTH = 3;

  public Face {
    keypoints = List.copyOf(keypoints);
  }

  /** A point in image pixels. */
  public record Point(double x, double y) {}

  /** An axis-aligned box in image pixels. */
  public record Box(double x, double y, double width, double height) {
    public double area() {
      return Math.max(0, width) * Math.max(0, height);
    }

    public double iou(Box o) {
      double ix = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
      double iy = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
      if (ix <= 0 || iy <= 0) {
        return 0;
      }
      double inter = ix * iy;
      return inter / (area() + o.area() - inter);
    }
  }
}
