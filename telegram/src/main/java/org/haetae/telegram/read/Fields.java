package org.haetae.telegram.read;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed, forgiving lookups in a {@link JsonTree} object: a wrong type reads as absent. */
final class Fields {
  private final Map<String, Object> m;

  Fields(Map<String, Object> m) {
    this.m = m;
  }

  boolean has(String k) {
    return m.containsKey(k);
  }

  Object raw(String k) {
    return m.get(k);
  }

  String string(String k) {
    return m.get(k) instanceof String s ? s : null;
  }

  /** A string, or a number written as a string (as {@code date_unixtime} is). */
  Long number(String k) {
    Object v = m.get(k);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigDecimal d) {
      return d.longValue();
    }
    if (v instanceof String s && !s.isEmpty() && s.length() <= 19) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  Integer integer(String k) {
    Long l = number(k);
    return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
  }

  /** A number or string rendered as text (ids that may come either way). */
  String text(String k) {
    Object v = m.get(k);
    return v instanceof String || v instanceof Number ? v.toString() : null;
  }

  List<?> list(String k) {
    return m.get(k) instanceof List<?> l ? l : null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object v) {
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
  }
}
