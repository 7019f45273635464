package org.haetae.report.manifest;

/** Quoting for {@code manifest.csv}, whose paths come from the suspects' exports. */
final class Csv {
  private Csv() {}

  /**
   * A text field, quoted when it must be. One starting with {@code = + - @} or a tab gets a leading
   * apostrophe, as spreadsheets would otherwise run it as a formula; manifest.json keeps it exact.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\'';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
