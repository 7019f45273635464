package org.haetae.faces.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.evaluation.FaceEvaluation;
import org.haetae.faces.evaluation.FaceEvaluation.Comparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof: on face-api's demo photos, enrolled people are found in edited copies and in
 * synthetic deepfakes, ranked first, and nobody else passes the threshold.
 */
class FaceSearchTest {
  private static FaceEngine engine;
  private static FaceEvaluation eval;

  @BeforeAll
  static void run() {
    engine = FaceEngine.bundled(FaceEngine.Options.defaults());
    eval = new FaceEvaluation(engine, DemoPhotos.load()).run();
    for (double t : new double[] {0.45, FaceMatcher.DEFAULT_THRESHOLD, 0.55}) {
      System.out.println(eval.rates(t));
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void everyFaceOfTheDemoPhotosIsFoundAndNothingElse() {
    Map<Integer, Long> perPhoto =
        eval.people().stream()
            .collect(
                Collectors.groupingBy(p -> p.photo() + 1, TreeMap::new, Collectors.counting()));
    assertThat(perPhoto).isEqualTo(Map.of(1, 3L, 2, 3L, 3, 3L, 4, 4L, 5, 5L, 6, 4L));
  }

  @Test
  void inEveryDeepfakeThePastedPersonRanksFirstAndIsWithinTheThreshold() {
    List<Comparison> fakes = eval.comparisons().stream().filter(Comparison::deepfake).toList();
    assertThat(fakes).hasSize(eval.people().size());
    for (Comparison c : fakes) {
      assertThat(c.distances()).as(c.probe() + ": face not found").isNotNull();
      assertThat(eval.samePerson(c.nearest(), c.truth()))
          .as(c.probe() + ": nearest enrolled person is " + c.nearest())
          .isTrue();
    }
    // The margin to the threshold is small for the hardest swap (0.486 against 0.49, measured), so
    // one may fall out on another build of ONNX Runtime; more than one is a regression.
    long within =
        fakes.stream()
            .filter(c -> c.distances()[c.truth()] <= FaceMatcher.DEFAULT_THRESHOLD)
            .count();
    assertThat(within)
        .as("deepfakes within the threshold")
        .isGreaterThanOrEqualTo(fakes.size() - 1);
  }

  @Test
  void nobodyElsePassesTheThresholdForAnyProbe() {
    for (Comparison c : eval.comparisons()) {
      if (c.distances() == null) {
        continue;
      }
      for (int q = 0; q < c.distances().length; q++) {
        if (!eval.samePerson(q, c.truth())) {
          assertThat(c.distances()[q])
              .as(c.probe() + ": distance to person " + q + " who is not in it")
              .isGreaterThan(FaceMatcher.DEFAULT_THRESHOLD);
        }
      }
    }
  }

  @Test
  void editedCopiesOfThePhotosStillMatchHerAtTheThreshold() {
    FaceEvaluation.Rates r = eval.rates(FaceMatcher.DEFAULT_THRESHOLD);
    List<Comparison> edits = eval.comparisons().stream().filter(c -> !c.deepfake()).toList();
    long found =
        edits.stream()
            .filter(
                c ->
                    c.distances() != null
                        && c.distances()[c.truth()] <= FaceMatcher.DEFAULT_THRESHOLD)
            .count();
    assertThat((double) found / edits.size()).as(r.toString()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void aMatchNamesTheBankThePersonAndTheBoxRankedClosestFirst() {
    FaceEvaluation.Person p0 = eval.people().get(0);
    FaceEvaluation.Person p1 = eval.people().get(1);
    var bank =
        new org.haetae.faces.bank.FaceBank(
            "victims", List.of(enrolled("alice", p0.enrolled()), enrolled("bora", p1.enrolled())));
    FaceMatcher m = new FaceMatcher(List.of(bank), FaceMatcher.DEFAULT_THRESHOLD);
    ImageFaces seen =
        new ImageFaces(100, 100, List.of(new FoundFace(p1.face(), p1.enrolled())), null, null);
    List<FaceHit> hits = m.match(seen);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).personId()).isEqualTo("bora");
    assertThat(hits.get(0).rank()).isEqualTo(1);
    assertThat(hits.get(0).distance()).isZero();
    assertThat(hits.get(0).box()).isEqualTo(p1.face().box());
    assertThat(hits).noneMatch(h -> h.personId().equals("alice"));
  }

  private static org.haetae.faces.bank.EnrolledPerson enrolled(
      String id, org.haetae.faces.embed.Descriptor d) {
    java.time.Instant t = java.time.Instant.EPOCH;
    return new org.haetae.faces.bank.EnrolledPerson(
        id,
        id,
        new org.haetae.faces.bank.Consent("consent of the person", "test", t),
        t,
        List.of(new org.haetae.faces.bank.EnrolledFace(d, null, 1, t)));
  }
}
