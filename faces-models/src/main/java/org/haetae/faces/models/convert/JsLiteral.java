package org.haetae.faces.models.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON, and the JavaScript object literals that minifiers make of JSON, into plain Java
 * values: {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Double}, {@link
 * Boolean} and {@code null}.
 *
 * <p>nsfwjs ships its model description as a minified JavaScript module rather than as JSON, so
 * besides JSON this accepts unquoted property names, single-quoted strings, numbers written as
 * {@code .5}, and the minifier's {@code !0} / {@code !1} for true / false. Numbers are parsed as
 * doubles with {@link Double#parseDouble}, which rounds exactly as JavaScript does, so that weight
 * scales read here equal those TensorFlow.js reads.
 */
public final class JsLiteral {
  private final String text;
  private int pos;

  private JsLiteral(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  /** Parses a whole document, which must hold exactly one value. */
  public static Object parse(String text) {
    JsLiteral p = new JsLiteral(text, 0);
    Object value = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("trailing characters");
    }
    return value;
  }

  /** Parses the one value that starts at {@code start}, ignoring whatever follows it. */
  public static Object parseAt(String text, int start) {
    return new JsLiteral(text, start).value();
  }

  /** The map at {@code key} in {@code map}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object map, String key) {
    Object v = asMap(map).get(key);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("expected an object at '" + key + "', found " + v);
    }
    return (Map<String, Object>) v;
  }

  /** The list at {@code key} in {@code map}. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object map, String key) {
    Object v = asMap(map).get(key);
    if (!(v instanceof List)) {
      throw new IllegalArgumentException("expected a list at '" + key + "', found " + v);
    }
    return (List<Object>) v;
  }

  /** The value as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected an object, found " + value);
    }
    return (Map<String, Object>) value;
  }

  /** The value as a list. */
  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object value) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("expected a list, found " + value);
    }
    return (List<Object>) value;
  }

  /** The value as an int; it must be a whole number. */
  public static int asInt(Object value) {
    if (!(value instanceof Double d) || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected an integer, found " + value);
    }
    return d.intValue();
  }

  /** The value as a double. */
  public static double asDouble(Object value) {
    if (!(value instanceof Double d)) {
      throw new IllegalArgumentException("expected a number, found " + value);
    }
    return d;
  }

  /** A list of numbers as ints. */
  public static int[] asInts(Object value) {
    List<Object> list = asList(value);
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = asInt(list.get(i));
    }
    return out;
  }

  /** A list of numbers as floats (each double rounded to the nearest float). */
  public static float[] asFloats(Object value) {
    List<Object> list = asList(value);
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) asDouble(list.get(i));
    }
    return out;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"', '\'' -> string();
      case '!' -> negation();
      default -> {
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
          yield number();
        }
        String word = identifier();
        yield switch (word) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          case "null" -> null;
          default -> throw error("unexpected word '" + word + "'");
        };
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      char c = peek();
      String key = (c == '"' || c == '\'') ? string() : identifier();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      char next = text.charAt(pos++);
      if (next == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (next != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      char next = text.charAt(pos++);
      if (next == ']') {
        return Collections.unmodifiableList(list);
      }
      if (next != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> sb.append(e);
      }
    }
  }

  private Boolean negation() {
    pos++;
    Object operand = value();
    if (operand instanceof Double d) {
      return d == 0;
    }
    if (operand instanceof Boolean b) {
      return !b;
    }
    throw error("cannot negate " + operand);
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return Double.parseDouble(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("bad number '" + text.substring(start, pos) + "'");
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos))
            || text.charAt(pos) == '_'
            || text.charAt(pos) == '$')) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + peek() + "'");
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected " + c);
    }
    pos++;
  }

  private IllegalArgumentException error(String message) {
    int from = Math.max(0, pos - 30);
    int to = Math.min(text.length(), pos + 30);
    return new IllegalArgumentException(
        message + " at offset " + pos + " near '" + text.substring(from, to) + "'");
  }
}
