package org.haetae.analysis.flags;

/** A lexicon file with a bad line; the message names the file and the line. */
public final class LexiconException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LexiconException(String source, int line, String reason) {
    super(source + ":" + line + ": " + reason);
  }
}
