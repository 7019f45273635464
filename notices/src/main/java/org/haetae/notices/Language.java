package org.haetae.notices;

import java.util.Locale;

/** The language a notice is written in. */
public enum Language {
  KO,
  EN;

  /** {@code "ko"}, {@code "en"} or a language tag starting with either ({@code "ko-KR"}). */
  public static Language of(String tag) {
    String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
    if (t.equals("ko") || t.startsWith("ko-") || t.startsWith("ko_")) {
      return KO;
    }
    if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
      return EN;
    }
    throw new IllegalArgumentException("language must be ko or en, not \"" + tag + "\"");
  }
}
