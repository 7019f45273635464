package org.haetae.faces.evaluation;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haetae.faces.detect.Face;
import org.haetae.faces.detect.Face.Box;
import org.haetae.faces.embed.Descriptor;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.haetae.faces.search.FoundFace;
import org.haetae.faces.search.ImageFaces;

/**
 * Measures face search on face-api's demo photos: every face is a person; each is enrolled from its
 * original photo and looked for in edited copies of the photos (re-encoded, mirrored, darker,
 * brighter, smaller, cropped) and in synthetic deepfakes (her face pasted over another person's in
 * another photo). Shared by the tests and {@code haetae bench faces}.
 */
public final class FaceEvaluation {
  /** One person: the photo and the face she was enrolled from. */
  public record Person(int photo, Face face, Descriptor enrolled) {}

  /**
   * One probe face compared with every enrolled person.
   *
   * @param truth the person the face is (index into people), or -1 when unknown
   * @param distances distance to each enrolled person
   */
  public record Comparison(String probe, int truth, double[] distances, boolean deepfake) {
    /** Index of the nearest enrolled person. */
    public int nearest() {
      int best = 0;
      for (int i = 1; i < distances.length; i++) {
        if (distances[i] < distances[best]) {
          best = i;
        }
      }
      return best;
    }
  }

  /** Error rates at a threshold. */
  public record Rates(
      double threshold,
      int genuine,
      int trueMatches,
      int impostor,
      int falseMatches,
      int deepfakes,
      int deepfakesRankedFirst,
      int deepfakesMatched,
      int probesMissed) {
    public double trueMatchRate() {
      return genuine == 0 ? 0 : (double) trueMatches / genuine;
    }

    public double falseMatchRate() {
      return impostor == 0 ? 0 : (double) falseMatches / impostor;
    }

    @Override
    public String toString() {
      return String.format(
          "threshold %.2f: true-match rate %.3f (%d/%d), false-match rate %.5f (%d/%d);"
              + " deepfakes: enrolled person ranked first %d/%d, within threshold %d/%d;"
              + " probe faces not detected %d",
          threshold,
          trueMatchRate(),
          trueMatches,
          genuine,
          falseMatchRate(),
          falseMatches,
          impostor,
          deepfakesRankedFirst,
          deepfakes,
          deepfakesMatched,
          deepfakes,
          probesMissed);
    }
  }

  /**
   * Two faces of the demo photos that look like one woman photographed twice (photo 1 right, photo
   * 3 centre). Haetae's descriptors put them 0.41 to 0.46 apart, the range of two photos of one
   * person; face-api's own pipeline, which does not turn a tilted head upright, puts them 0.60
   * apart. Nobody knows the truth, so {@link #rates(double)} leaves the pair out and {@link
   * #ratesCountingLookAlikes(double)} counts it as two different people. Given by where the faces
   * are.
   */
  private static final double[][] SAME_WOMAN = {{0, 1566, 335}, {2, 1186, 385}};

  private final FaceEngine engine;
  private final java.util.Set<Integer> sameWoman = new java.util.HashSet<>();
  private final List<BufferedImage> photos = new ArrayList<>();
  private final List<Person> people = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();
  private int images;

  public FaceEvaluation(FaceEngine engine, List<BufferedImage> photos) {
    this.engine = engine;
    this.photos.addAll(photos);
    for (int i = 0; i < photos.size(); i++) {
      ImageFaces seen = engine.analyse(photos.get(i));
      for (FoundFace f : seen.faces()) {
        people.add(new Person(i, f.face(), f.descriptor()));
      }
    }
    for (double[] at : SAME_WOMAN) {
      for (int q = 0; q < people.size(); q++) {
        Box b = people.get(q).face().box();
        if (people.get(q).photo() == (int) at[0]
            && Math.hypot(b.x() + b.width() / 2 - at[1], b.y() + b.height() / 2 - at[2]) < 100) {
          sameWoman.add(q);
        }
      }
    }
  }

  /** True when people {@code a} and {@code b} are, or may be, the same person. */
  public boolean samePerson(int a, int b) {
    return a == b || (sameWoman.contains(a) && sameWoman.contains(b));
  }

  public List<Person> people() {
    return people;
  }

  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** Images analysed by {@link #run()}. */
  public int images() {
    return images;
  }

  /** Looks for everyone in the edited photos and the deepfakes. */
  public FaceEvaluation run() {
    for (int p = 0; p < people.size(); p++) {
      Person person = people.get(p);
      BufferedImage original = photos.get(person.photo());
      for (Variants.Variant v : Variants.of(person.face().box())) {
        BufferedImage edited = v.image().apply(original);
        List<Box> truthBoxes = new ArrayList<>();
        List<Integer> truthIds = new ArrayList<>();
        for (int q = 0; q < people.size(); q++) {
          if (people.get(q).photo() == person.photo()) {
            truthBoxes.add(
                v.box()
                    .apply(people.get(q).face().box(), original.getWidth(), original.getHeight()));
            truthIds.add(q);
          }
        }
        probe(
            "photo " + (person.photo() + 1) + " " + v.name() + " (for person " + p + ")",
            edited,
            truthBoxes,
            truthIds,
            p,
            false);
      }
      // Her face over someone else's, in the next photo.
      int targetPhoto = (person.photo() + 1) % photos.size();
      List<Integer> there = new ArrayList<>();
      for (int q = 0; q < people.size(); q++) {
        if (people.get(q).photo() == targetPhoto) {
          there.add(q);
        }
      }
      int victimOfSwap = there.get(p % there.size());
      Person target = people.get(victimOfSwap);
      double scale = 0.9 + 0.1 * (p % 4);
      double degrees = (p % 2 == 0 ? 1 : -1) * (4 + 2 * (p % 3));
      Pixels fake =
          FaceSwap.paste(
              Pixels.of(original),
              person.face(),
              Pixels.of(photos.get(targetPhoto)),
              target.face(),
              scale,
              degrees);
      List<Box> boxes = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (int q : there) {
        boxes.add(people.get(q).face().box());
        ids.add(q == victimOfSwap ? p : q);
      }
      probe(
          String.format(
              "deepfake: person %d over person %d (scale %.1f, %+.0f deg)",
              p, victimOfSwap, scale, degrees),
          fake.toImage(),
          boxes,
          ids,
          p,
          true);
    }
    return this;
  }

  /** Detects faces in the probe and compares the one at each known place with everyone. */
  private void probe(
      String name,
      BufferedImage image,
      List<Box> truthBoxes,
      List<Integer> truthIds,
      int focus,
      boolean deepfake) {
    images++;
    ImageFaces seen = engine.analyse(new Sampler(Pixels.of(image)));
    for (int t = 0; t < truthBoxes.size(); t++) {
      Box expected = truthBoxes.get(t);
      int id = truthIds.get(t);
      if (id != focus) {
        continue; // each probe image stands for one person; the others are counted in their own
      }
      FoundFace best =
          seen.faces().stream()
              .filter(f -> f.face().box().iou(expected) > 0.25)
              .max(Comparator.comparingDouble(f -> f.face().box().iou(expected)))
              .orElse(null);
      if (best == null) {

        comparisons.add(new Comparison(name, id, null, deepfake));
        continue;
      }
      double[] d = new double[people.size()];
      for (int q = 0; q < people.size(); q++) {
        d[q] = people.get(q).enrolled().distance(best.descriptor());
      }
      comparisons.add(new Comparison(name, id, d, deepfake));
    }
  }

  /** Rates at {@code threshold}; a probe face that was not detected counts as a missed match. */
  public Rates rates(double threshold) {
    return rates(threshold, false);
  }

  /** The same, counting the two look-alike faces as different people. */
  public Rates ratesCountingLookAlikes(double threshold) {
    return rates(threshold, true);
  }

  private Rates rates(double threshold, boolean lookAlikesDiffer) {
    int genuine = 0;
    int tm = 0;
    int impostor = 0;
    int fm = 0;
    int fakes = 0;
    int first = 0;
    int fakeMatched = 0;
    int miss = 0;
    for (Comparison c : comparisons) {
      genuine++;
      if (c.deepfake()) {
        fakes++;
      }
      if (c.distances() == null) {
        miss++;
        continue;
      }
      if (c.distances()[c.truth()] <= threshold) {
        tm++;
        if (c.deepfake()) {
          fakeMatched++;
        }
      }
      if (c.deepfake() && samePerson(c.nearest(), c.truth())) {
        first++;
      }
      for (int q = 0; q < c.distances().length; q++) {
        if (lookAlikesDiffer ? q != c.truth() : !samePerson(q, c.truth())) {
          impostor++;
          if (c.distances()[q] <= threshold) {
            fm++;
          }
        }
      }
    }
    return new Rates(threshold, genuine, tm, impostor, fm, fakes, first, fakeMatched, miss);
  }
}
