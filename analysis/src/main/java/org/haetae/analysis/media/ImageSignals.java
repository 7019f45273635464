package org.haetae.analysis.media;

import java.util.Map;

/**
 * What the image models said about one file: triage signals that order review, not findings.
 *
 * @param explicit probability the image is sexually explicit (nsfwjs porn + hentai), or null when
 *     not scored
 * @param classes each class's probability
 * @param model the classifier's id
 * @param faces faces the detector found
 */
public record ImageSignals(Double explicit, Map<String, Double> classes, String model, int faces) {
  public ImageSignals {
    classes = Map.copyOf(classes);
  }
}
