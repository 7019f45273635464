package org.haetae.notices;

import java.util.regex.Pattern;

/** Small text helpers shared by the records. */
final class Strings {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Strings() {}

  /** {@code s} stripped, or null when it is null or blank. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  static boolean isEmail(String s) {
    return s != null && EMAIL.matcher(s).matches();
  }
}
