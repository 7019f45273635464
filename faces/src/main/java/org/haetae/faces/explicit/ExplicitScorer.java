package org.haetae.faces.explicit;

import java.nio.FloatBuffer;
import org.haetae.faces.runtime.Affine;
import org.haetae.faces.runtime.OnnxModel;
import org.haetae.faces.runtime.Sampler;

/**
 * Scores an image with nsfwjs's MobileNetV2 (224 x 224 RGB / 255, the whole image stretched to a
 * square as nsfwjs does).
 */
public final class ExplicitScorer {
  public static final int INPUT = 224;

  private final OnnxModel model;

  public ExplicitScorer(OnnxModel model) {
    this.model = model;
  }

  public String modelId() {
    return model.id();
  }

  public ExplicitScores score(Sampler image) {
    int w = image.image().width();
    int h = image.image().height();
    double sx = (double) w / INPUT;
    double sy = (double) h / INPUT;
    Affine map = new Affine(sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5);
    float[] input = image.sample(map, INPUT, INPUT, 1f / 255f, 0f);
    float[] p = model.run(FloatBuffer.wrap(input), new long[] {1, INPUT, INPUT, 3})[0];
    return new ExplicitScores(model.id(), p[0], p[1], p[2], p[3], p[4]);
  }
}
