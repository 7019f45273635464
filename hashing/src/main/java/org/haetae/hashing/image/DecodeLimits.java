package org.haetae.hashing.image;

/**
 * Bounds that keep hostile files from exhausting memory: a file larger than {@code maxFileBytes} is
 * not read, and an image declaring more than {@code maxPixels} pixels is refused before its pixels
 * are allocated.
 */
public record DecodeLimits(long maxPixels, long maxFileBytes) {
  /** 50 megapixels (an 8K camera frame) and 256 MiB of file. */
  public static final DecodeLimits DEFAULT = new DecodeLimits(50_000_000L, 256L * 1024 * 1024);

  public DecodeLimits {
    if (maxPixels <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxFileBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxFileBytes must fit in an array (under 2 GiB)");
    }
  }
}
