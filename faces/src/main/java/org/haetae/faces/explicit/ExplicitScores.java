package org.haetae.faces.explicit;

/**
 * How an image classifier sees one image. A triage signal that orders human review, never a
 * finding: the classifier errs on skin, swimwear and drawings.
 *
 * @param modelId the classifier that scored it
 * @param drawing, hentai, neutral, porn, sexy nsfwjs's five class probabilities (sum to 1)
 */
public record ExplicitScores(
    String modelId, double drawing, double hentai, double neutral, double porn, double sexy) {

  /** Probability the image is sexually explicit (photographic or drawn). */
  public double explicit() {
    return porn + hentai;
  }

  /** The class the classifier thinks most likely. */
  public String top() {
    String[] names = {"drawing", "hentai", "neutral", "porn", "sexy"};
    double[] p = {drawing, hentai, neutral, porn, sexy};
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return names[best];
  }
}
