package org.haetae.telegram.model;

/** What became of a media path written in the export. Only {@link #PRESENT} names a file. */
public enum MediaStatus {
  /** A regular file inside the export folder. */
  PRESENT,
  /** "(File not included. Change data exporting settings to download.)" */
  NOT_INCLUDED,
  /** "(File exceeds maximum size. Change data exporting settings to download.)" */
  EXCEEDS_MAXIMUM_SIZE,
  /** "(File unavailable, please try again later)" */
  UNAVAILABLE,
  /** Some other text in parentheses where a path belongs. */
  OTHER_PLACEHOLDER,
  /** The path is well-formed but nothing is there. */
  MISSING,
  /** The path climbs out with {@code ..}; not followed. */
  PATH_TRAVERSAL,
  /** An absolute path or drive letter; not followed. */
  ABSOLUTE_PATH,
  /** The path passes through a symbolic link that leads outside the export; not followed. */
  SYMLINK_OUTSIDE,
  /** The path passes through a symbolic link inside the export; not followed either. */
  SYMLINK,
  /** Something other than a regular file (a folder, a device). */
  NOT_A_FILE,
  /** Empty, NUL bytes, or otherwise not a path. */
  INVALID_PATH;

  /** Lower-case word for records and reports. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
