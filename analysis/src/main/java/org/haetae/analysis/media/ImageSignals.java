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
 * @param width, height the image's size, upright, as the models saw it (the frame of face boxes); 0
 *     when not known
 */
public record ImageSignals(
    Double explicit, Map<String, Double> classes, String model, int faces, int width, int height) {
  public ImageSignals {
    classes = Map.copyOf(classes);
  }

  /** The class the classifier found most likely; ties go to the first name, so it is stable. */
  public String top() {
    return classes.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
