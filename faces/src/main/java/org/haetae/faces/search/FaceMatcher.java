package org.haetae.faces.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haetae.faces.bank.EnrolledFace;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;

/**
 * Compares faces found in images with a bank's people. Linear: a bank holds people, not millions of
 * hashes, and 128-float distances to a few thousand templates cost microseconds.
 */
public final class FaceMatcher {
  /**
   * The default decision threshold on Euclidean distance. On face-api's demo photos, their edits
   * and synthetic face swaps (docs/faces.md) genuine comparisons reached 0.486 at worst and
   * comparisons of different people 0.499 at best; 0.49 sits in that gap. It was chosen on that
   * set, which is all there is here (22 people), so the rates it gives there are optimistic.
   * face-api's examples use 0.6, which here lets different people through (docs/faces.md).
   */
  public static final double DEFAULT_THRESHOLD = 0.49;

  private final List<FaceBank> banks;
  private final double threshold;

  public FaceMatcher(List<FaceBank> banks, double threshold) {
    this.banks = List.copyOf(banks);
    this.threshold = threshold;
  }

  /** Every enrolled person within the threshold of some face, closest first, ranked per face. */
  public List<FaceHit> match(ImageFaces image) {
    List<FaceHit> out = new ArrayList<>();
    for (FoundFace f : image.faces()) {
      out.addAll(candidates(f, threshold));
    }
    out.sort(Comparator.comparingDouble(FaceHit::distance));
    return out;
  }

  /** Enrolled people for one face, closest first, up to {@code maxDistance}. */
  public List<FaceHit> candidates(FoundFace f, double maxDistance) {
    record Scored(FaceBank bank, EnrolledPerson person, double distance) {}
    List<Scored> scored = new ArrayList<>();
    for (FaceBank bank : banks) {
      for (EnrolledPerson p : bank.people()) {
        double best = Double.MAX_VALUE;
        for (EnrolledFace e : p.faces()) {
          if (e.descriptor().modelId().equals(f.descriptor().modelId())) {
            best = Math.min(best, e.descriptor().distance(f.descriptor()));
          }
        }
        if (best <= maxDistance) {
          scored.add(new Scored(bank, p, best));
        }
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::distance));
    List<FaceHit> out = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      out.add(
          new FaceHit(
              s.bank().name(),
              s.person().id(),
              s.person().label(),
              s.distance(),
              Math.max(0, Math.min(1, 1 - s.distance())),
              f.face().box(),
              i + 1));
    }
    return out;
  }
}
