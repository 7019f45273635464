package org.haetae.telegram.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree (maps, lists, strings, Long/BigInteger/BigDecimal, Boolean, null) for one
 * message at a time. Kept here rather than pulling in a data-binding library: the reader needs a
 * few lookups and the raw JSON, nothing more.
 */
final class JsonTree {
  /** Stands for JSON null inside lists, where Java null would be ambiguous with "absent". */
  static final Object NULL = new Object();

  private final int maxNodes;
  private int nodes;
  private boolean clipped;

  JsonTree(int maxNodes) {
    this.maxNodes = maxNodes;
  }

  /** True when the last {@link #read} stopped adding nodes at the bound (the rest was skipped). */
  boolean clipped() {
    return clipped;
  }

  /** Reads the value at the parser's current token (which must be set). */
  Object read(JsonParser p) throws IOException {
    nodes = 0;
    clipped = false;
    return value(p);
  }

  private Object value(JsonParser p) throws IOException {
    nodes++;
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (nodes >= maxNodes) {
            clipped = true;
            p.skipChildren();
            continue;
          }
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (nodes >= maxNodes) {
            clipped = true;
            p.skipChildren();
            continue;
          }
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT, LONG -> p.getLongValue();
          default -> p.getBigIntegerValue();
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IOException("unexpected JSON token " + t);
    }
  }
}
