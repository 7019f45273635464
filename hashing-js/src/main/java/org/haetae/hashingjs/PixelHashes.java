package org.haetae.hashingjs;

import org.haetae.hashing.pdq.PdqHash;
import org.haetae.hashing.pdq.PdqHasher;

/**
 * What the browser exports, in plain Java (so that the JVM tests can call it): PDQ of a canvas's
 * RGBA pixels through {@link PdqHasher#hashRgba}, the very code {@code haetae hash} runs.
 */
public final class PixelHashes {
  private static final PdqHasher PDQ = new PdqHasher();

  private PixelHashes() {}

  /** PDQ of RGBA pixels (alpha ignored), as the JVM hashes an image with these colours. */
  public static PdqHash pdq(byte[] rgba, int width, int height) {
    return PDQ.hashRgba(rgba, width, height);
  }

  /**
   * PDQ of the pixels of a greyscale file (8-bit grey PNG, grey with alpha, one-channel JPEG) as
   * the browser decodes them: mapped first as Java's colour model maps them ({@link JavaGrey}).
   */
  public static PdqHash pdqGrey(byte[] rgba, int width, int height) {
    checkSize(rgba, width, height);
    return PDQ.hashRgba(JavaGrey.toSrgb(rgba, width * height), width, height);
  }

  private static void checkSize(byte[] rgba, int width, int height) {
    if (width <= 0 || height <= 0 || rgba.length < (long) width * height * 4) {
      throw new IllegalArgumentException(
          "need " + width + "x" + height + "x4 bytes, got " + rgba.length);
    }
  }
}
