package org.haetae.matching.match;

/** Which hash matched: PDQ within the radius, or an exact file digest. */
public enum MatchKind {
  PDQ,
  MD5,
  SHA256;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
