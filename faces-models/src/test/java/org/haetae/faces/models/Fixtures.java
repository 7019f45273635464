package org.haetae.faces.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.convert.JsLiteral;

/** Shared by the model tests: fixtures, the npm folder the build filled, ONNX Runtime sessions. */
final class Fixtures {
  /** The largest absolute difference allowed between an ONNX output and its reference. */
  static final double TOLERANCE = 1e-4;

  private Fixtures() {}

  /** A fixture file from {@code src/test/resources/org/haetae/faces/models/fixtures}. */
  static Map<String, Object> json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "no test fixture fixtures/" + name + " (scripts/faces-fixtures/generate.sh writes it)");
      }
      return JsLiteral.asMap(
          JsLiteral.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases of a fixture file. */
  static List<Map<String, Object>> cases(String name) {
    return JsLiteral.list(json(name), "cases").stream().map(JsLiteral::asMap).toList();
  }

  /**
   * The folder the Maven build unpacked the npm packages into ({@code faces-models/target/npm}).
   * Tests that need it fail, rather than skip, when it is missing.
   */
  static Path npmDir() {
    Path dir = Path.of(System.getProperty("haetae.faces.npm.dir", "target/npm"));
    if (!Files.isDirectory(dir.resolve("vladmandic-face-api-1.7.15/package"))) {
      throw new IllegalStateException(
          "The npm packages are not in "
              + dir.toAbsolutePath()
              + ". The Maven build of faces-models fetches them (generate-resources phase, `npm"
              + " pack`); run `mvn -pl faces-models process-classes` with npm on the PATH.");
    }
    return dir;
  }

  /** face-api's demo photo, e.g. {@code demo/sample1.jpg}. */
  static Path faceApiFile(String relative) {
    return npmDir().resolve("vladmandic-face-api-1.7.15/package").resolve(relative);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A session on the bundled model, read through the public API (what the jar ships). */
  static OrtSession session(BundledModel model) throws OrtException {
    OrtEnvironment env =
        OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "haetae-tests");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      return env.createSession(model.bytes(), options);
    }
  }

  /** Runs {@code session} on one float input and returns every output, flattened. */
  static Map<String, float[]> run(OrtSession session, String input, float[] data, long... shape)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, float[]> out = new LinkedHashMap<>();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      for (Map.Entry<String, OnnxValue> e : result) {
        FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
        float[] values = new float[fb.remaining()];
        fb.get(values);
        out.put(e.getKey(), values);
      }
    }
    return out;
  }

  /** Float RGB 0..255 of RGB bytes. */
  static float[] pixels(byte[] rgb) {
    float[] f = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      f[i] = rgb[i] & 0xff;
    }
    return f;
  }

  /** The largest absolute difference, after checking the lengths match. */
  static double maxAbsDiff(float[] actual, float[] expected, String what) {
    assertThat(actual).as("%s: output length", what).hasSize(expected.length);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      max = Math.max(max, Math.abs((double) actual[i] - expected[i]));
    }
    return max;
  }

  /**
   * The largest difference relative to the reference where it exceeds 1 in magnitude: {@code max |a
   * - e| / max(1, |e|)}. Below 1 it is the absolute difference.
   */
  static double maxScaledDiff(float[] actual, float[] expected, String what) {
    assertThat(actual).as("%s: output length", what).hasSize(expected.length);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs((double) actual[i] - expected[i]);
      max = Math.max(max, d / Math.max(1, Math.abs(expected[i])));
    }
    return max;
  }

  /** Tracks the largest difference a test saw, to print it for docs/models.md. */
  static final class MaxDiff {
    private final String label;
    private double max;
    private int cases;

    MaxDiff(String label) {
      this.label = label;
    }

    void add(double diff) {
      max = Math.max(max, diff);
      cases++;
    }

    double max() {
      return max;
    }

    void report() {
      System.out.printf("[faces-models] %s: max %.3g over %d cases%n", label, max, cases);
    }
  }
}
