package org.haetae.faces.synthetic;

import org.haetae.faces.runtime.Sampler;

/**
 * The slot for a detector of synthetic (AI-made) imagery. Haetae ships none: no detector that can
 * be shipped here holds up on new generators, and a wrong "this is fake" or "this is real" in an
 * evidence report does harm. What Haetae reports instead is an enrolled face and an explicit score
 * on the same image. A deployment with a licensed detector implements this and passes it to {@link
 * org.haetae.faces.search.FaceEngine}; its id and score are then recorded with each image.
 */
public interface SyntheticDetector {
  String modelId();

  /** Probability, 0..1, that the image was generated or manipulated. */
  double score(Sampler image);
}
