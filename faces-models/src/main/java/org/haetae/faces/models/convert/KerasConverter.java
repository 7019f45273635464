package org.haetae.faces.models.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.faces.models.convert.OnnxWriter.Attribute;
import org.haetae.faces.models.convert.OnnxWriter.DataType;
import org.haetae.faces.models.convert.OnnxWriter.ValueInfo;
import org.haetae.faces.models.convert.TfjsWeights.FloatTensor;

/**
 * Builds an ONNX graph from a TensorFlow.js layers model: a Keras functional model topology plus
 * its decoded weights. It covers the layers of MobileNet-style image classifiers (Conv2D,
 * DepthwiseConv2D, BatchNormalization, ReLU with optional cap, ZeroPadding2D, Add, pooling,
 * Flatten, Dense, Dropout, Activation), all channels-last with one image input and one output;
 * anything else is refused with the layer's name rather than converted approximately.
 *
 * <p>Activations are kept in NCHW inside the graph. The model's input stays NHWC, as TensorFlow.js
 * takes it, and Flatten goes back to channels-last order first so that Dense weights apply
 * unchanged.
 */
final class KerasConverter {
  private final Map<String, FloatTensor> weights;
  private final GraphBuilder g = new GraphBuilder();
  private final Map<String, Value> values = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  private KerasConverter(Map<String, FloatTensor> weights) {
    this.weights = weights;
  }

  /**
   * Converts {@code modelConfig} (the {@code config} of a Keras {@code Model}) into a graph whose
   * input is called {@code inputName} and output {@code outputName}.
   */
  static OnnxWriter.Graph convert(
      Map<String, Object> modelConfig,
      Map<String, FloatTensor> weights,
      String inputName,
      String outputName,
      String graphName) {
    KerasConverter c = new KerasConverter(weights);
    List<Object> inputs = JsLiteral.list(modelConfig, "input_layers");
    List<Object> outputs = JsLiteral.list(modelConfig, "output_layers");
    if (inputs.size() != 1 || outputs.size() != 1) {
      throw new IllegalArgumentException("expected one input and one output layer");
    }
    String inputLayer = (String) JsLiteral.asList(inputs.get(0)).get(0);
    String outputLayer = (String) JsLiteral.asList(outputs.get(0)).get(0);
    for (Object o : JsLiteral.list(modelConfig, "layers")) {
      c.layer(JsLiteral.asMap(o), inputLayer, inputName);
    }
    Value out = c.values.get(outputLayer);
    if (out == null || out.dims.length != 1) {
      throw new IllegalArgumentException("the output layer " + outputLayer + " is not a vector");
    }
    c.g.nodeTo("Identity", outputName, List.of(out.name));
    c.g.output(ValueInfo.batched(outputName, DataType.FLOAT, out.dims[0]));
    c.weightsUsed();
    return c.g.build(graphName);
  }

  private void layer(Map<String, Object> layer, String inputLayer, String inputName) {
    String name = (String) layer.get("name");
    String type = (String) layer.get("class_name");
    Map<String, Object> cfg = JsLiteral.object(layer, "config");
    List<Value> in = inbound(layer);
    Value out =
        switch (type) {
          case "InputLayer" -> input(name, cfg, inputLayer, inputName);
          case "ZeroPadding2D" -> zeroPadding(name, cfg, single(name, in));
          case "Conv2D" -> conv(name, cfg, single(name, in), false);
          case "DepthwiseConv2D" -> conv(name, cfg, single(name, in), true);
          case "BatchNormalization" -> batchNorm(name, cfg, single(name, in));
          case "ReLU" -> relu(name, cfg, single(name, in));
          case "Activation" -> activation(name, (String) cfg.get("activation"), single(name, in));
          case "Add" -> add(name, in);
          case "AveragePooling2D", "MaxPooling2D" -> pool(name, type, cfg, single(name, in));
          case "GlobalAveragePooling2D" -> globalAverage(name, cfg, single(name, in));
          case "Flatten" -> flatten(name, cfg, single(name, in));
          case "Dense" -> dense(name, cfg, single(name, in));
          case "Dropout" -> single(name, in); // inference: identity
          default ->
              throw new IllegalArgumentException("unsupported layer " + type + " (" + name + ")");
        };
    values.put(name, out);
  }

  private Value input(String name, Map<String, Object> cfg, String inputLayer, String inputName) {
    if (!name.equals(inputLayer)) {
      throw new IllegalArgumentException("a second input layer: " + name);
    }
    List<Object> shape = JsLiteral.list(cfg, "batch_input_shape");
    int h = JsLiteral.asInt(shape.get(1));
    int w = JsLiteral.asInt(shape.get(2));
    int c = JsLiteral.asInt(shape.get(3));
    g.input(ValueInfo.batched(inputName, DataType.FLOAT, h, w, c));
    String nchw =
        g.node("Transpose", "nchw", List.of(inputName), Attribute.ints("perm", 0, 3, 1, 2));
    return new Value(nchw, c, h, w);
  }

  private Value zeroPadding(String name, Map<String, Object> cfg, Value x) {
    channelsLast(name, cfg);
    x.requireImage(name);
    List<Object> p = JsLiteral.list(cfg, "padding");
    int[] rows = JsLiteral.asInts(p.get(0));
    int[] cols = JsLiteral.asInts(p.get(1));
    String pads = g.constantLongs(name + "/pads", 0, 0, rows[0], cols[0], 0, 0, rows[1], cols[1]);
    return new Value(
        g.node("Pad", name, List.of(x.name, pads)),
        x.dims[0],
        x.dims[1] + rows[0] + rows[1],
        x.dims[2] + cols[0] + cols[1]);
  }

  private Value conv(String name, Map<String, Object> cfg, Value x, boolean depthwise) {
    channelsLast(name, cfg);
    x.requireImage(name);
    int[] k = JsLiteral.asInts(cfg.get("kernel_size"));
    int[] s = JsLiteral.asInts(cfg.get("strides"));
    int[] d = JsLiteral.asInts(cfg.get("dilation_rate"));
    if (d[0] != 1 || d[1] != 1) {
      throw new IllegalArgumentException(name + ": dilation is not supported");
    }
    FloatTensor kernel = weight(name + (depthwise ? "/depthwise_kernel" : "/kernel"));
    int in = x.dims[0];
    if (kernel.shape()[0] != k[0] || kernel.shape()[1] != k[1] || kernel.shape()[2] != in) {
      throw new IllegalArgumentException(name + ": kernel " + Arrays.toString(kernel.shape()));
    }
    int out = depthwise ? in * kernel.shape()[3] : kernel.shape()[3];
    float[] onnxKernel =
        depthwise
            ? TfjsWeights.depthwiseKernelToOnnx(kernel)
            : TfjsWeights.convKernelToOnnx(kernel);
    String w =
        g.constant(name + "/kernel", new long[] {out, depthwise ? 1 : in, k[0], k[1]}, onnxKernel);
    List<String> inputs = new ArrayList<>(List.of(x.name, w));
    if (Boolean.TRUE.equals(cfg.get("use_bias"))) {
      inputs.add(g.constant(name + "/bias", new long[] {out}, weight(name + "/bias").data()));
    }
    int h;
    int wd;
    long[] pads;
    String padding = (String) cfg.get("padding");
    if ("same".equals(padding)) {
      int[] ph = FaceRecognitionConverter.samePads(x.dims[1], k[0], s[0]);
      int[] pw = FaceRecognitionConverter.samePads(x.dims[2], k[1], s[1]);
      pads = new long[] {ph[0], pw[0], ph[1], pw[1]};
      h = FaceRecognitionConverter.ceilDiv(x.dims[1], s[0]);
      wd = FaceRecognitionConverter.ceilDiv(x.dims[2], s[1]);
    } else if ("valid".equals(padding)) {
      pads = new long[] {0, 0, 0, 0};
      h = FaceRecognitionConverter.valid(x.dims[1], k[0], s[0]);
      wd = FaceRecognitionConverter.valid(x.dims[2], k[1], s[1]);
    } else {
      throw new IllegalArgumentException(name + ": padding " + padding);
    }
    String y =
        g.node(
            "Conv",
            name,
            inputs,
            Attribute.ints("kernel_shape", k[0], k[1]),
            Attribute.ints("strides", s[0], s[1]),
            Attribute.ints("pads", pads),
            Attribute.of("group", depthwise ? (long) in : 1L));
    return activation(name, (String) cfg.get("activation"), new Value(y, out, h, wd));
  }

  private Value batchNorm(String name, Map<String, Object> cfg, Value x) {
    int axis = JsLiteral.asInt(cfg.get("axis"));
    if (axis != -1 && axis != x.rank()) {
      throw new IllegalArgumentException(name + ": only the channel axis is supported");
    }
    int c = x.dims[0];
    float[] gamma =
        Boolean.FALSE.equals(cfg.get("scale")) ? filled(c, 1f) : weight(name + "/gamma").data();
    float[] beta =
        Boolean.FALSE.equals(cfg.get("center")) ? filled(c, 0f) : weight(name + "/beta").data();
    float[] mean = weight(name + "/moving_mean").data();
    float[] var = weight(name + "/moving_variance").data();
    for (float[] a : List.of(gamma, beta, mean, var)) {
      if (a.length != c) {
        throw new IllegalArgumentException(
            name + ": " + a.length + " values for " + c + " channels");
      }
    }
    long[] dims = {c};
    String y =
        g.node(
            "BatchNormalization",
            name,
            List.of(
                x.name,
                g.constant(name + "/gamma", dims, gamma),
                g.constant(name + "/beta", dims, beta),
                g.constant(name + "/moving_mean", dims, mean),
                g.constant(name + "/moving_variance", dims, var)),
            Attribute.of("epsilon", (float) JsLiteral.asDouble(cfg.get("epsilon"))));
    return x.renamed(y);
  }

  private Value relu(String name, Map<String, Object> cfg, Value x) {
    double slope =
        cfg.get("negative_slope") == null ? 0 : JsLiteral.asDouble(cfg.get("negative_slope"));
    double threshold = cfg.get("threshold") == null ? 0 : JsLiteral.asDouble(cfg.get("threshold"));
    if (slope != 0 || threshold != 0) {
      throw new IllegalArgumentException(name + ": leaky or thresholded ReLU is not supported");
    }
    Object max = cfg.get("max_value");
    if (max == null) {
      return x.renamed(g.node("Relu", name, List.of(x.name)));
    }
    return x.renamed(clip(name, x.name, (float) JsLiteral.asDouble(max)));
  }

  private String clip(String name, String x, float max) {
    String lo = g.constant(name + "/min", new long[] {}, new float[] {0f});
    String hi = g.constant(name + "/max", new long[] {}, new float[] {max});
    return g.node("Clip", name, List.of(x, lo, hi));
  }

  private Value activation(String name, String activation, Value x) {
    return switch (activation == null ? "linear" : activation) {
      case "linear" -> x;
      case "relu" -> x.renamed(g.node("Relu", name + "/relu", List.of(x.name)));
      case "relu6" -> x.renamed(clip(name + "/relu6", x.name, 6f));
      case "sigmoid" -> x.renamed(g.node("Sigmoid", name + "/sigmoid", List.of(x.name)));
      case "softmax" -> {
        if (x.rank() != 1) {
          throw new IllegalArgumentException(name + ": softmax on an image is not supported");
        }
        yield x.renamed(
            g.node("Softmax", name + "/softmax", List.of(x.name), Attribute.of("axis", -1L)));
      }
      default -> throw new IllegalArgumentException(name + ": activation " + activation);
    };
  }

  private Value add(String name, List<Value> in) {
    if (in.size() < 2) {
      throw new IllegalArgumentException(name + ": Add needs two inputs");
    }
    Value sum = in.get(0);
    for (int i = 1; i < in.size(); i++) {
      if (!Arrays.equals(sum.dims, in.get(i).dims)) {
        throw new IllegalArgumentException(name + ": adding different shapes");
      }
      sum = sum.renamed(g.node("Add", name, List.of(sum.name, in.get(i).name)));
    }
    return sum;
  }

  private Value pool(String name, String type, Map<String, Object> cfg, Value x) {
    channelsLast(name, cfg);
    x.requireImage(name);
    int[] k = JsLiteral.asInts(cfg.get("pool_size"));
    int[] s = JsLiteral.asInts(cfg.get("strides"));
    if (!"valid".equals(cfg.get("padding"))) {
      throw new IllegalArgumentException(name + ": only 'valid' pooling is supported");
    }
    String y =
        g.node(
            type.startsWith("Average") ? "AveragePool" : "MaxPool",
            name,
            List.of(x.name),
            Attribute.ints("kernel_shape", k[0], k[1]),
            Attribute.ints("strides", s[0], s[1]));
    return new Value(
        y,
        x.dims[0],
        FaceRecognitionConverter.valid(x.dims[1], k[0], s[0]),
        FaceRecognitionConverter.valid(x.dims[2], k[1], s[1]));
  }

  private Value globalAverage(String name, Map<String, Object> cfg, Value x) {
    channelsLast(name, cfg);
    x.requireImage(name);
    String pooled = g.node("GlobalAveragePool", name, List.of(x.name));
    return new Value(
        g.node("Flatten", name + "/flatten", List.of(pooled), Attribute.of("axis", 1L)), x.dims[0]);
  }

  private Value flatten(String name, Map<String, Object> cfg, Value x) {
    if (x.rank() == 1) {
      return x;
    }
    channelsLast(name, cfg);
    String nhwc =
        g.node("Transpose", name + "/nhwc", List.of(x.name), Attribute.ints("perm", 0, 2, 3, 1));
    return new Value(
        g.node("Flatten", name, List.of(nhwc), Attribute.of("axis", 1L)),
        x.dims[0] * x.dims[1] * x.dims[2]);
  }

  private Value dense(String name, Map<String, Object> cfg, Value x) {
    if (x.rank() != 1) {
      throw new IllegalArgumentException(name + ": Dense on a non-flat input is not supported");
    }
    FloatTensor kernel = weight(name + "/kernel");
    int units = JsLiteral.asInt(cfg.get("units"));
    if (kernel.shape().length != 2
        || kernel.shape()[0] != x.dims[0]
        || kernel.shape()[1] != units) {
      throw new IllegalArgumentException(name + ": kernel " + Arrays.toString(kernel.shape()));
    }
    String y =
        g.node(
            "MatMul",
            name,
            List.of(
                x.name,
                g.constant(name + "/kernel", new long[] {x.dims[0], units}, kernel.data())));
    if (Boolean.TRUE.equals(cfg.get("use_bias"))) {
      String b = g.constant(name + "/bias", new long[] {units}, weight(name + "/bias").data());
      y = g.node("Add", name + "/bias_add", List.of(y, b));
    }
    return activation(name, (String) cfg.get("activation"), new Value(y, units));
  }

  private List<Value> inbound(Map<String, Object> layer) {
    List<Object> nodes = JsLiteral.list(layer, "inbound_nodes");
    if (nodes.isEmpty()) {
      return List.of();
    }
    if (nodes.size() != 1) {
      throw new IllegalArgumentException(layer.get("name") + ": shared layers are not supported");
    }
    List<Value> in = new ArrayList<>();
    for (Object ref : JsLiteral.asList(nodes.get(0))) {
      List<Object> r = JsLiteral.asList(ref);
      String from = (String) r.get(0);
      if (JsLiteral.asInt(r.get(1)) != 0 || JsLiteral.asInt(r.get(2)) != 0) {
        throw new IllegalArgumentException(layer.get("name") + ": multi-output inbound " + r);
      }
      Value v = values.get(from);
      if (v == null) {
        throw new IllegalArgumentException(layer.get("name") + ": input " + from + " not seen yet");
      }
      in.add(v);
    }
    return in;
  }

  private static Value single(String name, List<Value> in) {
    if (in.size() != 1) {
      throw new IllegalArgumentException(name + ": expected one input, found " + in.size());
    }
    return in.get(0);
  }

  private static void channelsLast(String name, Map<String, Object> cfg) {
    Object format = cfg.get("data_format");
    if (format != null && !"channels_last".equals(format)) {
      throw new IllegalArgumentException(name + ": data format " + format);
    }
  }

  private FloatTensor weight(String name) {
    FloatTensor t = weights.get(name);
    if (t == null) {
      throw new IllegalArgumentException("the weights lack " + name);
    }
    used.add(name);
    return t;
  }

  private void weightsUsed() {
    List<String> unused = new ArrayList<>(weights.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("weights no layer used: " + unused);
    }
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    Arrays.fill(a, v);
    return a;
  }

  /** A value in the graph: its name and shape without the batch axis, (C, H, W) or (F). */
  private record Value(String name, int... dims) {
    int rank() {
      return dims.length;
    }

    Value renamed(String newName) {
      return new Value(newName, dims);
    }

    void requireImage(String layer) {
      if (dims.length != 3) {
        throw new IllegalArgumentException(
            layer + ": expects an image, has " + Arrays.toString(dims));
      }
    }
  }
}
