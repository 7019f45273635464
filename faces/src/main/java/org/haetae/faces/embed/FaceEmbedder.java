package org.haetae.faces.embed;

/**
 * Turns an aligned face crop into a descriptor. Pluggable: a stronger, licensed model can replace
 * the bundled one; every descriptor carries the id of the model that made it, and descriptors of
 * different models are never compared.
 */
public interface FaceEmbedder {
  /** Recorded with every descriptor, e.g. {@code face-api-1.7.15/face_recognition}. */
  String modelId();

  /** The crop side the model takes (square, RGB 0..255, NHWC). */
  int inputSide();

  /** One descriptor per crop. */
  Descriptor embed(float[] crop);
}
