package org.haetae.faces.models.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.BundledModel;
import org.haetae.faces.models.convert.TfjsWeights.FloatTensor;
import org.haetae.faces.models.convert.TfjsWeights.Quantization;
import org.haetae.faces.models.convert.TfjsWeights.Spec;
import org.junit.jupiter.api.Test;

class TfjsWeightsTest {

  @Test
  void uint8IsScaledAndShiftedInDoublePrecisionThenRounded() {
    double scale = 0.0005260649557207145;
    double min = -0.07101876902229645;
    float[] v =
        TfjsWeights.dequantizeUint8(new byte[] {9, 0, (byte) 255, (byte) 128}, 1, 3, scale, min);
    assertThat(v)
        .containsExactly((float) min, (float) (255 * scale + min), (float) (128 * scale + min));
  }

  @Test
  void uint16IsLittleEndian() {
    float[] v =
        TfjsWeights.dequantizeUint16(
            new byte[] {0x01, 0x02, (byte) 0xff, (byte) 0xff}, 0, 2, 0.5, -1);
    assertThat(v).containsExactly(0x0201 * 0.5f - 1, 65535 * 0.5f - 1);
  }

  @Test
  void float16IsWidened() {
    float[] v =
        TfjsWeights.widenFloat16(new byte[] {0x00, 0x3c, 0x00, (byte) 0xc0, 0x55, 0x35}, 0, 3);
    assertThat(v).containsExactly(1f, -2f, Float.float16ToFloat((short) 0x3555));
  }

  @Test
  void decodeWalksTheManifestInOrder() {
    List<Spec> specs =
        List.of(
            new Spec("a", new int[] {2}, "float32", new Quantization("uint8", 2, 1)),
            new Spec("b", new int[] {1}, "float32", null),
            new Spec("c", new int[] {1, 1}, "float32", new Quantization("uint16", 1, 0)));
    byte[] data = {3, 4, 0, 0, (byte) 0x80, 0x3f, 0x10, 0x00};
    Map<String, FloatTensor> w = TfjsWeights.decode(specs, data);
    assertThat(w.keySet()).containsExactly("a", "b", "c");
    assertThat(w.get("a").data()).containsExactly(7f, 9f);
    assertThat(w.get("b").data()).containsExactly(1f);
    assertThat(w.get("c").data()).containsExactly(16f);
    assertThat(w.get("c").shape()).containsExactly(1, 1);

    assertThatThrownBy(() -> TfjsWeights.decode(specs, Arrays.copyOf(data, 9)))
        .hasMessageContaining("1 bytes the manifest does not list");
    assertThatThrownBy(() -> TfjsWeights.decode(specs, Arrays.copyOf(data, 7)))
        .hasMessageContaining("ends early");
  }

  @Test
  void kernelsAreReorderedToOnnxLayouts() {
    // conv [kh=1, kw=2, in=2, out=3]: value = 100*x + 10*i + o
    float[] conv = new float[12];
    for (int x = 0; x < 2; x++) {
      for (int i = 0; i < 2; i++) {
        for (int o = 0; o < 3; o++) {
          conv[(x * 2 + i) * 3 + o] = 100 * x + 10 * i + o;
        }
      }
    }
    float[] onnx = TfjsWeights.convKernelToOnnx(new FloatTensor(new int[] {1, 2, 2, 3}, conv));
    // ONNX [out, in, kh, kw]
    assertThat(onnx[((2 * 2 + 1) * 1 + 0) * 2 + 1]).isEqualTo(100 + 10 + 2);
    assertThat(onnx[((1 * 2 + 0) * 1 + 0) * 2 + 0]).isEqualTo(1);

    // depthwise [kh=1, kw=1, in=2, mult=2]: output channel i*2+m reads input i
    float[] dw = {0, 1, 10, 11};
    assertThat(TfjsWeights.depthwiseKernelToOnnx(new FloatTensor(new int[] {1, 1, 2, 2}, dw)))
        .containsExactly(0, 1, 10, 11);
    float[] dw3 = {0, 10, 20, 1, 11, 21}; // [1, 2, 3, 1] kw=2: (x, i)
    assertThat(TfjsWeights.depthwiseKernelToOnnx(new FloatTensor(new int[] {1, 2, 3, 1}, dw3)))
        .containsExactly(0, 1, 10, 11, 20, 21);
  }

  @Test
  void faceApiWeightsDecodeBitForBitAsTensorFlowJs() throws IOException {
    Path model =
        ConvertModels.packageDir(npmDir(), BundledModel.FACE_API_RECOGNITION).resolve("model");
    List<Object> manifest =
        JsLiteral.asList(
            JsLiteral.parse(
                Files.readString(model.resolve("face_recognition_model-weights_manifest.json"))));
    Map<String, FloatTensor> w =
        TfjsWeights.decode(
            TfjsWeights.specs(JsLiteral.list(manifest.get(0), "weights")),
            Files.readAllBytes(model.resolve("face_recognition_model.bin")));
    assertThat(w).hasSize(117);
    compareWithTfjs(w, "faceApiRecognition");
  }

  @Test
  void nsfwjsWeightsDecodeBitForBitAsTensorFlowJs() throws IOException {
    Path dir =
        ConvertModels.packageDir(npmDir(), BundledModel.NSFWJS_MOBILENET_V2)
            .resolve(BundledModel.NSFWJS_MOBILENET_V2.source().path());
    Map<String, FloatTensor> w = NsfwjsConverter.weights(dir, NsfwjsConverter.modelJson(dir));
    assertThat(w).hasSize(266);
    compareWithTfjs(w, "nsfwjsMobilenetV2");
  }

  private static void compareWithTfjs(Map<String, FloatTensor> weights, String key)
      throws IOException {
    Map<String, Object> fixture;
    try (InputStream in = BundledModel.class.getResourceAsStream("fixtures/tfjs-weights.json")) {
      assertThat(in).as("fixtures/tfjs-weights.json").isNotNull();
      fixture =
          JsLiteral.asMap(JsLiteral.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    List<Object> expected = JsLiteral.list(fixture, key);
    assertThat(expected).hasSize(weights.size());
    for (Object o : expected) {
      Map<String, Object> e = JsLiteral.asMap(o);
      String name = (String) e.get("name");
      FloatTensor t = weights.get(name);
      assertThat(t).as(name).isNotNull();
      assertThat(t.data().length).as(name).isEqualTo(JsLiteral.asInt(e.get("size")));
      double sum = 0;
      for (float f : t.data()) {
        sum += f;
      }
      assertThat(sum).as("sum of %s", name).isEqualTo(JsLiteral.asDouble(e.get("sum")));
      float[] first = JsLiteral.asFloats(e.get("first"));
      assertThat(Arrays.copyOf(t.data(), first.length)).as(name).containsExactly(first);
    }
  }

  private static Path npmDir() {
    Path dir = Path.of(System.getProperty("haetae.faces.npm.dir", "target/npm"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "The npm packages are not in "
              + dir.toAbsolutePath()
              + "; the Maven build of faces-models fetches them (generate-resources, `npm pack`).");
    }
    return dir;
  }
}
