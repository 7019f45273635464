package org.haetae.faces.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.haetae.faces.bank.Consent;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.detect.Face;
import org.haetae.faces.evaluation.DemoPhotos;
import org.haetae.faces.evaluation.Variants;
import org.haetae.faces.runtime.Pixels;
import org.haetae.faces.runtime.Sampler;
import org.haetae.faces.search.FaceEngine;
import org.haetae.hashing.image.ImageDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceEnrolmentTest {
  @TempDir static Path dir;
  static FaceEngine engine;
  static Path portrait;
  static Path group;
  static Path blank;
  static Path truncated;

  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
  private static final Consent CONSENT = new Consent("consent of the person", "staff-1", T);

  @BeforeAll
  static void photos() throws Exception {
    engine = FaceEngine.bundled(FaceEngine.Options.defaults());
    BufferedImage photo = DemoPhotos.load().get(3);
    Face f = engine.detect(new Sampler(Pixels.of(photo))).get(0);
    double cx = f.box().x() + f.box().width() / 2;
    double cy = f.box().y() + f.box().height() / 2;
    double half = f.box().width();
    portrait = dir.resolve("portrait.jpg");
    ImageIO.write(
        Variants.crop(
            photo,
            new int[] {(int) (cx - half), (int) (cy - half), (int) (cx + half), (int) (cy + half)}),
        "jpg",
        portrait.toFile());
    group = dir.resolve("group.jpg");
    ImageIO.write(photo, "jpg", group.toFile());
    blank = dir.resolve("blank.png");
    ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
    byte[] whole = Files.readAllBytes(portrait);
    truncated = dir.resolve("truncated.jpg");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 3));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static FaceEnrolment enrolment() {
    return new FaceEnrolment(engine, new ImageDecoder(), Clock.fixed(T, ZoneOffset.UTC));
  }

  @Test
  void onePhotoOfHerFaceGivesOneTemplateAndTheOthersAreNamedWithTheirReason() throws Exception {
    FaceEnrolment.Result r =
        enrolment()
            .enrol(
                new FaceBank("victims", List.of()),
                "alice",
                "case 2026-17",
                CONSENT,
                List.of(portrait, group, blank, truncated));
    assertThat(r.person().faces()).hasSize(1);
    assertThat(r.person().faces().get(0).photoSha256())
        .isEqualTo(org.haetae.hashing.digest.ContentDigests.of(portrait).sha256());
    assertThat(r.person().faces().get(0).descriptor().modelId()).isEqualTo(engine.embedderId());
    assertThat(r.person().consent()).isEqualTo(CONSENT);
    assertThat(r.photos())
        .extracting(FaceEnrolment.PhotoOutcome::enrolled)
        .containsExactly(true, false, false, false);
    assertThat(r.photos().get(1).reason()).contains("faces of similar size");
    assertThat(r.photos().get(2).reason()).isEqualTo("no face found");
    assertThat(r.photos().get(3).reason()).isNotBlank();
  }

  @Test
  void noUsablePhotoIsAnErrorNamingEachPhoto() {
    assertThatThrownBy(
            () ->
                enrolment()
                    .enrol(
                        new FaceBank("victims", List.of()),
                        "bora",
                        "bora",
                        CONSENT,
                        List.of(blank, group)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank.png: no face found")
        .hasMessageContaining("group.jpg");
  }
}
