package org.haetae.analysis.requests;

/**
 * One morpheme as Nori analyses it.
 *
 * @param tag the part of speech (mecab-ko-dic tag: {@code VV}, {@code EC}, {@code NNG}, ...); a
 *     space is {@code SP}
 */
record Morph(String surface, String tag) {
  boolean is(String t) {
    return tag.equals(t);
  }

  boolean is(String t, String s) {
    return tag.equals(t) && surface.equals(s);
  }

  boolean space() {
    return tag.equals("SP");
  }

  boolean predicate() {
    return tag.equals("VV") || tag.equals("VA") || tag.equals("XSV") || tag.equals("XSA");
  }

  boolean noun() {
    return tag.equals("NNG") || tag.equals("NNP") || tag.equals("NP") || tag.equals("NR");
  }
}
