package org.haetae.demo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Writes JSON the way Telegram Desktop's export writer does: one space of indent per level, {@code
 * "key": value}, and its own string escaping, including {@code \xHH} for control characters, which
 * is not valid JSON and is exactly what readers must survive.
 */
public final class TdJsonWriter implements AutoCloseable {
  private final OutputStream out;
  private final ArrayDeque<boolean[]> firsts = new ArrayDeque<>();
  private boolean afterKey;
  private long bytes;
  private long xEscapes;

  public TdJsonWriter(OutputStream out) {
    this.out = out;
  }

  public long bytes() {
    return bytes;
  }

  /** Control characters written as {@code \xHH}. */
  public long xEscapes() {
    return xEscapes;
  }

  public TdJsonWriter beginObject() throws IOException {
    value();
    raw("{");
    firsts.push(new boolean[] {true});
    return this;
  }

  public TdJsonWriter endObject() throws IOException {
    firsts.pop();
    raw("\n");
    indent();
    raw("}");
    return this;
  }

  public TdJsonWriter beginArray() throws IOException {
    value();
    raw("[");
    firsts.push(new boolean[] {true});
    return this;
  }

  public TdJsonWriter endArray() throws IOException {
    boolean empty = firsts.pop()[0];
    if (!empty) {
      raw("\n");
      indent();
    }
    raw("]");
    return this;
  }

  public TdJsonWriter key(String k) throws IOException {
    separate();
    raw(escape(k));
    raw(": ");
    afterKey = true;
    return this;
  }

  public TdJsonWriter string(String s) throws IOException {
    value();
    if (s == null) {
      raw("null");
    } else {
      raw(escape(s));
    }
    return this;
  }

  public TdJsonWriter number(long n) throws IOException {
    value();
    raw(Long.toString(n));
    return this;
  }

  /** A number written exactly as given, e.g. {@code 37.566500}. */
  public TdJsonWriter decimal(String literal) throws IOException {
    value();
    raw(literal);
    return this;
  }

  public TdJsonWriter bool(boolean b) throws IOException {
    value();
    raw(b ? "true" : "false");
    return this;
  }

  public TdJsonWriter field(String k, String v) throws IOException {
    return key(k).string(v);
  }

  public TdJsonWriter field(String k, long v) throws IOException {
    return key(k).number(v);
  }

  /** Bytes as they are, for tests that need to write something broken. */
  public void raw(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b);
    bytes += b.length;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void value() throws IOException {
    if (afterKey) {
      afterKey = false;
      return;
    }
    separate();
  }

  private void separate() throws IOException {
    if (firsts.isEmpty()) {
      return;
    }
    boolean[] first = firsts.peek();
    raw(first[0] ? "\n" : ",\n");
    first[0] = false;
    indent();
  }

  private void indent() throws IOException {
    raw(" ".repeat(firsts.size()));
  }

  private String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> {
          if (c < 0x20) {
            xEscapes++;
            b.append("\\x").append(String.format("%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
