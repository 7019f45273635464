package org.haetae.analysis.requests;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the playful spellings of polite endings and the letter-by-letter spacing that chat uses
 * into the forms Nori's dictionary knows, so that the grammar sees 해주세요 in 해주세용, 해쥬세요, 해주셈, 해주3요
 * and "해 주 세 요". Only endings and spacing are touched; words are left as written.
 */
final class KoreanSpelling {
  private KoreanSpelling() {}

  // Masked names (김OO) and Latin glued to Hangul confuse the tokenizer; a space keeps them apart.
  private static final Pattern LATIN_HANGUL =
      Pattern.compile("(?<=[A-Za-z0-9○◯*])(?=[가-힣])|(?<=[가-힣])(?=[A-Za-z○◯*])");
  private static final String[][] ENDINGS = {
    // cute and slangy forms of -요 and -세요
    {"(세|해|나|가|까|줘|만|되|돼|죠|어|아|래)(여|용|염|욤|yo)(?![가-힣])", "$1요"},
    {"(해|어|아|여)쥬", "$1주"},
    {"(주|해|하)(셈|삼|3요|3|셔요)(?![가-힣])", "$1세요"},
    {"줘(잉|잇|엉|용)(?![가-힣])", "줘"},
    {"(주|줘)(요요+)", "$1요"},
  };
  private static final Pattern[] PATTERNS = new Pattern[ENDINGS.length];

  static {
    for (int i = 0; i < ENDINGS.length; i++) {
      PATTERNS[i] = Pattern.compile(ENDINGS[i][0]);
    }
  }

  // Three or more single syllables with single spaces between them: "합 성 해 주 세 요".
  private static final Pattern SPELLED_OUT =
      Pattern.compile("(?<![가-힣])[가-힣](?: [가-힣](?![가-힣])){2,}");

  static String normalise(String text) {
    String t = LATIN_HANGUL.matcher(text).replaceAll(" ");
    for (int i = 0; i < PATTERNS.length; i++) {
      t = PATTERNS[i].matcher(t).replaceAll(ENDINGS[i][1]);
    }
    Matcher m = SPELLED_OUT.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, m.group().replace(" ", ""));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
