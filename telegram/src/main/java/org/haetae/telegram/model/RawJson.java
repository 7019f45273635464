package org.haetae.telegram.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A JSON value exactly as the export had it (every field, known or not), held as a tree and written
 * out only when someone needs it: writing a copy of each of millions of messages up front would
 * cost more than reading them.
 */
public final class RawJson {
  private static final JsonFactory JSON = new JsonFactory();
  private final Object tree;

  /**
   * @param tree maps, lists, strings, Long, BigInteger, BigDecimal, Boolean; anything else is
   *     written as null
   */
  public RawJson(Object tree) {
    this.tree = tree;
  }

  public void writeTo(JsonGenerator g) throws IOException {
    write(g, tree);
  }

  public String json() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, tree);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return w.toString();
  }

  @Override
  public String toString() {
    return json();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawJson r && tree.equals(r.tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal n) {
      g.writeNumber(n);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeNull();
    }
  }
}
