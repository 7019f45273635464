package org.haetae.faces.enrol;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haetae.faces.bank.Consent;
import org.haetae.faces.bank.EnrolledFace;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.detect.Face;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.image.DecodedImage;
import org.haetae.hashing.image.ExifOrientation;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;

/**
 * Enrols a person from her photos: one face per photo, the descriptor kept, the photo not.
 *
 * <p>A photo must show one clear face. With several, the largest is taken only when it is clearly
 * the subject (at least twice the area of the next); otherwise the photo is refused, because
 * enrolling a bystander would send her face to review queues.
 */
public final class FaceEnrolment {
  /** What happened to one photo. */
  public record PhotoOutcome(Path photo, boolean enrolled, String reason, double quality) {}

  /** The updated bank and what each photo gave. */
  public record Result(FaceBank bank, EnrolledPerson person, List<PhotoOutcome> photos) {}

  private final FaceEngine engine;
  private final ImageDecoder decoder;
  private final Clock clock;

  public FaceEnrolment(FaceEngine engine, ImageDecoder decoder, Clock clock) {
    this.engine = engine;
    this.decoder = decoder;
    this.clock = clock;
  }

  /**
   * @return the bank with the person added (or her templates extended); the caller saves it
   * @throws IllegalArgumentException when no photo gave a face
   */
  public Result enrol(
      FaceBank bank, String personId, String label, Consent consent, List<Path> photos) {
    List<EnrolledFace> faces = new ArrayList<>();
    List<PhotoOutcome> outcomes = new ArrayList<>();
    for (Path photo : photos) {
      try {
        byte[] bytes = decoder.readFile(photo);
        DecodedImage d = decoder.decode(bytes);
        var image = ExifOrientation.apply(d.image(), ExifOrientation.read(bytes));
        Sampler sampler = new Sampler(Pixels.of(image));
        List<Face> found = engine.detect(sampler);
        Face subject = subject(found);
        if (subject == null) {
          outcomes.add(
              new PhotoOutcome(
                  photo,
                  false,
                  found.isEmpty()
                      ? "no face found"
                      : found.size() + " faces of similar size: crop the photo to her face",
                  0));
          continue;
        }
        faces.add(
            new EnrolledFace(
                engine.embedder().embed(engine.aligner().crop(sampler, subject)),
                ContentDigests.of(bytes).sha256(),
                subject.score(),
                clock.instant()));
        outcomes.add(new PhotoOutcome(photo, true, "enrolled", subject.score()));
      } catch (ImageDecodeException e) {
        outcomes.add(new PhotoOutcome(photo, false, e.getMessage(), 0));
      }
    }
    if (faces.isEmpty()) {
      throw new IllegalArgumentException(
          "no photo gave a face: "
              + outcomes.stream().map(o -> o.photo() + ": " + o.reason()).toList());
    }
    EnrolledPerson person = new EnrolledPerson(personId, label, consent, clock.instant(), faces);
    FaceBank updated = bank.with(person);
    return new Result(updated, updated.person(personId).orElseThrow(), outcomes);
  }

  /** The one face a photo is of, or null when there is none or it is ambiguous. */
  static Face subject(List<Face> faces) {
    if (faces.isEmpty()) {
      return null;
    }
    List<Face> bySize =
        faces.stream()
            .sorted(Comparator.comparingDouble((Face f) -> f.box().area()).reversed())
            .toList();
    if (bySize.size() == 1 || bySize.get(0).box().area() >= 2 * bySize.get(1).box().area()) {
      return bySize.get(0);
    }
    return null;
  }
}
