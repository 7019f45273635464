package org.haetae.hashing.image;

/** Why a file did not decode to an image, as a stable word for reports and CSV. */
public enum DecodeFailure {
  /** The file has no bytes. */
  EMPTY("empty file"),
  /** No decoder recognises the bytes. */
  NOT_AN_IMAGE("not a recognised image format"),
  /** Declared dimensions or file size are over the limits. */
  TOO_LARGE("too large"),
  /** The data ends before the image does. */
  TRUNCATED("truncated"),
  /** The data is damaged or inconsistent. */
  CORRUPT("corrupt image data"),
  /** A known format in a variant no installed decoder handles. */
  UNSUPPORTED("unsupported image variant"),
  /** The file could not be read at all (missing, permission, I/O error). */
  UNREADABLE("cannot read file");

  private final String summary;

  DecodeFailure(String summary) {
    this.summary = summary;
  }

  public String summary() {
    return summary;
  }

  /** Lower-case word for machine-readable output, e.g. {@code not_an_image}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
