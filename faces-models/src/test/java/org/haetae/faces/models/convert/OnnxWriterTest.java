package org.haetae.faces.models.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.convert.OnnxWriter.Attribute;
import org.haetae.faces.models.convert.OnnxWriter.DataType;
import org.haetae.faces.models.convert.OnnxWriter.Model;
import org.haetae.faces.models.convert.OnnxWriter.Tensor;
import org.haetae.faces.models.convert.OnnxWriter.ValueInfo;
import org.junit.jupiter.api.Test;

/** Tiny graphs written by {@link OnnxWriter} and run by ONNX Runtime, against hand computation. */
class OnnxWriterTest {

  /**
   * input [N, 1, 3, 3] -> Pad (int64 input) -> Conv 2x2 (ints attributes, float weights and bias)
   * -> BatchNormalization (float attribute) -> Relu -> Flatten (int attribute) -> output [N, 4].
   */
  private static byte[] smallModel() {
    GraphBuilder g = new GraphBuilder();
    g.input(ValueInfo.batched("x", DataType.FLOAT, 1, 3, 3));
    g.output(ValueInfo.batched("y", DataType.FLOAT, 4));
    String padded =
        g.node("Pad", "pad", List.of("x", g.constantLongs("pads", 0, 0, 0, 0, 0, 0, 1, 1)));
    String w = g.constant("w", new long[] {1, 1, 2, 2}, new float[] {1, 2, 3, 4});
    String b = g.constant("b", new long[] {1}, new float[] {-10});
    String conv =
        g.node(
            "Conv",
            "conv",
            List.of(padded, w, b),
            Attribute.ints("kernel_shape", 2, 2),
            Attribute.ints("strides", 2, 2),
            Attribute.ints("pads", 0, 0, 0, 0),
            Attribute.of("group", 1L));
    long[] one = {1};
    String bn =
        g.node(
            "BatchNormalization",
            "bn",
            List.of(
                conv,
                g.constant("gamma", one, new float[] {2}),
                g.constant("beta", one, new float[] {1}),
                g.constant("mean", one, new float[] {0}),
                g.constant("var", one, new float[] {4})),
            Attribute.of("epsilon", 0f));
    String relu = g.node("Relu", "relu", List.of(bn));
    g.nodeTo("Flatten", "y", List.of(relu), Attribute.of("axis", 1L));
    return OnnxWriter.write(
        new Model(
            "haetae-test",
            "1.2.3",
            "a test graph",
            OnnxWriter.OPSET,
            g.build("small"),
            Map.of("k", "v", "haetae.model.id", "test/small")));
  }

  @Test
  void aWrittenGraphRunsInOnnxRuntimeAndComputesWhatItSays() throws OrtException {
    OrtEnvironment env =
        OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "haetae-tests");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      try (OrtSession session = env.createSession(smallModel(), options)) {
        assertThat(session.getInputNames()).containsExactly("x");
        assertThat(session.getOutputNames()).containsExactly("y");
        assertThat(session.getMetadata().getProducerName()).isEqualTo("haetae-test");
        assertThat(session.getMetadata().getGraphName()).isEqualTo("small");
        assertThat(session.getMetadata().getDescription()).isEqualTo("a test graph");
        assertThat(session.getMetadata().getCustomMetadata())
            .containsEntry("k", "v")
            .containsEntry("haetae.model.id", "test/small");

        // Two images: the batch axis is symbolic.
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 1, 0, 0, 0, 0};
        try (OnnxTensor in =
                OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 1, 3, 3});
            OrtSession.Result r = session.run(Map.of("x", in))) {
          float[][] y = (float[][]) r.get(0).getValue();
          assertThat(y[0]).containsExactly(expected(x, 0));
          assertThat(y[1]).containsExactly(expected(x, 9));
        }
      }
    }
  }

  /** The same computation by hand, for the image starting at {@code offset}. */
  private static float[] expected(float[] x, int offset) {
    float[] padded = new float[16];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        padded[r * 4 + c] = x[offset + r * 3 + c];
      }
    }
    float[] w = {1, 2, 3, 4};
    float[] out = new float[4];
    for (int oy = 0; oy < 2; oy++) {
      for (int ox = 0; ox < 2; ox++) {
        float s = -10;
        for (int ky = 0; ky < 2; ky++) {
          for (int kx = 0; kx < 2; kx++) {
            s += padded[(oy * 2 + ky) * 4 + ox * 2 + kx] * w[ky * 2 + kx];
          }
        }
        float bn = s * 2 / 2 + 1; // (s - 0) / sqrt(4 + 0) * 2 + 1
        out[oy * 2 + ox] = Math.max(0, bn);
      }
    }
    return out;
  }

  @Test
  void tensorsMustHoldAsManyBytesAsTheirShapeSays() {
    assertThatThrownBy(() -> new Tensor("t", DataType.FLOAT, new long[] {2, 2}, new byte[12]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 bytes for 4");
  }

  @Test
  void valueNamesAreUnique() {
    GraphBuilder g = new GraphBuilder();
    String a = g.constant("c", new long[] {1}, new float[] {1});
    String b = g.constant("c", new long[] {1}, new float[] {2});
    assertThat(a).isNotEqualTo(b);
    g.nodeTo("Identity", "out", List.of(a));
    assertThatThrownBy(() -> g.nodeTo("Identity", "out", List.of(b)))
        .isInstanceOf(IllegalStateException.class);
  }
}
