package org.haetae.faces.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.convert.JsLiteral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted face recognition net gives face-api's descriptors (computed by face-api 1.7.15 on
 * TensorFlow.js' CPU backend) to 1e-4, on procedural images and on face crops of the demo photos.
 */
class FaceRecognitionModelTest {
  private static final BundledModel MODEL = BundledModel.FACE_API_RECOGNITION;
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
    assertThat(session.getOutputNames()).containsExactly("descriptor");
    assertThat(session.getMetadata().getCustomMetadata())
        .containsEntry("haetae.model.id", MODEL.id())
        .containsEntry("source.package", "@vladmandic/face-api")
        .containsEntry("source.version", "1.7.15");
  }

  @Test
  void proceduralImagesGiveFaceApisDescriptors() throws OrtException {
    Fixtures.MaxDiff diff = new Fixtures.MaxDiff("face recognition, procedural images, abs diff");
    List<Map<String, Object>> cases = Fixtures.cases("recognition-generated.json");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> c : cases) {
      int seed = JsLiteral.asInt(c.get("seed"));
      byte[] rgb = ProceduralImage.rgb(seed, 150, 150);
      assertThat(Fixtures.sha256(rgb))
          .as("procedural image %d differs from the one the fixture was made from", seed)
          .isEqualTo(c.get("rgbSha256"));
      float[] expected = JsLiteral.asFloats(c.get("descriptor"));
      float[] actual = descriptors(rgb, 1);
      diff.add(Fixtures.maxAbsDiff(actual, expected, "seed " + seed));
    }
    diff.report();
    assertThat(diff.max()).isLessThanOrEqualTo(Fixtures.TOLERANCE);
  }

  @Test
  void demoFaceCropsGiveFaceApisDescriptors() throws OrtException {
    Fixtures.MaxDiff diff = new Fixtures.MaxDiff("face recognition, demo face crops, abs diff");
    List<Map<String, Object>> cases = Fixtures.cases("recognition-demo-crops.json");
    List<FixtureInputs.Input> inputs = FixtureInputs.of("recognition");
    assertThat(cases).hasSize(inputs.size()).hasSizeGreaterThanOrEqualTo(20);
    // All faces in one batch: also checks that the batch axis is independent per image.
    byte[] batch = new byte[inputs.size() * 150 * 150 * 3];
    for (int i = 0; i < inputs.size(); i++) {
      FixtureInputs.Input in = inputs.get(i);
      Map<String, Object> c = cases.get(i);
      assertThat(c.get("photo")).isEqualTo(in.photo());
      assertThat(JsLiteral.asInt(c.get("face"))).isEqualTo(in.face());
      assertThat(Fixtures.sha256(in.rgb()))
          .as(
              "the crop of face %d of %s is not the one the fixture was made from (a different JPEG"
                  + " decoder or crop code?)",
              in.face(), in.photo())
          .isEqualTo(c.get("rgbSha256"));
      System.arraycopy(in.rgb(), 0, batch, i * in.rgb().length, in.rgb().length);
    }
    float[] all = descriptors(batch, inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      float[] actual = Arrays.copyOfRange(all, i * 128, (i + 1) * 128);
      float[] expected = JsLiteral.asFloats(cases.get(i).get("descriptor"));
      diff.add(Fixtures.maxAbsDiff(actual, expected, inputs.get(i).pngName()));
    }
    diff.report();
    assertThat(diff.max()).isLessThanOrEqualTo(Fixtures.TOLERANCE);
  }

  @Test
  void descriptorsOfTheJavaCropsRecogniseTheFacesOfFaceApisOwnPipeline() throws OrtException {
    // A loose end-to-end check (the crops differ from face-api's own face extraction): each
    // crop's descriptor is within face-api's usual same-person distance (0.6) of the descriptor
    // face-api's detect+align+describe pipeline gave that face, and nearer to it than to the other
    // people in the photo (the same people appear in several demo photos, so only within one).
    Map<String, Object> demo = Fixtures.json("faceapi-demo-faces.json");
    List<FixtureInputs.Input> inputs = FixtureInputs.of("recognition");
    int i = 0;
    for (Object p : JsLiteral.list(demo, "photos")) {
      List<float[]> pipeline = new ArrayList<>();
      for (Object f : JsLiteral.list(p, "faces")) {
        pipeline.add(JsLiteral.asFloats(JsLiteral.asMap(f).get("descriptor")));
      }
      assertThat(pipeline)
          .as("faces found by face-api in %s", JsLiteral.asMap(p).get("file"))
          .hasSizeGreaterThanOrEqualTo(3);
      for (int face = 0; face < pipeline.size(); face++, i++) {
        FixtureInputs.Input in = inputs.get(i);
        assertThat(in.face()).isEqualTo(face);
        float[] d = descriptors(in.rgb(), 1);
        double self = distance(d, pipeline.get(face));
        assertThat(self).as("%s: distance to face-api's descriptor", in.pngName()).isLessThan(0.6);
        for (int other = 0; other < pipeline.size(); other++) {
          if (other != face) {
            assertThat(distance(d, pipeline.get(other)))
                .as("%s: distance to face %d of the same photo", in.pngName(), other)
                .isGreaterThan(self);
          }
        }
      }
    }
    assertThat(i).isEqualTo(inputs.size());
  }

  private static float[] descriptors(byte[] rgb, int n) throws OrtException {
    float[] out =
        Fixtures.run(session, "input", Fixtures.pixels(rgb), n, 150, 150, 3).get("descriptor");
    assertThat(out).hasSize(n * 128);
    return out;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
