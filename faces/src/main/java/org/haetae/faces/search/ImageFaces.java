package org.haetae.faces.search;

import java.util.List;
import org.haetae.faces.explicit.ExplicitScores;

/**
 * What the models saw in one image.
 *
 * @param explicit null when explicit scoring was off
 * @param synthetic the synthetic-media detector's score, or null when none is installed
 */
public record ImageFaces(
    int width, int height, List<FoundFace> faces, ExplicitScores explicit, Double synthetic) {
  public ImageFaces {
    faces = List.copyOf(faces);
  }
}
