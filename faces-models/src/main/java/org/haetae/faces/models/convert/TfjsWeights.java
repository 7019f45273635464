package org.haetae.faces.models.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes TensorFlow.js weights: a manifest listing each tensor's name, shape, type and optional
 * quantisation, and the concatenated binary shards the manifest describes.
 *
 * <p>Quantised tensors are turned back into floats exactly as TensorFlow.js 4.22's {@code
 * decodeWeights} does: for {@code uint8} and {@code uint16}, {@code value = q * scale + min}
 * evaluated in double precision and then rounded to float; {@code float16} is widened. The
 * converted models therefore hold bit for bit the weights TensorFlow.js computes with.
 */
public final class TfjsWeights {
  private TfjsWeights() {}

  /** How a tensor is stored: {@code dtype} is uint8, uint16 or float16. */
  public record Quantization(String dtype, double scale, double min) {}

  /** One manifest entry; {@code quantization} is null for tensors stored as plain float32. */
  public record Spec(String name, int[] shape, String dtype, Quantization quantization) {
    /** The number of elements. */
    public int size() {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }

    /** The number of bytes the tensor takes in the shard. */
    int storedBytes() {
      String stored = quantization == null ? dtype : quantization.dtype();
      return size()
          * switch (stored) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new IllegalArgumentException(name + ": unsupported dtype " + stored);
          };
    }
  }

  /** A decoded float tensor, row-major in the TensorFlow.js (channels-last) shape. */
  public record FloatTensor(int[] shape, float[] data) {
    /** Element {@code (i0, i1, ...)}. */
    public float at(int... index) {
      int flat = 0;
      for (int d = 0; d < shape.length; d++) {
        flat = flat * shape[d] + index[d];
      }
      return data[flat];
    }
  }

  /** Reads the weight specs of one manifest group ({@code weights} array of a manifest entry). */
  public static List<Spec> specs(List<Object> weights) {
    List<Spec> specs = new ArrayList<>();
    for (Object o : weights) {
      Map<String, Object> w = JsLiteral.asMap(o);
      Quantization q = null;
      if (w.get("quantization") != null) {
        Map<String, Object> qm = JsLiteral.asMap(w.get("quantization"));
        String qt = (String) qm.get("dtype");
        q =
            "float16".equals(qt)
                ? new Quantization(qt, 0, 0)
                : new Quantization(
                    qt, JsLiteral.asDouble(qm.get("scale")), JsLiteral.asDouble(qm.get("min")));
      }
      specs.add(
          new Spec(
              (String) w.get("name"),
              JsLiteral.asInts(w.get("shape")),
              (String) w.get("dtype"),
              q));
    }
    return specs;
  }

  /**
   * Decodes every tensor of {@code specs} from {@code data}, in manifest order, and checks that the
   * data holds exactly these tensors.
   */
  public static Map<String, FloatTensor> decode(List<Spec> specs, byte[] data) {
    Map<String, FloatTensor> out = new LinkedHashMap<>();
    int offset = 0;
    for (Spec s : specs) {
      if (!"float32".equals(s.dtype())) {
        throw new IllegalArgumentException(s.name() + ": only float32 tensors are supported");
      }
      int bytes = s.storedBytes();
      if (offset + bytes > data.length) {
        throw new IllegalArgumentException(s.name() + ": the weight data ends early");
      }
      float[] values;
      Quantization q = s.quantization();
      if (q == null) {
        values = new float[s.size()];
        ByteBuffer.wrap(data, offset, bytes)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer()
            .get(values);
      } else {
        values =
            switch (q.dtype()) {
              case "uint8" -> dequantizeUint8(data, offset, s.size(), q.scale(), q.min());
              case "uint16" -> dequantizeUint16(data, offset, s.size(), q.scale(), q.min());
              case "float16" -> widenFloat16(data, offset, s.size());
              default ->
                  throw new IllegalArgumentException(s.name() + ": quantised as " + q.dtype());
            };
      }
      if (out.put(s.name(), new FloatTensor(s.shape().clone(), values)) != null) {
        throw new IllegalArgumentException("weight " + s.name() + " is listed twice");
      }
      offset += bytes;
    }
    if (offset != data.length) {
      throw new IllegalArgumentException(
          "the weight data has " + (data.length - offset) + " bytes the manifest does not list");
    }
    return out;
  }

  /** {@code q * scale + min} for each unsigned byte, in double precision, rounded to float. */
  public static float[] dequantizeUint8(
      byte[] data, int offset, int count, double scale, double min) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      int q = data[offset + i] & 0xff;
      out[i] = (float) (q * scale + min);
    }
    return out;
  }

  /** {@code q * scale + min} for each little-endian unsigned 16-bit value. */
  public static float[] dequantizeUint16(
      byte[] data, int offset, int count, double scale, double min) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      int q = (data[offset + 2 * i] & 0xff) | (data[offset + 2 * i + 1] & 0xff) << 8;
      out[i] = (float) (q * scale + min);
    }
    return out;
  }

  /** Little-endian IEEE half-precision values widened to float. */
  public static float[] widenFloat16(byte[] data, int offset, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      short h = (short) ((data[offset + 2 * i] & 0xff) | (data[offset + 2 * i + 1] & 0xff) << 8);
      out[i] = Float.float16ToFloat(h);
    }
    return out;
  }

  /**
   * Reorders a TensorFlow convolution kernel {@code [kh, kw, in, out]} into the ONNX layout {@code
   * [out, in, kh, kw]}.
   */
  public static float[] convKernelToOnnx(FloatTensor kernel) {
    int[] s = kernel.shape();
    requireRank(kernel, 4);
    int kh = s[0], kw = s[1], in = s[2], out = s[3];
    float[] r = new float[kernel.data().length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            r[((o * in + i) * kh + y) * kw + x] = kernel.data()[((y * kw + x) * in + i) * out + o];
          }
        }
      }
    }
    return r;
  }

  /**
   * Reorders a TensorFlow depthwise kernel {@code [kh, kw, in, multiplier]} into the ONNX grouped
   * convolution layout {@code [in * multiplier, 1, kh, kw]}; output channel {@code i * multiplier +
   * m} reads input channel {@code i}, as in TensorFlow.
   */
  public static float[] depthwiseKernelToOnnx(FloatTensor kernel) {
    int[] s = kernel.shape();
    requireRank(kernel, 4);
    int kh = s[0], kw = s[1], in = s[2], mult = s[3];
    float[] r = new float[kernel.data().length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int m = 0; m < mult; m++) {
            r[((i * mult + m) * kh + y) * kw + x] =
                kernel.data()[((y * kw + x) * in + i) * mult + m];
          }
        }
      }
    }
    return r;
  }

  private static void requireRank(FloatTensor t, int rank) {
    if (t.shape().length != rank) {
      throw new IllegalArgumentException(
          "expected rank " + rank + ", found shape " + Arrays.toString(t.shape()));
    }
  }
}
