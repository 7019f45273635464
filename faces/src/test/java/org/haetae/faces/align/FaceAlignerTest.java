package org.haetae.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.haetae.faces.detect.Face;
import org.haetae.faces.detect.Face.Box;
import org.haetae.faces.detect.Face.Point;
import org.haetae.faces.embed.Descriptor;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.runtime.Affine;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
  private static Face face(Point rightEye, Point leftEye, Point mouth) {
    return new Face(
        new Box(0, 0, 1, 1),
        List.of(rightEye, leftEye, new Point(0, 0), mouth, new Point(0, 0), new Point(0, 0)),
        1);
  }

  @Test
  void theEyesAndTheMouthLandOnTheTemplate() {
    FaceAligner a = FaceAligner.faceApi();
    Affine m = a.mapFor(face(new Point(100, 100), new Point(140, 100), new Point(120, 150)));
    // Template points (crop pixels) go to the face's points (image pixels).
    assertThat(m.sourceX(75, 0.32 * 150)).isCloseTo(120, within(1e-9));
    assertThat(m.sourceY(75, 0.32 * 150)).isCloseTo(100, within(1e-9));
    assertThat(m.sourceX(75, 0.68 * 150)).isCloseTo(120, within(1e-9));
    assertThat(m.sourceY(75, 0.68 * 150)).isCloseTo(150, within(1e-9));
  }

  @Test
  void aTiltedFaceIsTurnedUpright() {
    FaceAligner a = FaceAligner.faceApi();
    double t = Math.toRadians(30);
    // Eyes-to-mouth is 50 px long, turned 30 degrees clockwise from straight down.
    Point eyes = new Point(200, 200);
    Point mouth = new Point(200 - 50 * Math.sin(t), 200 + 50 * Math.cos(t));
    Affine m = a.mapFor(face(new Point(190, 200), new Point(210, 200), mouth));
    // A step straight down in the crop is a step along the tilted line in the image.
    double dx = m.sourceX(75, 101) - m.sourceX(75, 100);
    double dy = m.sourceY(75, 101) - m.sourceY(75, 100);
    assertThat(Math.atan2(-dx, dy)).isCloseTo(t, within(1e-9));
    assertThat(m.sourceX(75, 48)).isCloseTo(eyes.x(), within(1e-9));
    // 54 crop pixels between eyes and mouth span the 50 image pixels.
    assertThat(m.scale()).isCloseTo(50.0 / 54, within(1e-9));
  }

  /**
   * On a real photo turned by 20 degrees, the upright crop gives nearly the descriptor of the
   * untouched photo: a pasted, tilted face is still found.
   */
  @Test
  void aTurnedPhotoGivesNearlyTheSameDescriptor() {
    BufferedImage photo = DemoPhotos.load().get(5);
    try (FaceEngine engine = FaceEngine.bundled(FaceEngine.Options.defaults())) {
      var faces = engine.analyse(new Sampler(Pixels.of(photo))).faces();
      var first = faces.get(0);
      Descriptor upright = first.descriptor();
      Box b = first.face().box();
      for (int degrees : new int[] {-20, 20}) {
        AffineTransform turn =
            AffineTransform.getRotateInstance(
                Math.toRadians(degrees), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
        java.awt.geom.Point2D at =
            turn.transform(
                new java.awt.geom.Point2D.Double(b.x() + b.width() / 2, b.y() + b.height() / 2),
                null);
        BufferedImage turned = rotate(photo, turn);
        double d = upright.distance(nearest(engine, turned, at));
        System.out.printf("photo 6 turned %+d degrees: descriptor distance %.3f%n", degrees, d);
        assertThat(d).as("turned %d degrees", degrees).isLessThan(0.2);
      }
    }
  }

  /** The descriptor of the face found nearest to where the turned face must be. */
  private static Descriptor nearest(
      FaceEngine engine, BufferedImage img, java.awt.geom.Point2D at) {
    return engine.analyse(new Sampler(Pixels.of(img))).faces().stream()
        .min(
            java.util.Comparator.comparingDouble(
                f ->
                    at.distance(
                        f.face().box().x() + f.face().box().width() / 2,
                        f.face().box().y() + f.face().box().height() / 2)))
        .orElseThrow()
        .descriptor();
  }

  private static BufferedImage rotate(BufferedImage img, AffineTransform turn) {
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, turn, null);
    g.dispose();
    return out;
  }
}
