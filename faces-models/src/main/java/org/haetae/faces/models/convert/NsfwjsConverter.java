package org.haetae.faces.models.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haetae.faces.models.BundledModel;
import org.haetae.faces.models.convert.OnnxWriter.Model;
import org.haetae.faces.models.convert.TfjsWeights.FloatTensor;

/**
 * Converts an nsfwjs model folder ({@code dist/models/<name>/}) to ONNX.
 *
 * <p>nsfwjs 4 bundles its models for web packers: {@code model.min.js} is a browserify module whose
 * export is the TensorFlow.js model JSON written as a JavaScript object literal, and each {@code
 * group1-shardNofM.min.js} exports one weight shard as a base64 string. This class takes them out
 * of their wrappers, as nsfwjs' own loader does, and hands the Keras topology to {@link
 * KerasConverter}.
 */
public final class NsfwjsConverter {
  private static final Pattern BASE64_EXPORT =
      Pattern.compile("\\.exports\\s*=\\s*\"([A-Za-z0-9+/=]*)\"");

  private NsfwjsConverter() {}

  /** The model JSON exported by {@code model.min.js}. */
  public static Map<String, Object> modelJson(Path modelDir) throws IOException {
    String js = Files.readString(modelDir.resolve("model.min.js"), StandardCharsets.UTF_8);
    int at = js.indexOf(".exports={modelTopology:");
    if (at < 0) {
      throw new IllegalArgumentException("model.min.js does not export a model JSON");
    }
    return JsLiteral.asMap(JsLiteral.parseAt(js, js.indexOf('{', at)));
  }

  /** The weight data, shard after shard as the manifest lists them. */
  public static byte[] weightData(Path modelDir, Map<String, Object> modelJson) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Object group : JsLiteral.list(modelJson, "weightsManifest")) {
      for (Object path : JsLiteral.list(group, "paths")) {
        String js = Files.readString(modelDir.resolve(path + ".min.js"), StandardCharsets.US_ASCII);
        Matcher m = BASE64_EXPORT.matcher(js);
        if (!m.find()) {
          throw new IllegalArgumentException(path + ".min.js does not export a base64 string");
        }
        data.write(Base64.getDecoder().decode(m.group(1)));
      }
    }
    return data.toByteArray();
  }

  /** The decoded weights of every manifest group. */
  public static Map<String, FloatTensor> weights(Path modelDir, Map<String, Object> modelJson)
      throws IOException {
    List<Object> groups = JsLiteral.list(modelJson, "weightsManifest");
    List<TfjsWeights.Spec> specs = new ArrayList<>();
    for (Object group : groups) {
      specs.addAll(TfjsWeights.specs(JsLiteral.list(group, "weights")));
    }
    return TfjsWeights.decode(specs, weightData(modelDir, modelJson));
  }

  /** Converts the model in {@code modelDir} to ONNX bytes. */
  public static byte[] convert(Path modelDir) throws IOException {
    Map<String, Object> json = modelJson(modelDir);
    Map<String, Object> topology = JsLiteral.object(json, "modelTopology");
    Map<String, Object> modelConfig = JsLiteral.object(topology, "model_config");
    if (!"Model".equals(modelConfig.get("class_name"))) {
      throw new IllegalArgumentException("expected a Keras functional Model");
    }
    OnnxWriter.Graph graph =
        KerasConverter.convert(
            JsLiteral.object(modelConfig, "config"),
            weights(modelDir, json),
            "input",
            "scores",
            "nsfwjs_mobilenet_v2");
    BundledModel m = BundledModel.NSFWJS_MOBILENET_V2;
    return OnnxWriter.write(
        new Model(
            "haetae-faces-models",
            m.source().version(),
            "nsfwjs MobileNetV2 converted from its TensorFlow.js layers model. Input: RGB 0..1,"
                + " NHWC, 224x224. Output: probabilities of "
                + String.join(", ", BundledModel.NSFW_CLASSES)
                + ".",
            OnnxWriter.OPSET,
            graph,
            ConvertModels.metadata(m)));
  }
}
