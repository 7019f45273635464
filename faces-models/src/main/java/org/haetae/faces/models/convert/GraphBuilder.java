package org.haetae.faces.models.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.haetae.faces.models.convert.OnnxWriter.Attribute;
import org.haetae.faces.models.convert.OnnxWriter.Graph;
import org.haetae.faces.models.convert.OnnxWriter.Node;
import org.haetae.faces.models.convert.OnnxWriter.Tensor;
import org.haetae.faces.models.convert.OnnxWriter.ValueInfo;

/**
 * Collects the nodes and constants of one graph while a converter walks a network, and hands out
 * unique value names. The converters keep activations in NCHW, the layout ONNX operators expect.
 */
final class GraphBuilder {
  private final List<Node> nodes = new ArrayList<>();
  private final List<Tensor> initializers = new ArrayList<>();
  private final List<ValueInfo> inputs = new ArrayList<>();
  private final List<ValueInfo> outputs = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  void input(ValueInfo info) {
    claim(info.name());
    inputs.add(info);
  }

  void output(ValueInfo info) {
    outputs.add(info);
  }

  /** Adds a float constant and returns its name. */
  String constant(String name, long[] dims, float[] values) {
    String unique = unique(name);
    initializers.add(Tensor.floats(unique, dims, values));
    return unique;
  }

  /** Adds an int64 constant and returns its name. */
  String constantLongs(String name, long... values) {
    String unique = unique(name);
    initializers.add(Tensor.longs(unique, new long[] {values.length}, values));
    return unique;
  }

  /** Adds a node with one output named after {@code name} and returns that output's name. */
  String node(String opType, String name, List<String> in, Attribute... attributes) {
    String out = unique(name);
    nodes.add(new Node(opType, out, in, List.of(out), Arrays.asList(attributes)));
    return out;
  }

  /** Adds a node whose single output has the given, exact name (a graph output). */
  void nodeTo(String opType, String output, List<String> in, Attribute... attributes) {
    claim(output);
    nodes.add(new Node(opType, output, in, List.of(output), Arrays.asList(attributes)));
  }

  Graph build(String name) {
    return new Graph(name, nodes, initializers, inputs, outputs);
  }

  private String unique(String base) {
    String candidate = base;
    for (int i = 1; names.contains(candidate); i++) {
      candidate = base + "_" + i;
    }
    names.add(candidate);
    return candidate;
  }

  private void claim(String exact) {
    if (!names.add(exact)) {
      throw new IllegalStateException("value name used twice: " + exact);
    }
  }
}
