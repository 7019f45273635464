package org.haetae.hashing.pdq;

/** The eight rotations and flips of an image, in the order the reference tools print them. */
public enum Dihedral {
  ORIGINAL("original"),
  ROTATE_90("rot90"),
  ROTATE_180("rot180"),
  ROTATE_270("rot270"),
  FLIP_X("flipx"),
  FLIP_Y("flipy"),
  FLIP_PLUS_1("flip_plus1"),
  FLIP_MINUS_1("flip_minus1");

  private final String label;

  Dihedral(String label) {
    this.label = label;
  }

  /** Short column-friendly name, e.g. {@code rot90}. */
  public String label() {
    return label;
  }
}
