package org.haetae.pipeline.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.RawJson;

/**
 * Writes the reader's records as JSON objects with snake_case keys, by their components, so the
 * record files follow the model without a hand-kept mapping. A {@code rawJson} component is
 * embedded as JSON under {@code raw}, not as a string.
 */
final class RecordJson {
  private record Component(String name, boolean raw, MethodHandle accessor) {}

  // Looked up once per record class: reflection per field per message would dominate the time.
  private static final ClassValue<List<Component>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
          List<Component> out = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            try {
              out.add(
                  new Component(
                      snake(c.getName()),
                      c.getName().equals("rawJson"),
                      MethodHandles.lookup().unreflect(c.getAccessor())));
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }
          return List.copyOf(out);
        }
      };

  private RecordJson() {}

  static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof PeerId p) {
      // The form the export uses: user123, channel123, or bare digits.
      g.writeString(p.toString());
    } else if (v instanceof Record r) {
      g.writeStartObject();
      for (Component c : COMPONENTS.get(r.getClass())) {
        Object value;
        try {
          value = c.accessor().invoke(r);
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
        if (c.raw()) {
          g.writeFieldName("raw");
          if (value instanceof RawJson raw) {
            raw.writeTo(g);
          } else {
            g.writeNull();
          }
          continue;
        }
        g.writeFieldName(c.name());
        write(g, value);
      }
      g.writeEndObject();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name().toLowerCase(java.util.Locale.ROOT));
    } else if (v instanceof Collection<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  static String snake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
