package org.haetae.faces.models.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.haetae.faces.models.BundledModel;
import org.haetae.faces.models.convert.OnnxWriter.Attribute;
import org.haetae.faces.models.convert.OnnxWriter.DataType;
import org.haetae.faces.models.convert.OnnxWriter.Model;
import org.haetae.faces.models.convert.OnnxWriter.ValueInfo;
import org.haetae.faces.models.convert.TfjsWeights.FloatTensor;

/**
 * Builds the ONNX graph of face-api's {@code FaceRecognitionNet} (a ResNet-34-like network
 * producing 128-number face descriptors) from its TensorFlow.js weights.
 *
 * <p>The graph follows face-api 1.7.15's {@code src/faceRecognitionNet} step by step: subtract the
 * mean RGB (122.782, 117.001, 104.298) and divide by 255; a 7x7 stride-2 convolution without
 * padding; a 3x3 stride-2 max-pool; residual blocks of two 3x3 convolutions, each convolution
 * followed by its bias and a per-channel scale layer ({@code x * weights + biases}); downsampling
 * blocks whose first convolution has stride 2 without padding and whose shortcut is a 2x2 average
 * pool, zero-padded in channels when the block widens, the main path being zero-padded by one row
 * and column at the end when it came out smaller than the shortcut; a global average; and a
 * 256-to-128 matrix product. The normalisation is part of the graph, so the input is the image
 * itself.
 */
public final class FaceRecognitionConverter {
  /** The input side face-api resizes faces to. */
  public static final int INPUT_SIZE = 150;

  private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  private final Map<String, FloatTensor> weights;
  private final GraphBuilder g = new GraphBuilder();

  private FaceRecognitionConverter(Map<String, FloatTensor> weights) {
    this.weights = weights;
  }

  /**
   * Converts the net from face-api's {@code model/} folder (the weights manifest and the {@code
   * .bin} it names).
   */
  public static byte[] convert(Path modelDir) throws IOException {
    Object manifest =
        JsLiteral.parse(
            Files.readString(
                modelDir.resolve("face_recognition_model-weights_manifest.json"),
                StandardCharsets.UTF_8));
    List<Object> groups = JsLiteral.asList(manifest);
    if (groups.size() != 1) {
      throw new IllegalArgumentException("expected one weight group, found " + groups.size());
    }
    List<Object> paths = JsLiteral.list(groups.get(0), "paths");
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Object p : paths) {
      data.write(Files.readAllBytes(modelDir.resolve((String) p)));
    }
    Map<String, FloatTensor> weights =
        TfjsWeights.decode(
            TfjsWeights.specs(JsLiteral.list(groups.get(0), "weights")), data.toByteArray());
    return convert(weights);
  }

  /** Converts already decoded weights, keyed by their face-api names. */
  public static byte[] convert(Map<String, FloatTensor> weights) {
    FaceRecognitionConverter c = new FaceRecognitionConverter(weights);
    OnnxWriter.Graph graph = c.build();
    BundledModel m = BundledModel.FACE_API_RECOGNITION;
    return OnnxWriter.write(
        new Model(
            "haetae-faces-models",
            m.source().version(),
            "face-api FaceRecognitionNet converted from TensorFlow.js weights. Input: RGB 0..255,"
                + " NHWC, 150x150. Output: the 128-number face descriptor.",
            OnnxWriter.OPSET,
            graph,
            ConvertModels.metadata(m)));
  }

  private OnnxWriter.Graph build() {
    g.input(ValueInfo.batched("input", DataType.FLOAT, INPUT_SIZE, INPUT_SIZE, 3));
    g.output(ValueInfo.batched("descriptor", DataType.FLOAT, 128));

    // normalize(x, meanRgb).div(255), in NHWC as face-api does it, then to NCHW.
    String mean = g.constant("mean_rgb", new long[] {1, 1, 1, 3}, MEAN_RGB);
    String x = g.node("Sub", "centered", List.of("input", mean));
    String scale = g.constant("div_255", new long[] {}, new float[] {255f});
    x = g.node("Div", "normalized", List.of(x, scale));
    x = g.node("Transpose", "nchw", List.of(x), Attribute.ints("perm", 0, 3, 1, 2));

    Shape s = new Shape(3, INPUT_SIZE, INPUT_SIZE);
    Value v = convLayer(new Value(x, s), "conv32_down", 2, false, true);
    v =
        new Value(
            g.node(
                "MaxPool",
                "max_pool",
                List.of(v.name),
                Attribute.ints("kernel_shape", 3, 3),
                Attribute.ints("strides", 2, 2)),
            new Shape(v.shape.c, valid(v.shape.h, 3, 2), valid(v.shape.w, 3, 2)));

    v = residual(v, "conv32_1");
    v = residual(v, "conv32_2");
    v = residual(v, "conv32_3");
    v = residualDown(v, "conv64_down");
    v = residual(v, "conv64_1");
    v = residual(v, "conv64_2");
    v = residual(v, "conv64_3");
    v = residualDown(v, "conv128_down");
    v = residual(v, "conv128_1");
    v = residual(v, "conv128_2");
    v = residualDown(v, "conv256_down");
    v = residual(v, "conv256_1");
    v = residual(v, "conv256_2");
    v = residualDown(v, "conv256_down_out");

    String avg = g.node("GlobalAveragePool", "global_avg", List.of(v.name));
    String flat = g.node("Flatten", "flatten", List.of(avg), Attribute.of("axis", 1L));
    FloatTensor fc = weight("fc");
    if (fc.shape().length != 2 || fc.shape()[0] != v.shape.c || fc.shape()[1] != 128) {
      throw new IllegalArgumentException("unexpected fc shape " + Arrays.toString(fc.shape()));
    }
    String fcName = g.constant("fc", new long[] {fc.shape()[0], fc.shape()[1]}, fc.data());
    g.nodeTo("MatMul", "descriptor", List.of(flat, fcName));
    return g.build("face_api_face_recognition_net");
  }

  /** conv(x) + bias, then the scale layer, then ReLU if asked; 'same' padding unless strided. */
  private Value convLayer(Value x, String prefix, int stride, boolean same, boolean relu) {
    FloatTensor filters = weight(prefix + "/conv/filters");
    int k = filters.shape()[0];
    int in = filters.shape()[2];
    int out = filters.shape()[3];
    if (filters.shape()[1] != k || in != x.shape.c) {
      throw new IllegalArgumentException(
          prefix + ": filters " + Arrays.toString(filters.shape()) + " on " + x.shape);
    }
    String w =
        g.constant(
            prefix + "/conv/filters",
            new long[] {out, in, k, k},
            TfjsWeights.convKernelToOnnx(filters));
    Shape outShape;
    long[] pads;
    if (same) {
      int[] ph = samePads(x.shape.h, k, stride);
      int[] pw = samePads(x.shape.w, k, stride);
      pads = new long[] {ph[0], pw[0], ph[1], pw[1]};
      outShape = new Shape(out, ceilDiv(x.shape.h, stride), ceilDiv(x.shape.w, stride));
    } else {
      pads = new long[] {0, 0, 0, 0};
      outShape = new Shape(out, valid(x.shape.h, k, stride), valid(x.shape.w, k, stride));
    }
    String y =
        g.node(
            "Conv",
            prefix + "/conv",
            List.of(x.name, w),
            Attribute.ints("kernel_shape", k, k),
            Attribute.ints("strides", stride, stride),
            Attribute.ints("pads", pads));
    y =
        g.node(
            "Add",
            prefix + "/conv/bias_add",
            List.of(y, channelConstant(prefix + "/conv/bias", out)));
    y =
        g.node(
            "Mul",
            prefix + "/scale/mul",
            List.of(y, channelConstant(prefix + "/scale/weights", out)));
    y =
        g.node(
            "Add",
            prefix + "/scale/add",
            List.of(y, channelConstant(prefix + "/scale/biases", out)));
    if (relu) {
      y = g.node("Relu", prefix + "/relu", List.of(y));
    }
    return new Value(y, outShape);
  }

  private Value residual(Value x, String prefix) {
    Value out = convLayer(x, prefix + "/conv1", 1, true, true);
    out = convLayer(out, prefix + "/conv2", 1, true, false);
    if (!out.shape.equals(x.shape)) {
      throw new IllegalArgumentException(prefix + ": residual " + out.shape + " vs " + x.shape);
    }
    String sum = g.node("Add", prefix + "/add", List.of(out.name, x.name));
    return new Value(g.node("Relu", prefix + "/relu", List.of(sum)), out.shape);
  }

  private Value residualDown(Value x, String prefix) {
    Value out = convLayer(x, prefix + "/conv1", 2, false, true);
    out = convLayer(out, prefix + "/conv2", 1, true, false);

    String pooled =
        g.node(
            "AveragePool",
            prefix + "/shortcut_pool",
            List.of(x.name),
            Attribute.ints("kernel_shape", 2, 2),
            Attribute.ints("strides", 2, 2));
    Shape pooledShape = new Shape(x.shape.c, valid(x.shape.h, 2, 2), valid(x.shape.w, 2, 2));

    String main = out.name;
    if (pooledShape.h != out.shape.h || pooledShape.w != out.shape.w) {
      // face-api appends one row of zeros, then one column, to the main path.
      if (pooledShape.h != out.shape.h + 1 || pooledShape.w != out.shape.w + 1) {
        throw new IllegalArgumentException(
            prefix + ": cannot align " + out.shape + " to " + pooledShape);
      }
      main =
          g.node(
              "Pad",
              prefix + "/pad_spatial",
              List.of(
                  main, g.constantLongs(prefix + "/pad_spatial_amounts", 0, 0, 0, 0, 0, 0, 1, 1)));
    }
    String shortcut = pooled;
    if (pooledShape.c != out.shape.c) {
      // face-api concatenates zeros of the pooled tensor's shape along channels.
      if (out.shape.c != 2 * pooledShape.c) {
        throw new IllegalArgumentException(
            prefix + ": cannot widen " + pooledShape + " to " + out.shape);
      }
      shortcut =
          g.node(
              "Pad",
              prefix + "/pad_channels",
              List.of(
                  pooled,
                  g.constantLongs(
                      prefix + "/pad_channel_amounts", 0, 0, 0, 0, 0, pooledShape.c, 0, 0)));
    }
    String sum = g.node("Add", prefix + "/add", List.of(shortcut, main));
    return new Value(
        g.node("Relu", prefix + "/relu", List.of(sum)),
        new Shape(out.shape.c, pooledShape.h, pooledShape.w));
  }

  private String channelConstant(String name, int channels) {
    FloatTensor t = weight(name);
    if (t.data().length != channels) {
      throw new IllegalArgumentException(name + ": " + t.data().length + " values for " + channels);
    }
    return g.constant(name, new long[] {1, channels, 1, 1}, t.data());
  }

  private FloatTensor weight(String name) {
    FloatTensor t = weights.get(name);
    if (t == null) {
      throw new IllegalArgumentException("face recognition weights lack " + name);
    }
    return t;
  }

  /** TensorFlow 'SAME' padding (before, after) for one axis. */
  static int[] samePads(int in, int k, int stride) {
    int out = ceilDiv(in, stride);
    int total = Math.max(0, (out - 1) * stride + k - in);
    return new int[] {total / 2, total - total / 2};
  }

  static int valid(int in, int k, int stride) {
    return (in - k) / stride + 1;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private record Shape(int c, int h, int w) {}

  private record Value(String name, Shape shape) {}
}
