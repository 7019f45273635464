package org.haetae.faces.models.convert;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an ONNX model as protobuf bytes, without generated protobuf classes.
 *
 * <p>Only the part of the ONNX format that the converters need is modelled: a model with one graph,
 * nodes with scalar and list attributes, tensors carried as little-endian raw data, and inputs and
 * outputs typed as tensors with fixed or named dimensions. The field numbers are those of the
 * public ONNX schema; every message is written in full before its parent so that its length is
 * known.
 */
public final class OnnxWriter {

  /** The ONNX IR version that goes with opset 13. */
  public static final long IR_VERSION = 7;

  /** The default-domain operator set the converters target. */
  public static final long OPSET = 13;

  private OnnxWriter() {}

  /** The element types the converters use, with their ONNX enumeration values. */
  public enum DataType {
    FLOAT(1, 4),
    UINT8(2, 1),
    INT32(6, 4),
    INT64(7, 8);

    final int code;
    final int bytesPerElement;

    DataType(int code, int bytesPerElement) {
      this.code = code;
      this.bytesPerElement = bytesPerElement;
    }
  }

  /** A whole model: one graph, the operator set it is written for and free-form metadata. */
  public record Model(
      String producerName,
      String producerVersion,
      String docString,
      long opset,
      Graph graph,
      Map<String, String> metadata) {
    public Model {
      Objects.requireNonNull(graph, "graph");
      metadata = Map.copyOf(metadata);
    }
  }

  /** A computation graph: nodes in topological order, constant tensors, typed inputs/outputs. */
  public record Graph(
      String name,
      List<Node> nodes,
      List<Tensor> initializers,
      List<ValueInfo> inputs,
      List<ValueInfo> outputs) {
    public Graph {
      nodes = List.copyOf(nodes);
      initializers = List.copyOf(initializers);
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /** One operator application. */
  public record Node(
      String opType,
      String name,
      List<String> inputs,
      List<String> outputs,
      List<Attribute> attributes) {
    public Node {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      attributes = List.copyOf(attributes);
    }
  }

  /**
   * A node attribute: exactly one of an integer, a float, a string, a list of integers or a list of
   * floats, as told by {@code kind}.
   */
  public record Attribute(
      String name, AttributeKind kind, long i, float f, String s, long[] ints, float[] floats) {
    /** An integer attribute (ONNX {@code INT}). */
    public static Attribute of(String name, long value) {
      return new Attribute(name, AttributeKind.INT, value, 0, null, null, null);
    }

    /** A float attribute (ONNX {@code FLOAT}). */
    public static Attribute of(String name, float value) {
      return new Attribute(name, AttributeKind.FLOAT, 0, value, null, null, null);
    }

    /** A string attribute (ONNX {@code STRING}, UTF-8). */
    public static Attribute of(String name, String value) {
      return new Attribute(name, AttributeKind.STRING, 0, 0, value, null, null);
    }

    /** An integer list attribute (ONNX {@code INTS}). */
    public static Attribute ints(String name, long... values) {
      return new Attribute(name, AttributeKind.INTS, 0, 0, null, values.clone(), null);
    }

    /** A float list attribute (ONNX {@code FLOATS}). */
    public static Attribute floats(String name, float... values) {
      return new Attribute(name, AttributeKind.FLOATS, 0, 0, null, null, values.clone());
    }
  }

  /** The attribute kinds supported, with their ONNX enumeration values. */
  public enum AttributeKind {
    FLOAT(1),
    INT(2),
    STRING(3),
    FLOATS(6),
    INTS(7);

    final int code;

    AttributeKind(int code) {
      this.code = code;
    }
  }

  /** A constant tensor; {@code raw} holds the elements little-endian, row-major. */
  public record Tensor(String name, DataType type, long[] dims, byte[] raw) {
    public Tensor {
      long count = 1;
      for (long d : dims) {
        count *= d;
      }
      if (count * type.bytesPerElement != raw.length) {
        throw new IllegalArgumentException(
            "tensor " + name + ": " + raw.length + " bytes for " + count + " " + type);
      }
    }

    /** A float tensor. */
    public static Tensor floats(String name, long[] dims, float[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      return new Tensor(name, DataType.FLOAT, dims, b.array());
    }

    /** An int64 tensor. */
    public static Tensor longs(String name, long[] dims, long[] values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.asLongBuffer().put(values);
      return new Tensor(name, DataType.INT64, dims, b.array());
    }
  }

  /**
   * A graph input or output: a tensor of {@code type} whose dimensions are fixed sizes, or symbolic
   * names where {@code dims} holds a negative number and {@code dimNames} the name at that index.
   */
  public record ValueInfo(String name, DataType type, long[] dims, List<String> dimNames) {
    /** A tensor whose first dimension is the symbolic batch size {@code N}. */
    public static ValueInfo batched(String name, DataType type, long... rest) {
      long[] dims = new long[rest.length + 1];
      dims[0] = -1;
      System.arraycopy(rest, 0, dims, 1, rest.length);
      String[] names = new String[dims.length];
      Arrays.fill(names, "");
      names[0] = "N";
      return new ValueInfo(name, type, dims, List.of(names));
    }
  }

  /** The model as ONNX protobuf bytes. */
  public static byte[] write(Model model) {
    Message m = new Message();
    m.int64(1, IR_VERSION);
    m.string(2, model.producerName());
    m.string(3, model.producerVersion());
    m.string(6, model.docString());
    m.message(7, graph(model.graph()));
    Message opset = new Message();
    opset.string(1, "");
    opset.int64(2, model.opset());
    m.message(8, opset);
    model.metadata().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Message entry = new Message();
              entry.string(1, e.getKey());
              entry.string(2, e.getValue());
              m.message(14, entry);
            });
    return m.bytes();
  }

  private static Message graph(Graph g) {
    Message m = new Message();
    for (Node n : g.nodes()) {
      m.message(1, node(n));
    }
    m.string(2, g.name());
    for (Tensor t : g.initializers()) {
      m.message(5, tensor(t));
    }
    for (ValueInfo v : g.inputs()) {
      m.message(11, valueInfo(v));
    }
    for (ValueInfo v : g.outputs()) {
      m.message(12, valueInfo(v));
    }
    return m;
  }

  private static Message node(Node n) {
    Message m = new Message();
    for (String in : n.inputs()) {
      m.string(1, in);
    }
    for (String out : n.outputs()) {
      m.string(2, out);
    }
    m.string(3, n.name());
    m.string(4, n.opType());
    for (Attribute a : n.attributes()) {
      m.message(5, attribute(a));
    }
    return m;
  }

  private static Message attribute(Attribute a) {
    Message m = new Message();
    m.string(1, a.name());
    m.int64(20, a.kind().code);
    switch (a.kind()) {
      case FLOAT -> m.float32(2, a.f());
      case INT -> m.int64(3, a.i());
      case STRING -> m.string(4, a.s());
      case FLOATS -> {
        for (float f : a.floats()) {
          m.float32(7, f);
        }
      }
      case INTS -> {
        for (long i : a.ints()) {
          m.int64(8, i);
        }
      }
    }
    return m;
  }

  private static Message tensor(Tensor t) {
    Message m = new Message();
    for (long d : t.dims()) {
      m.int64(1, d);
    }
    m.int64(2, t.type().code);
    m.string(8, t.name());
    m.rawBytes(9, t.raw());
    return m;
  }

  private static Message valueInfo(ValueInfo v) {
    Message shape = new Message();
    for (int i = 0; i < v.dims().length; i++) {
      Message dim = new Message();
      if (v.dims()[i] >= 0) {
        dim.int64(1, v.dims()[i]);
      } else {
        dim.string(2, v.dimNames().get(i));
      }
      shape.message(1, dim);
    }
    Message tensorType = new Message();
    tensorType.int64(1, v.type().code);
    tensorType.message(2, shape);
    Message type = new Message();
    type.message(1, tensorType);
    Message m = new Message();
    m.string(1, v.name());
    m.message(2, type);
    return m;
  }

  /** One protobuf message being written; nested messages are written whole, length first. */
  private static final class Message {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    void int64(int field, long value) {
      try {
        out.writeInt64(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void float32(int field, float value) {
      try {
        out.writeFloat(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void string(int field, String value) {
      if (value == null) {
        return;
      }
      try {
        out.writeString(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void rawBytes(int field, byte[] value) {
      try {
        out.writeByteArray(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void message(int field, Message nested) {
      rawBytes(field, nested.bytes());
    }

    byte[] bytes() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.toByteArray();
    }
  }
}
