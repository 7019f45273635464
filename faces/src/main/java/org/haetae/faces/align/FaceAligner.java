package org.haetae.faces.align;

import org.haetae.faces.detect.Face;
import org.haetae.faces.detect.Face.Point;
import org.haetae.faces.runtime.Affine;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;

/**
 * Cuts a face out as the square, upright crop the embedding network expects.
 *
 * <p>face-api's own pipeline finds 68 landmarks, takes their bounding box padded by a fifth, and
 * resizes it to 150 x 150 without turning it. Haetae has BlazeFace's eyes and mouth instead of 68
 * landmarks, so it maps the midpoint of the eyes and the mouth to where they fall, on average, in
 * face-api's crops of the same faces (measured on face-api's demo photos; see docs/faces.md), and
 * also turns the face upright: a pasted face in a deepfake is often tilted, and an upright crop is
 * what the network was trained on (dlib's face chips).
 *
 * @param side output side in pixels
 * @param eyesX, eyesY where the midpoint between the eyes goes, as fractions of the side
 * @param mouthY where the mouth goes, straight below the eyes' midpoint
 */
public record FaceAligner(int side, double eyesX, double eyesY, double mouthY) {

  /** The template fitted to face-api's 150-pixel crops of its demo faces. */
  public static FaceAligner faceApi() {
    return new FaceAligner(150, 0.5, 0.32, 0.68);
  }

  /** The map from crop pixels to image pixels for this face. */
  public Affine mapFor(Face face) {
    Point re = face.keypoints().get(Face.RIGHT_EYE);
    Point le = face.keypoints().get(Face.LEFT_EYE);
    Point mouth = face.keypoints().get(Face.MOUTH);
    double ex = (re.x() + le.x()) / 2;
    double ey = (re.y() + le.y()) / 2;
    // Upright means the eyes-to-mouth line is vertical; that survives a wink or a profile view
    // better than the line between the eyes.
    return Affine.similarity(
        eyesX * side, eyesY * side, eyesX * side, mouthY * side, ex, ey, mouth.x(), mouth.y());
  }

  /** The crop as model input: NHWC floats, RGB 0..255. */
  public float[] crop(Sampler image, Face face) {
    return image.sample(mapFor(face), side, side, 1f, 0f);
  }

  /** The crop as an image, to show a reviewer what was compared (never stored). */
  public Pixels cropPixels(Sampler image, Face face) {
    return image.sampleRgb(mapFor(face), side, side);
  }
}
