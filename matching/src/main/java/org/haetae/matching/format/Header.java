package org.haetae.matching.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Column positions of a CSV header, looked up by any of a column's accepted names. */
final class Header {
  private final List<String> names = new ArrayList<>();

  Header(List<String> fields) {
    for (String f : fields) {
      names.add(TextInput.clip(f).toLowerCase(Locale.ROOT));
    }
  }

  /** Index of the first column called one of {@code aliases}, or -1. */
  int find(String... aliases) {
    for (String a : aliases) {
      int i = names.indexOf(a);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  int size() {
    return names.size();
  }

  String name(int i) {
    return names.get(i);
  }

  static String field(List<String> fields, int i) {
    return i >= 0 && i < fields.size() ? fields.get(i) : "";
  }
}
