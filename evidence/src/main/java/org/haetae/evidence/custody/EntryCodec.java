package org.haetae.evidence.custody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry lines: {@code {"seq":..,"time":..,"type":..,"prev":..,<fields>,"hash":"<sha256>"}}. The
 * hash covers the exact bytes of the body, i.e. the line with its final {@code ,"hash":"..."}
 * member removed, so checking a line needs no canonical re-encoding, only byte slicing.
 */
final class EntryCodec {
  static final String ZERO = "0".repeat(64);
  private static final String HASH_MEMBER = ",\"hash\":\"";
  // ,"hash":" + 64 hex + "}
  private static final int TRAILER = HASH_MEMBER.length() + 64 + 2;
  // Lines are pure ASCII (non-ASCII escaped) and read as ISO-8859-1, one char per byte, so every
  // byte of the file takes part in the hash: no two byte strings decode to the same line.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private EntryCodec() {}

  static String body(long seq, String time, String type, String prev, Map<String, ?> fields) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("seq", seq);
      g.writeStringField("time", time);
      g.writeStringField("type", type);
      g.writeStringField("prev", prev);
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        if (List.of("seq", "time", "type", "prev", "hash").contains(e.getKey())) {
          throw new IllegalArgumentException("reserved field " + e.getKey());
        }
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  static String line(String body, String hash) {
    return body.substring(0, body.length() - 1) + HASH_MEMBER + hash + "\"}";
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses and checks one line on its own; throws with the reason when it is not intact. */
  static Entry decode(String line) throws BadEntry {
    if (line.length() < TRAILER + 2
        || !line.endsWith("\"}")
        || !line.startsWith(HASH_MEMBER, line.length() - TRAILER)) {
      throw new BadEntry("not an entry line (hash member missing)");
    }
    String hash = line.substring(line.length() - 66, line.length() - 2);
    String body = line.substring(0, line.length() - TRAILER) + "}";
    if (!sha256(body).equals(hash)) {
      throw new BadEntry("hash does not match the entry's content");
    }
    Map<String, Object> fields;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadEntry("entry is not a JSON object");
      }
      fields = object(p);
      if (p.nextToken() != null) {
        throw new BadEntry("data after the entry");
      }
    } catch (IOException e) {
      throw new BadEntry("entry is not valid JSON");
    }
    if (!(fields.get("seq") instanceof Long seq)
        || !(fields.get("type") instanceof String type)
        || !(fields.get("time") instanceof String time)
        || !(fields.get("prev") instanceof String prev)) {
      throw new BadEntry("entry lacks seq, time, type or prev");
    }
    return new Entry(seq, type, time, prev, hash, fields, EventCodec.decode(type, fields), line);
  }

  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      p.nextToken();
      m.put(k, value(p));
    }
    return m;
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("cannot log a " + v.getClass().getSimpleName());
    }
  }

  /** A line that is not an intact entry. */
  static final class BadEntry extends Exception {
    private static final long serialVersionUID = 1L;

    BadEntry(String message) {
      super(message);
    }
  }
}
