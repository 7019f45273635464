package org.haetae.report.html;

/**
 * Escaping for everything the report did not write itself. Names, messages, paths and labels come
 * from suspects' exports, so each one goes through {@link #text} before it reaches the page.
 */
final class Html {
  private Html() {}

  /**
   * Safe in element content and in quoted attribute values: {@code & < > " '} become entities,
   * control characters (which could hide text or break the markup) become spaces, and an unpaired
   * surrogate becomes U+FFFD.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> replacement(s, i, c);
          };
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  private static String replacement(String s, int i, char c) {
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return " ";
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : "\uFFFD";
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : "\uFFFD";
    }
    return null;
  }

  /** A name from the export, isolated so right-to-left overrides in it cannot reorder the page. */
  static String name(String s) {
    return "<bdi>" + text(s) + "</bdi>";
  }

  /** An id for anchors made from a value the report controls the alphabet of (hex, keys). */
  static String anchor(String prefix, String value) {
    StringBuilder b = new StringBuilder(prefix);
    for (char c : (value == null ? "" : value).toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    return b.toString();
  }

  /** The first 12 hex digits: enough to tell files apart on screen. */
  static String shortHash(String sha) {
    return sha == null ? "" : sha.length() <= 12 ? sha : sha.substring(0, 12);
  }
}
