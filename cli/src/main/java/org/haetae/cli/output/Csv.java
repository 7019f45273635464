package org.haetae.cli.output;

import java.util.List;

/** RFC 4180 CSV fields: quoted only when they hold a comma, quote or line break. */
public final class Csv {
  private Csv() {}

  public static String field(String s) {
    if (s == null) {
      return "";
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  public static String row(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(fields.get(i)));
    }
    return sb.toString();
  }
}
