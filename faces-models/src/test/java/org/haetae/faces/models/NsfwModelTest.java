package org.haetae.faces.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.convert.JsLiteral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted nsfwjs MobileNetV2 gives the probabilities nsfwjs 4.4.0 computes (TensorFlow.js CPU
 * backend, {@code NSFWJS.infer}) to 1e-4, on procedural images and on the demo photos.
 */
class NsfwModelTest {
  private static final BundledModel MODEL = BundledModel.NSFWJS_MOBILENET_V2;
  private static OrtSession session;

  @BeforeAll
  static void open() throws OrtException {
    session = Fixtures.session(MODEL);
  }

  @AfterAll
  static void close() throws OrtException {
    session.close();
  }

  @Test
  void theGraphHasTheDocumentedContract() throws OrtException {
    assertThat(session.getInputNames()).containsExactly("input");
    assertThat(session.getOutputNames()).containsExactly("scores");
    assertThat(session.getMetadata().getCustomMetadata())
        .containsEntry("haetae.model.id", MODEL.id())
        .containsEntry("source.package", "nsfwjs")
        .containsEntry("source.version", "4.4.0");
  }

  @Test
  void theClassOrderIsNsfwjsOwn() throws Exception {
    String classes =
        Files.readString(
            Fixtures.npmDir().resolve("nsfwjs-4.4.0/package/dist/esm/nsfw_classes.js"),
            StandardCharsets.UTF_8);
    for (int i = 0; i < BundledModel.NSFW_CLASSES.size(); i++) {
      assertThat(classes).contains(i + ": '" + BundledModel.NSFW_CLASSES.get(i) + "'");
    }
    assertThat(classes).doesNotContain(BundledModel.NSFW_CLASSES.size() + ": '");
  }

  @Test
  void proceduralImagesGiveNsfwjsScores() throws OrtException {
    Fixtures.MaxDiff diff = new Fixtures.MaxDiff("nsfw, procedural images, abs diff");
    List<Map<String, Object>> cases = Fixtures.cases("nsfw-generated.json");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> c : cases) {
      int seed = JsLiteral.asInt(c.get("seed"));
      byte[] rgb = ProceduralImage.rgb(seed, 224, 224);
      assertThat(Fixtures.sha256(rgb))
          .as("procedural image %d differs from the one the fixture was made from", seed)
          .isEqualTo(c.get("rgbSha256"));
      diff.add(
          Fixtures.maxAbsDiff(scores(rgb), JsLiteral.asFloats(c.get("scores")), "seed " + seed));
    }
    diff.report();
    assertThat(diff.max()).isLessThanOrEqualTo(Fixtures.TOLERANCE);
  }

  @Test
  void demoPhotosGiveNsfwjsScores() throws OrtException {
    Fixtures.MaxDiff diff = new Fixtures.MaxDiff("nsfw, demo photos, abs diff");
    List<Map<String, Object>> cases = Fixtures.cases("nsfw-demo.json");
    List<FixtureInputs.Input> inputs = FixtureInputs.of("nsfw");
    assertThat(cases).hasSize(inputs.size()).hasSizeGreaterThanOrEqualTo(6);
    for (int i = 0; i < inputs.size(); i++) {
      FixtureInputs.Input in = inputs.get(i);
      Map<String, Object> c = cases.get(i);
      assertThat(c.get("photo")).isEqualTo(in.photo());
      assertThat(Fixtures.sha256(in.rgb()))
          .as("the 224x224 resampling of %s is not the one the fixture was made from", in.photo())
          .isEqualTo(c.get("rgbSha256"));
      float[] actual = scores(in.rgb());
      diff.add(Fixtures.maxAbsDiff(actual, JsLiteral.asFloats(c.get("scores")), in.photo()));
      double sum = 0;
      for (float s : actual) {
        sum += s;
      }
      assertThat(sum).as("probabilities sum").isCloseTo(1.0, offset(1e-5));
    }
    diff.report();
    assertThat(diff.max()).isLessThanOrEqualTo(Fixtures.TOLERANCE);
  }

  /** nsfwjs' input: the pixels divided by 255, in float32. */
  private static float[] scores(byte[] rgb) throws OrtException {
    float[] input = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      input[i] = (rgb[i] & 0xff) / 255f;
    }
    float[] out = Fixtures.run(session, "input", input, 1, 224, 224, 3).get("scores");
    assertThat(out).hasSize(5);
    return out;
  }
}
