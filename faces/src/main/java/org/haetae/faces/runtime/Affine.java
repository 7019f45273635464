package org.haetae.faces.runtime;

/**
 * Maps an output pixel (x, y) to source coordinates: {@code sx = a*x + b*y + c, sy = d*x + e*y +
 * f}. Coordinates are pixel centres: pixel k sits at k.
 */
public record Affine(double a, double b, double c, double d, double e, double f) {

  /** Output n x n pixels covering the square [x0, x0+side) x [y0, y0+side) of the source. */
  public static Affine square(double x0, double y0, double side, int n) {
    double s = side / n;
    return new Affine(s, 0, x0 + 0.5 * s - 0.5, 0, s, y0 + 0.5 * s - 0.5);
  }

  /**
   * The rotation, scale and shift that takes the output points {@code (ox1, oy1)}, {@code (ox2,
   * oy2)} to the source points {@code (sx1, sy1)}, {@code (sx2, sy2)}.
   */
  public static Affine similarity(
      double ox1,
      double oy1,
      double ox2,
      double oy2,
      double sx1,
      double sy1,
      double sx2,
      double sy2) {
    double odx = ox2 - ox1;
    double ody = oy2 - oy1;
    double sdx = sx2 - sx1;
    double sdy = sy2 - sy1;
    double norm = odx * odx + ody * ody;
    // Complex division: (sdx + i sdy) / (odx + i ody) = scale * rotation.
    double p = (sdx * odx + sdy * ody) / norm;
    double q = (sdy * odx - sdx * ody) / norm;
    return new Affine(p, -q, sx1 - (p * ox1 - q * oy1), q, p, sy1 - (q * ox1 + p * oy1));
  }

  /** How many source pixels one output pixel spans. */
  public double scale() {
    return Math.sqrt(Math.abs(a * e - b * d));
  }

  public double sourceX(double x, double y) {
    return a * x + b * y + c;
  }

  public double sourceY(double x, double y) {
    return d * x + e * y + f;
  }

  /** The same map onto a source shrunk by half in each direction. */
  Affine onHalf() {
    return new Affine(a / 2, b / 2, (c - 0.5) / 2, d / 2, e / 2, (f - 0.5) / 2);
  }
}
