package org.haetae.server.storage.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.NameUse;

/** The small JSON values the case tables keep in jsonb columns. */
final class Json {
  private static final JsonFactory JSON = new JsonFactory();

  private Json() {}

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static String of(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }

  /**
   * A jsonb value that a column of message references ({@link #refs}) contains when it cites a
   * message of {@code chatKey} (with id {@code messageId} unless null): for {@code @>} lookups.
   */
  static String citing(String chatKey, Long messageId) {
    return of(
        g -> {
          g.writeStartArray();
          g.writeStartObject();
          g.writeStringField("chat", chatKey);
          if (messageId != null) {
            g.writeNumberField("message_id", messageId);
          }
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  static String refs(List<MessageRef> refs) {
    return of(
        g -> {
          g.writeStartArray();
          for (MessageRef r : refs) {
            g.writeStartObject();
            g.writeStringField("chat", r.chatKey());
            if (r.messageId() != null) {
              g.writeNumberField("message_id", r.messageId());
            }
            g.writeNumberField("date", r.dateUnix());
            g.writeStringField("export", r.export());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  static String names(List<NameUse> names) {
    return of(
        g -> {
          g.writeStartArray();
          for (NameUse n : names) {
            g.writeStartObject();
            g.writeStringField("name", n.name());
            if (n.firstSeen() != null) {
              g.writeNumberField("first_seen", n.firstSeen());
            }
            if (n.lastSeen() != null) {
              g.writeNumberField("last_seen", n.lastSeen());
            }
            g.writeNumberField("count", n.count());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** A model's class probabilities, by class name. */
  static String scores(Map<String, Double> scores) {
    return of(
        g -> {
          g.writeStartObject();
          for (Map.Entry<String, Double> e : new TreeMap<>(scores).entrySet()) {
            // jsonb takes no NaN: a score a model could not give is left out, not stored broken.
            if (e.getValue() != null && Double.isFinite(e.getValue())) {
              g.writeNumberField(e.getKey(), e.getValue());
            }
          }
          g.writeEndObject();
        });
  }

  /** Reads {@link #scores} back (from the column's text); empty for null. */
  static Map<String, Double> scores(String json) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (json == null) {
      return out;
    }
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        out.put(name, p.getValueAsDouble());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a scores column holds what scores() wrote", e);
    }
    return out;
  }

  static String labels(Map<String, String> labels) {
    return of(
        g -> {
          g.writeStartObject();
          for (Map.Entry<String, String> e : labels.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        });
  }
}
